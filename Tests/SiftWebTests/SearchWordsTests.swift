@testable import SiftWeb
import Testing

@Suite("Search words")
struct SearchWordsTests {
    @Test("names split into words in lower case, accents folded, apostrophes dropped")
    func split() {
        #expect(SearchWords.split("St Mary's C of E Primary") == ["st", "marys", "c", "of", "e", "primary"])
        #expect(SearchWords.split("Ysgol Gymraeg Brynïach") == ["ysgol", "gymraeg", "bryniach"])
        #expect(SearchWords.split("St Mary\u{2019}s – Out-of-School") == ["st", "marys", "out", "of", "school"])
        #expect(SearchWords.words(name: "Oak Lane", urn: "100001") == ["oak", "lane", "100001"])
        // Plain ASCII takes a quicker path, which must find the same words as the general one.
        var generator = SystemRandomNumberGenerator()
        let characters = Array("abcXYZ019 '-,.()&/\t\"")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in characters.randomElement(using: &generator)! })
            #expect(SearchWords.split(text) == SearchWords.splitFolded(text), "\(text)")
        }
    }

    @Test("the first text after every word with a prefix")
    func after() {
        #expect(SearchWords.after("oak") == "oal")
        #expect(SearchWords.after("a9") == "a:")
        #expect("oakwood" < SearchWords.after("oak") && "oak" >= "oak" && !("oal" < SearchWords.after("oak")))
    }
}
