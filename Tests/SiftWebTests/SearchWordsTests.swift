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
    }

    @Test("the first text after every word with a prefix")
    func after() {
        #expect(SearchWords.after("oak") == "oal")
        #expect(SearchWords.after("a9") == "a:")
        #expect("oakwood" < SearchWords.after("oak") && "oak" >= "oak" && !("oal" < SearchWords.after("oak")))
    }
}
