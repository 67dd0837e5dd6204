import SiftCore
import Testing

@Suite("One top-level member of a JSON document")
struct JSONMemberTests {
    @Test("finds the member at the top level only, past strings, escapes and nested values")
    func topLevel() {
        let text = #"""
        {"urn": "1", "name": "St Mary's \"pupils\": 9", "local": {"pupils": 7, "list": [{"pupils": 8}]},
         "tags": ["a,b", "}"], "pupils" : 183, "after": true}
        """#
        #expect(JSONReader.topLevelNumber("pupils", in: text) == 183)
        #expect(JSONReader.topLevelNumber("pupils", in: #"{"local": {"pupils": 7}}"#) == nil)
        #expect(JSONReader.topLevelNumber("pupils", in: #"{"pupils": null}"#) == nil)
        #expect(JSONReader.topLevelNumber("pupils", in: #"[{"pupils": 4}]"#) == nil)
        #expect(JSONReader.topLevelNumber("pupils", in: #"{"pupils":-1.5e2}"#) == -150)
        #expect(JSONReader.topLevelNumber("urn", in: #"{"urn": "1"}"#) == nil)
    }

    @Test("agrees with the whole reader on generated evidence")
    func agreesWithReader() throws {
        for element in SyntheticEvidence(count: 40, seed: 7).tree()["establishments"]?.elements ?? [] {
            let text = TreeWriter.json(element)
            #expect(JSONReader.topLevelNumber("pupils", in: text) == (try JSONReader.read(text))["pupils"]?.number)
        }
    }
}
