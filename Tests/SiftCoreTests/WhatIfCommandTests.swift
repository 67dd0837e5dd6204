import Foundation
import SiftCore
import Testing

/// Coventry's worked examples written out as an evidence file, and the framework copy that
/// sends financial vulnerability to Category 3 written out as a framework file.
func diffInputs() throws -> (framework: String, evidence: String) {
    let coventry = try bundled("coventry-2023")
    let evidence = TreeWriter.json(.object([("establishments", .array(coventry.examples.map(\.evidence)))]))
    let path = try #require(BundledFrameworks.resolve("coventry-2023"))
    let yaml = try String(contentsOfFile: path, encoding: .utf8)
        .replacing("when: \"la.vulnerability != none\"\n        then: \"2\"", with: "when: \"la.vulnerability != none\"\n        then: \"3\"")
    return (try temporaryFile("coventry-edited.yaml", yaml), try temporaryFile("evidence.json", evidence))
}

@Suite("The sift frameworks diff command")
struct WhatIfCommandTests {
    @Test("text: the summary, the matrix, and the moved school with its reasons under both; exit 0")
    func text() throws {
        let (edited, evidence) = try diffInputs()

        let run = try SiftRun.run(["frameworks", "diff", "coventry-2023", edited, "--evidence", evidence, "--date", "2023-10-01"])

        #expect(run.status == 0)
        #expect(run.output.contains("31 establishments compared at 2023-10-01: 30 unchanged, 1 changed"))
        #expect(run.output.contains("Moves (old category down, new category across"))
        #expect(run.output.contains("900112 Deficit Primary: 2 → 3"))
        #expect(run.output.contains("  old (coventry-2023): 2 — Focus School Plus"))
        #expect(run.output.contains("  new (coventry-2023): 3 — Focus School"))
        #expect(run.output.contains("    because (category) row C2-vulnerability: la.vulnerability != none"))
        #expect(run.output.contains("      source: 'How is a school identified as a Category 2 school'"))
    }

    @Test("json and csv carry the same change; a formula-like name is defused")
    func formats() throws {
        let (edited, evidence) = try diffInputs()
        let renamed = try temporaryFile("evidence.json", try String(contentsOfFile: evidence, encoding: .utf8)
            .replacing("\"Deficit Primary\"", with: "\"=HYPERLINK(1)\""))

        let json = try SiftRun.run(["frameworks", "diff", "coventry-2023", edited, "--evidence", evidence, "--date", "2023-10-01", "--format", "json"])
        let csv = try SiftRun.run(["frameworks", "diff", "coventry-2023", edited, "--evidence", renamed, "--date", "2023-10-01", "--format", "csv"])

        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["changed"] as? Int == 1 && summary["compared"] as? Int == 31)
        let change = try #require((document["changes"] as? [[String: Any]])?.first)
        let old = try #require(change["old"] as? [String: Any]), new = try #require(change["new"] as? [String: Any])
        #expect((old["category"] as? [String: Any])?["code"] as? String == "2")
        #expect((new["category"] as? [String: Any])?["code"] as? String == "3")
        #expect((new["reasons"] as? [[String: Any]])?.contains { $0["row"] as? String == "C2-vulnerability" } == true)
        #expect(csv.status == 0)
        #expect(csv.output == """
            urn,name,old_category,new_category,old_designation,new_designation,old_deciding_rows,new_deciding_rows
            900112,'=HYPERLINK(1),2,3,D,D,designation:otherwise; category:C2-vulnerability,designation:otherwise; category:C2-vulnerability

            """)
    }

    @Test("a bad establishment is named by URN and field, the others are compared, and it exits 2")
    func badEvidence() throws {
        let evidence = try temporaryFile("evidence.json", """
            {"establishments": [
              {"urn": "100001", "name": "Good Primary", "kind": "community", "phase": "primary",
               "headteacher": {"startDate": "2010-09-01"},
               "inspections": [{"date": "2022-03-01", "framework": "graded", "overallEffectiveness": 3, "leadershipAndManagement": 2}],
               "local": {"risk": "none"}},
              {"urn": "100002", "name": "Bad Primary", "kind": "community",
               "inspections": [{"date": "2022-13-01", "framework": "graded", "overallEffectiveness": 2}]}
            ]}
            """)

        let run = try SiftRun.run(["frameworks", "diff", "coventry-2023", "milton-keynes-2019", "--evidence", evidence, "--date", "2023-10-01"])

        #expect(run.status == 2)
        #expect(run.output.contains("1 establishments compared at 2023-10-01"))
        #expect(run.output.contains("; 1 not read."))
        #expect(run.errors.contains("establishment 100002: inspections[0].date"))
    }

    @Test("--set must name a parameter of one of the two frameworks")
    func unknownParameter() throws {
        let (edited, evidence) = try diffInputs()

        let unknown = try SiftRun.run(["frameworks", "diff", "coventry-2023", edited, "--evidence", evidence, "--set", "no_such=1"])
        let known = try SiftRun.run(["frameworks", "diff", "coventry-2023", "hackney-2023", "--evidence", evidence, "--set", "new_headteacher_months=6"])

        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("'no_such' is not a parameter of coventry-2023;"))
        #expect(known.status == 0)
    }
}
