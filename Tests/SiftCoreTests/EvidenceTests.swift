import SiftCore
import Testing

@Suite("Evidence files")
struct EvidenceTests {
    @Test("a bad establishment is reported by URN and field, and the others are still read")
    func badEstablishmentDoesNotStopOthers() throws {
        let json = """
        {"establishments": [
          {"urn": "1", "name": "Good", "kind": "community"},
          {"urn": "2", "name": "Bad", "kind": "community", "pupils": "many",
           "inspections": [{"date": "2020-02-30", "framework": "graded", "overallEffectiveness": 2}]},
          {"urn": "3", "name": "Typo", "kind": "comunity"}
        ]}
        """
        let set = EvidenceDecoder.decodeFile(try JSONReader.read(json))
        #expect(set.establishments.map(\.urn) == ["1"])
        #expect(set.rejected == ["2", "3"])
        let fields = set.problems.map { "\($0.urn) \($0.field)" }
        #expect(fields.contains("2 pupils"))
        #expect(fields.contains("2 inspections[0].date"))
        #expect(fields.contains("3 kind"))
    }

    @Test("contradictory evidence is named: a grade on an ungraded inspection, an interval upside down, a year given twice")
    func contradictions() throws {
        let json = """
        {"urn": "9", "name": "X", "kind": "community",
         "inspections": [{"date": "2025-01-10", "framework": "ungraded_2024", "overallEffectiveness": 2},
                         {"date": "2019-01-10", "framework": "graded", "overallEffectiveness": 2},
                         {"date": "2019-01-10", "framework": "graded", "overallEffectiveness": 3}],
         "measures": [{"measure": "ks2_reading_progress", "year": 2023, "value": -1, "lower": 1, "upper": -3},
                      {"measure": "eyfs_gld", "year": 2023, "value": 60},
                      {"measure": "eyfs_gld", "year": 2023, "value": 61},
                      {"measure": "ks1_rwm", "year": 2023, "status": "suppressed", "value": 3}]}
        """
        guard case .failure(let problems) = EvidenceDecoder.decode(try JSONReader.read(json)) else {
            Issue.record("contradictory evidence was accepted")
            return
        }
        let messages = problems.map(\.description).joined(separator: "\n")
        #expect(messages.contains("inspections[0].overallEffectiveness"))
        #expect(messages.contains("two inspections are dated 2019-01-10"))
        #expect(messages.contains("measures[0].lower"))
        #expect(messages.contains("eyfs_gld for 2023 is given twice"))
        #expect(messages.contains("measures[3].status"))
    }

    @Test("an unknown field gets a suggestion")
    func unknownField() throws {
        let json = #"{"urn": "9", "name": "X", "kind": "community", "inspections": [{"date": "2019-01-10", "framework": "graded", "overalEffectiveness": 2}]}"#
        guard case .failure(let problems) = EvidenceDecoder.decode(try JSONReader.read(json)) else {
            Issue.record("an unknown field was accepted")
            return
        }
        #expect(problems.map(\.description).joined().contains("did you mean 'inspections[0].overallEffectiveness'"))
    }

    @Test("a URN given twice is reported and the second is not used")
    func duplicateURN() throws {
        let set = EvidenceDecoder.decodeFile(try JSONReader.read(#"[{"urn":"1","name":"A","kind":"community"}]"#.replacing("[", with: "{\"establishments\":[").replacing("]", with: ",{\"urn\":\"1\",\"name\":\"B\",\"kind\":\"community\"}]}")))
        #expect(set.establishments.map(\.name) == ["A"])
        #expect(set.problems.first?.field == "urn")
    }

    @Test("malformed JSON is reported with its line; a byte-order mark is accepted")
    func jsonReader() throws {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.read("{\n\"a\": [1, 2,\n}") }
        do { _ = try JSONReader.read("{\n\"a\": [1, 2,\n}") } catch { #expect(error.line == 3) }
        let tree = try JSONReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"x": "caf\u00e9 \ud83d\ude00", "n": -1.5e2}"#.utf8))
        #expect(tree["x"]?.text == "café 😀")
        #expect(tree["n"]?.number == -150)
        #expect(throws: JSONReader.Failure.self) { try JSONReader.read(String(repeating: "[", count: 500)) }
    }

    @Test("a measure not published is recorded as such, never as zero")
    func notPublished() throws {
        let school = try establishment(#"{"urn":"1","name":"N","kind":"community","measures":[{"measure":"ks2_reading_progress","year":2021,"status":"not_published"}]}"#)
        let record = try #require(school.records(.ks2ReadingProgress).first)
        #expect(record.status == .notPublished)
        #expect(record.value == nil)
    }

    @Test("grade 3 before 1 September 2012 is satisfactory; from that day it is requires improvement")
    func satisfactoryBoundary() throws {
        let framework = try bundled("warwickshire-2013")
        let engine = DecisionEngine(framework: framework)
        for (date, expected) in [("2012-08-31", ["3A", "3B"]), ("2012-09-01", ["3C", "3D"])] {
            let school = try establishment(#"{"urn":"1","name":"N","kind":"community","inspections":[{"date":"\#(date)","framework":"graded","overallEffectiveness":3,"leadershipAndManagement":3}],"local":{"trend":"improving"}}"#)
            let result = engine.categorise(school, runDate: october2023)
            #expect(expected.contains(result.category?.code ?? "none"), "inspection on \(date)")
        }
    }
}

@Suite("Hostile evidence")
struct HostileEvidenceTests {
    /// Mutates a valid evidence file byte by byte, many times over: every result must be a
    /// clear failure or a read, never a crash.
    @Test("mutated evidence files are refused or read, never crash the readers")
    func mutations() throws {
        let valid = Array(TreeWriter.json(SyntheticEvidence(count: 3, seed: 11).tree()).utf8)
        var random = SeededGenerator(seed: 99)
        let alphabet = Array("{}[]\",:0123456789.-eE+ntrufalsx\\\n\u{0}".utf8) + [0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]
        var refused = 0, read = 0
        for _ in 0..<1500 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = alphabet.randomElement(using: &random)!
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
                }
            }
            do {
                let tree = try JSONReader.read(bytes: bytes)
                _ = EvidenceDecoder.decodeFile(tree)
                read += 1
            } catch {
                refused += 1
            }
        }
        #expect(refused > 0)
        #expect(read + refused == 1500)
    }

    @Test("extreme numbers and deep nesting are handled", arguments: [
        #"{"urn":"1","name":"N","kind":"community","pupils":1e400}"#,
        #"{"urn":"1","name":"N","kind":"community","pupils":-0}"#,
        #"{"urn":"1","name":"N","kind":"community","pupils":99999999999999999999999}"#,
        #"{"urn":"1","name":"N","kind":"community","measures":[{"measure":"eyfs_gld","year":1e10,"value":1}]}"#,
        #"{"urn":"1","name":"N","kind":"community","local":{"other":{"x":[[[[[[]]]]]]}}}"#,
    ])
    func extremes(_ json: String) {
        if let tree = try? JSONReader.read(json) {
            _ = EvidenceDecoder.decode(tree)
        }
    }
}
