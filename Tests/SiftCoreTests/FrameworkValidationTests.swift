import SiftCore
import Testing

@Suite("Framework validation")
struct FrameworkValidationTests {
    let twoRows = """
      - id: category
        sets: category
        rows:
          - { id: r1, when: "ofsted.overall >= 3", then: "1" }
        otherwise: { then: "2" }
    """

    @Test("a well-formed file loads")
    func wellFormed() {
        #expect(issues(frameworkYAML(tables: twoRows)) == [])
    }

    @Test("an unknown key is named with its line and a suggestion")
    func unknownKey() {
        let found = issues(frameworkYAML(tables: twoRows.replacing("otherwise:", with: "otherwize:")))
        #expect(found.contains { $0.hasPrefix("17:") && $0.contains("unknown key 'otherwize'") && $0.contains("did you mean 'otherwise'") })
    }

    @Test("an unknown category code is named with its line")
    func unknownCategory() {
        let found = issues(frameworkYAML(tables: twoRows.replacing("then: \"1\"", with: "then: \"7\"")))
        #expect(found.contains { $0.hasPrefix("16:") && $0.contains("'7' is not a category") })
    }

    @Test("a category no row can reach is an error")
    func unreachable() {
        let found = issues(frameworkYAML(categories: "[{ code: \"1\", name: One }, { code: \"2\", name: Two }, { code: \"3\", name: Three }]", tables: twoRows))
        #expect(found.contains { $0.contains("no row can reach the category '3'") })
    }

    @Test("a row shadowed by an earlier row is an error", arguments: [
        ("ofsted.overall >= 3", "ofsted.overall == 4"),
        ("la.trend in [declining, sharp_decline]", "la.trend == sharp_decline and ofsted.overall >= 3"),
        ("establishment.maintained", "establishment.maintained and la.risk == none"),
        ("ofsted.overall >= 3 or la.risk == high_risk", "la.risk == high_risk"),
    ])
    func shadowed(_ pair: (String, String)) {
        let found = issues(frameworkYAML(tables: Self.table(first: pair.0, second: pair.1)))
        #expect(found.contains { $0.contains("row 'second' can never apply") && $0.contains("'first'") })
    }

    @Test("rows that only overlap are not reported as shadowed", arguments: [
        ("ofsted.overall >= 3", "ofsted.overall >= 2"),
        ("la.trend == declining", "la.trend in [declining, sharp_decline]"),
        ("establishment.maintained and la.risk == none", "establishment.maintained"),
    ])
    func notShadowed(_ pair: (String, String)) {
        #expect(issues(frameworkYAML(tables: Self.table(first: pair.0, second: pair.1))) == [])
    }

    /// A category table of two rows: `first` gives category 1, `second` category 2.
    static func table(first: String, second: String) -> String {
        """
          - id: category
            sets: category
            rows:
              - { id: first, when: "\(first)", then: "1" }
              - { id: second, when: "\(second)", then: "2" }
        """
    }

    @Test("a plan whose parts do not add up to its allocation is an error naming the line and the sum")
    func planTotals() {
        let plans = """
        plans:
          - category: "1"
            allocation: 5
            unit: days
            activities:
              - { term: autumn1, activity: Visit, amount: 1.5 }
              - { term: spring1, activity: Review, amount: 3 }
        """
        let found = issues(frameworkYAML(tables: twoRows, extra: plans))
        #expect(found.contains { $0.hasPrefix("21:") && $0.contains("adds up to 4.5 days (1.5 + 3), but its allocation is 5") })
    }

    @Test("a YAML syntax error names its line")
    func syntax() {
        let found = issues("sift_framework: 1\nid: [unclosed\nname: x\n")
        #expect(found.count == 1)
        #expect(found[0].first?.isNumber == true)
    }

    @Test("a condition naming an unknown fact is an error naming its line")
    func badCondition() {
        let found = issues(frameworkYAML(tables: twoRows.replacing("ofsted.overall >= 3", with: "ofsted.overal >= 3")))
        #expect(found.contains { $0.hasPrefix("16:") && $0.contains("'ofsted.overal' is not a fact") })
    }
}
