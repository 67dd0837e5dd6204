@testable import SiftCore
import Foundation
import Testing

/// Cases where a missing, mistyped or surprising value must never quietly decide anything.
@Suite("Edge cases")
struct EdgeCaseTests {
    /// A three-category framework whose category table has the two rows given.
    func framework(_ first: String, _ second: String, extra: String = "") throws -> Framework {
        let yaml = frameworkYAML(categories: "[{ code: \"1\", name: One }, { code: \"2\", name: Two }, { code: \"3\", name: Three }]",
                                 tables: """
          - id: category
            sets: category
            rows:
              - { id: r1, when: "\(first)", then: "1" }
              - { id: r2, when: "\(second)", then: "2" }
            otherwise: { then: "3" }
        """, extra: extra)
        return try FrameworkLoader.load(yaml: yaml, file: "edge.yaml")
    }

    /// Category 1 for an inadequate reading, otherwise 2.
    static let inadequateOrNot = frameworkYAML(tables: """
      - id: category
        sets: category
        rows:
          - { id: r1, when: "ofsted.overall == 4", then: "1" }
        otherwise: { then: "2" }
    """)

    func decide(_ framework: Framework, _ json: String, on date: Day = october2023) throws -> CategorisationResult {
        DecisionEngine(framework: framework).categorise(try establishment(json), runDate: date)
    }

    @Test("a number written as text compares as a number, with text on either side")
    func textAndNumber() throws {
        let f = try framework("la.other.score < 5", "la.other.score >= 5", extra: "facts: [{ id: score, label: a score, type: number }]")
        let result = try decide(f, #"{"urn":"1","name":"N","kind":"community","local":{"other":{"score":"3"}}}"#)
        #expect(result.category?.code == "1")
    }

    @Test("a list item with no value makes membership unknown, not false")
    func listWithMissingItem() throws {
        let f = try framework("establishment.pupils not in [param.cap]", "establishment.pupils > 0",
                              extra: "parameters: [{ id: cap, value: null }]")
        let result = try decide(f, #"{"urn":"1","name":"N","kind":"community","pupils":200}"#)
        #expect(result.reasons.first?.row == "r2")
        #expect(result.notApplied.first?.row == "r1")
    }

    @Test("a constraint that cannot be evaluated is a gap, not a silent pass-over: the row it guards stays possible")
    func unknownConstraint() throws {
        let f = try framework("establishment.maintained", "establishment.maintained",
                              extra: "constraints: [{ id: primary-only, categories: [\"1\"], require: \"establishment.phase == primary\" }]")
        let result = try decide(f, #"{"urn":"1","name":"N","kind":"community"}"#)
        #expect(result.hasGaps && result.passedOver.isEmpty)
        #expect(result.status == .undetermined && result.undetermined.first?.possible == ["1", "2"])
        #expect(result.undetermined.first?.open.first?.fact == "establishment.phase")
        // Known not to be primary, the constraint passes the row over and 2 is decided.
        let secondary = try decide(f, #"{"urn":"1","name":"N","kind":"community","phase":"secondary"}"#)
        #expect(secondary.category?.code == "2" && secondary.passedOver.first?.constraint == "primary-only")
    }

    @Test("a yes/no fact recorded as text that is not yes or no is reported, not skipped")
    func textAsCondition() throws {
        let f = try framework("la.other.sib", "not la.other.sib", extra: "facts: [{ id: sib, label: a board, type: yes_no }]")
        let result = try decide(f, #"{"urn":"1","name":"N","kind":"community","local":{"other":{"sib":"perhaps"}}}"#)
        #expect(result.category == nil && result.status == .undetermined)
        #expect(result.notApplied.map(\.row) == ["r1", "r2"])
        #expect(result.notApplied.first?.why.contains("recorded as 'perhaps'") == true)
        #expect(try decide(f, #"{"urn":"1","name":"N","kind":"community","local":{"other":{"sib":"yes"}}}"#).category?.code == "1")
    }

    @Test("a text fact cannot stand as a condition: the file is refused when loaded")
    func textFactAsConditionRefused() {
        #expect(throws: FrameworkLoadError.self) {
            try framework("la.other.sib", "la.other.sib != x", extra: "facts: [{ id: sib, label: a board, type: text }]")
        }
    }

    @Test("no shadow is claimed for words that look like numbers")
    func soundShadowCheck() throws {
        _ = try framework("la.other.band != '1.0'", "la.other.band == '1'", extra: "facts: [{ id: band, label: a band, type: text }]")
    }

    @Test("an early-years grade 3 before September 2012 was 'satisfactory'")
    func earlyYearsSatisfactory() throws {
        let f = try framework("ofsted.satisfactory", "ofsted.requires_improvement")
        let result = try decide(f, #"{"urn":"1","name":"N","kind":"pvi_nursery","inspections":[{"date":"2011-05-01","framework":"early_years","overallEffectiveness":3}]}"#)
        #expect(result.category?.code == "1")
    }

    @Test("the worst key judgement needs every core judgement")
    func worstNeedsCoreJudgements() throws {
        let f = try framework("ofsted.good_or_better", "ofsted.overall >= 3")
        let partial = try decide(f, #"{"urn":"1","name":"N","kind":"community","inspections":[{"date":"2025-01-10","framework":"ungraded_2024","personalDevelopment":1}]}"#, on: Day(year: 2025, month: 10, day: 1)!)
        // Without its other judgements the inspection's reading is not known: any row could hold.
        #expect(partial.category == nil && partial.status == .undetermined)
        #expect(partial.undetermined.first?.possible == ["1", "2", "3"])
        #expect(partial.hasGaps)
    }

    @Test("a category of concern is not read as grade 4 by a framework that reads no overall grade")
    func concernWithReadingNone() throws {
        let yaml = Self.inadequateOrNot.replacing("ungraded_2024: { overall: worst_key_judgement }", with: "ungraded_2024: { overall: none }")
        let f = try FrameworkLoader.load(yaml: yaml, file: "none.yaml")
        let result = try decide(f, #"{"urn":"1","name":"N","kind":"community","inspections":[{"date":"2025-01-10","framework":"ungraded_2024","categoryOfConcern":"special_measures"}]}"#, on: Day(year: 2025, month: 10, day: 1)!)
        #expect(result.category?.code == "2")
    }

    @Test("an inspection after the date of the run is not seen")
    func futureInspection() throws {
        let f = try framework("ofsted.overall == 4", "ofsted.overall == 2")
        let json = #"{"urn":"1","name":"N","kind":"community","inspections":[{"date":"2019-01-10","framework":"graded","overallEffectiveness":2},{"date":"2024-01-10","framework":"graded","overallEffectiveness":4}]}"#
        #expect(try decide(f, json, on: october2023).category?.code == "2")
        #expect(try decide(f, json, on: Day(year: 2024, month: 10, day: 1)!).category?.code == "1")
    }

    @Test("malformed JSON values are refused", arguments: [
        #"{"a": 1, "a": 2}"#, #"{"a": 007}"#, #"{"a": 1.}"#, #"{"a": 1e400}"#, #"{"a": -}"#, #"{"a": 1e}"#,
    ])
    func badJSON(_ json: String) {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.read(json) }
    }

    @Test("dates are read exactly", arguments: ["2023-01-01-", "2023/+1/-5", "23-1-1", "2023-02-29", "2023-1-01"])
    func badDates(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test("true/false where text is expected, and contradictions, are evidence problems", arguments: [
        #"{"urn":"1","name":"N","kind":"community","local":{"vulnerability":false}}"#,
        #"{"urn":true,"name":"N","kind":"community"}"#,
        #"{"urn":"1","name":"N","kind":"community","measures":[{"measure":"eyfs_gld","year":null,"value":60}]}"#,
        #"{"urn":"1","name":"N","kind":"community","inspections":[{"date":"2019-01-10","framework":"graded","overallEffectiveness":2,"categoryOfConcern":"special_measures"}]}"#,
        #"{"urn":"1","name":"N","kind":"community","inspections":[{"date":"2025-12-10","framework":"report_card_2025","qualityOfEducation":1,"reportCard":{"inclusion":"exceptional"}}]}"#,
    ])
    func evidenceProblems(_ json: String) throws {
        guard case .failure = EvidenceDecoder.decode(try JSONReader.read(json)) else {
            Issue.record("accepted: \(json)")
            return
        }
    }

    @Test("framework numbers out of range are line-numbered issues, not crashes", arguments: [
        ("categories: [{ code: \"1\", name: One }, { code: \"2\", name: Two }]", "categories: [{ code: \"1\", name: One, severity: .inf }, { code: \"2\", name: Two }]"),
        ("urgent_improvement: 4 }", "urgent_improvement: 1e20 }"),
        ("exceptional: 1,", "exceptional: .nan,"),
    ])
    func frameworkNumbers(_ change: (String, String)) {
        let yaml = Self.inadequateOrNot.replacing(change.0, with: change.1)
        #expect(issues(yaml).contains { $0.first?.isNumber == true })
    }

    @Test("a table output may not reuse a derived value's name, and a derived value may not read the category")
    func names() {
        let derivedTwice = frameworkYAML(tables: """
          - id: band
            sets: band
            rows:
              - { id: b1, when: "ofsted.overall == 4", then: low }
          - id: category
            sets: category
            rows:
              - { id: r1, when: "derived.band == low", then: "1" }
            otherwise: { then: "2" }
        """, extra: "derived: [{ id: band, when: \"ofsted.overall >= 3\" }]")
        #expect(issues(derivedTwice).contains { $0.contains("already the name of a derived value") })
        let readsCategory = frameworkYAML(tables: """
          - id: category
            sets: category
            rows:
              - { id: r1, when: "derived.x", then: "1" }
            otherwise: { then: "2" }
        """, extra: "derived: [{ id: x, when: \"category == '1'\" }]")
        #expect(issues(readsCategory).contains { $0.contains("cannot use category or designation") })
    }
}
