import Foundation
import SiftCore
import Testing

@Suite("Funding and output")
struct FundingAndOutputTests {
    /// Warwickshire's Appendix F: a consortium of 20 schools, 5 outstanding, 5 good-improving,
    /// 5 good-declining, 3 satisfactory-declining, 2 satisfactory-improving: 5 schools trigger funding.
    @Test("Warwickshire's worked funding example: 5 of 20 schools trigger pupils × rate")
    func warwickshireAppendix() throws {
        let framework = try bundled("warwickshire-2013")
        let engine = DecisionEngine(framework: framework, overrides: ["consortium_rate_per_pupil": 25])
        let plan: [(grade: Int, date: String, trend: String, count: Int)] = [
            (1, "2011-05-01", "consistent", 5), (2, "2011-05-01", "improving", 5), (2, "2011-05-01", "declining", 5),
            (3, "2011-05-01", "declining", 3), (3, "2011-05-01", "improving", 2),
        ]
        var results: [CategorisationResult] = []
        var urn = 0
        for row in plan {
            for _ in 0..<row.count {
                urn += 1
                let school = try establishment("""
                    {"urn":"\(urn)","name":"S\(urn)","kind":"community","phase":"primary","pupils":200,"network":"Consortium A",
                     "inspections":[{"date":"\(row.date)","framework":"graded","overallEffectiveness":\(row.grade),"leadershipAndManagement":\(row.grade)}],
                     "local":{"trend":"\(row.trend)"}}
                    """)
                results.append(engine.categorise(school, runDate: Day(year: 2013, month: 6, day: 18)!))
            }
        }
        let counts = Dictionary(grouping: results, by: { $0.category?.code ?? "none" }).mapValues(\.count)
        #expect(counts == ["1": 5, "2A": 5, "2B": 5, "3A": 3, "3B": 2])
        let triggering = results.filter { $0.funding.first?.triggered == true }
        #expect(triggering.count == 5)
        let total = results.compactMap { $0.funding.first?.amount }.reduce(0, +)
        #expect(total == 5 * 200 * 25)
    }

    @Test("an overriding category brings its own support, from the same evidence, while the proposal stays the framework's")
    func supportOfTheDecidedCategory() throws {
        let framework = try bundled("warwickshire-2013")
        let engine = DecisionEngine(framework: framework, overrides: ["consortium_rate_per_pupil": 25])
        let school = try establishment("""
            {"urn":"1","name":"S","kind":"community","phase":"primary","pupils":200,
             "inspections":[{"date":"2011-05-01","framework":"graded","overallEffectiveness":1,"leadershipAndManagement":1}],
             "local":{"trend":"consistent"}}
            """)
        let runDate = Day(year: 2013, month: 6, day: 18)!
        let proposed = engine.categorise(school, runDate: runDate)
        #expect(proposed.category?.code == "1")
        #expect(proposed.funding.first?.triggered == false)
        let overridden = engine.categorise(school, runDate: runDate, supportFor: "3A")
        #expect(overridden.category?.code == "1")
        #expect(overridden.reasons.map(\.row) == proposed.reasons.map(\.row))
        // 3A triggers consortium funding: 200 pupils at 25.
        #expect(overridden.funding.first?.triggered == true)
        #expect(overridden.funding.first?.amount == 5_000)
        let third = engine.categorise(try establishment("""
            {"urn":"2","name":"T","kind":"community","phase":"primary","pupils":200,
             "inspections":[{"date":"2011-05-01","framework":"graded","overallEffectiveness":3,"leadershipAndManagement":3}],
             "local":{"trend":"declining"}}
            """), runDate: runDate)
        #expect(third.category?.code == "3A")
        #expect(overridden.entitlements.map(EntitlementText.short) == third.entitlements.map(EntitlementText.short))
    }

    @Test("a funding rate the authority has not set gives no amount and says so")
    func unsetRate() throws {
        let school = try establishment(#"{"urn":"1","name":"N","kind":"community","phase":"primary","pupils":100,"inspections":[{"date":"2023-03-01","framework":"graded","overallEffectiveness":4,"leadershipAndManagement":4}]}"#)
        let result = DecisionEngine(framework: try bundled("coventry-2023")).categorise(school, runDate: october2023)
        let line = try #require(result.funding.first)
        #expect(line.amount == nil)
        #expect(line.note?.contains("has not set network_rate_per_pupil") == true)
    }

    @Test("CSV cells are defused against formula injection", arguments: [
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1", "'+1"), ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("-3.5", "-3.5"), ("plain, text", "\"plain, text\""),
    ])
    func csvEscaping(_ pair: (String, String)) {
        #expect(CSVField.escape(pair.0) == pair.1)
    }

    @Test("JSON output carries the reasons, citations and the stable format name")
    func jsonOutput() throws {
        let framework = try bundled("coventry-2023")
        let school = try establishment(#"{"urn":"1","name":"=cmd","kind":"academy_converter","phase":"primary","inspections":[{"date":"2023-03-01","framework":"graded","overallEffectiveness":3,"leadershipAndManagement":3}]}"#)
        let result = DecisionEngine(framework: framework).categorise(school, runDate: october2023)
        let report = ResultRendering.report(framework: framework, results: [result], problems: [], rejected: 0)
        let json = ResultRendering.json(report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "sift-results/1")
        let results = try #require(document["results"] as? [[String: Any]])
        let passedOver = try #require(results.first?["passedOver"] as? [[String: Any]])
        #expect(passedOver.first?["constraint"] as? String == "maintained-only")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["categorised"] as? Int == 1)
        #expect(ResultRendering.csv(report).contains("'=cmd"))
    }

    @Test("generated evidence is the same for the same seed and reads without problems")
    func syntheticEvidence() throws {
        let first = TreeWriter.json(SyntheticEvidence(count: 200, seed: 7).tree())
        #expect(first == TreeWriter.json(SyntheticEvidence(count: 200, seed: 7).tree()))
        let set = EvidenceDecoder.decodeFile(try JSONReader.read(first))
        #expect(set.problems.map(\.description) == [])
        #expect(set.establishments.count == 200)
    }
}
