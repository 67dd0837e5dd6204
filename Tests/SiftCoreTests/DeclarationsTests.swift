@testable import SiftCore
import Foundation
import Testing

/// A framework from outside the five (Wales' national categorisation) with facts and measures
/// of its own and a grid (docs/framework-format.md, "facts", "measures", "Lookup tables").
@Suite("Declared facts, measures and grids")
struct DeclarationsTests {
    static let walesPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Examples/wales-categorisation-2014.yaml").path
    }()

    static func walesYAML() throws -> String { try String(contentsOfFile: walesPath, encoding: .utf8) }

    /// The Welsh file with one piece of text replaced; the replaced text must be there.
    static func wales(replacing old: String, with new: String) throws -> String {
        let yaml = try walesYAML()
        #expect(yaml.contains(old), "the file no longer says \(old)")
        return yaml.replacingOccurrences(of: old, with: new)
    }

    @Test("the Welsh framework validates without an Ofsted block, and its worked examples pass")
    func walesValidates() throws {
        let framework = try FrameworkLoader.load(path: Self.walesPath)
        #expect(framework.facts.map(\.id).contains("improvement_capacity"))
        #expect(framework.measures.map(\.id) == ["ks2_csi", "attendance"])
        #expect(framework.tables.last?.matrix?.complete == true)
        let outcomes = ExampleRunner.run(framework)
        #expect(!outcomes.isEmpty && outcomes.allSatisfy(\.passed), "\(outcomes.filter { !$0.passed }.map(\.failures))")
    }

    @Test("a misspelt declared fact is refused, with its line and the name meant")
    func misspeltFact() throws {
        let yaml = try Self.wales(replacing: "columns: la.improvement_capacity", with: "columns: la.improvment_capacity")
        let found = issues(yaml)
        #expect(found.count == 1)
        #expect(found.first?.contains("'la.improvment_capacity' is not a fact") == true)
        #expect(found.first?.contains("did you mean 'la.improvement_capacity'") == true)
        #expect(found.first?.hasPrefix("?") == false)
    }

    @Test("a value outside a declared list is refused, in a rule or in a grid")
    func valueOutsideList() throws {
        let rule = try Self.wales(replacing: "la.estyn_follow_up in [significant_improvement, special_measures]",
                                  with: "la.estyn_follow_up in [significant_improvment, special_measures]")
        #expect(issues(rule).first?.contains("'significant_improvment' is not a value this fact can take") == true)
        let grid = try Self.wales(replacing: #"- ["",  A,      B,      C,     D]"#, with: #"- ["",  A,      B,      C,     AA]"#)
        let found = issues(grid)
        #expect(found.contains { $0.contains("'AA' is not a value la.improvement_capacity can take") })
    }

    @Test("a grid missing a value its fact can take, or a cell, is refused")
    func incompleteGrid() throws {
        let noRow = try Self.wales(replacing: #"        - ["4", amber,  amber,  red,   red]"# + "\n", with: "")
        #expect(issues(noRow).contains { $0.contains("the grid has no row for '4'") })
        let shortLine = try Self.wales(replacing: #"- ["4", amber,  amber,  red,   red]"#, with: #"- ["4", amber,  amber,  red]"#)
        #expect(issues(shortLine).contains { $0.contains("this line has 3 cells, but the grid has 4 columns") })
        let badCell = try Self.wales(replacing: #"- ["4", amber,  amber,  red,   red]"#, with: #"- ["4", amber,  amber,  red,   crimson]"#)
        #expect(issues(badCell).contains { $0.contains("'crimson' is not a category of this framework") })
    }

    @Test("a declared yes/no fact is reasoned about like any other: a row it shadows is an error")
    func declaredShadow() {
        let yaml = frameworkYAML(tables: FrameworkValidationTests.table(first: "la.academy_order", second: "la.academy_order and ofsted.overall == 4"),
                                 extra: "facts: [{ id: academy_order, label: an academy order, type: yes_no, default: false }]")
        #expect(issues(yaml).contains { $0.contains("row 'second' can never apply") })
        let overlapping = frameworkYAML(tables: FrameworkValidationTests.table(first: "la.academy_order and ofsted.overall == 4", second: "la.academy_order"),
                                        extra: "facts: [{ id: academy_order, label: an academy order, type: yes_no, default: false }]")
        #expect(issues(overlapping) == [])
    }

    @Test("an undeclared fact of the authority's own is refused, so a misspelling cannot pass as a gap")
    func undeclaredOwnFact() {
        let yaml = frameworkYAML(tables: """
          - id: category
            sets: category
            rows: [{ id: r1, when: "la.other.sustaining_sucess", then: "1" }]
            otherwise: { then: "2" }
        """, extra: "facts: [{ id: sustaining_success, label: sustaining success, type: yes_no, default: false }]")
        let found = issues(yaml)
        #expect(found.first?.contains("is declared under 'facts:'") == true)
        #expect(found.first?.contains("did you mean 'la.other.sustaining_success'") == true)
    }

    @Test("a declaration is checked: a type, values for a list, a default of its type, a name Sift does not already use")
    func declarationsChecked() {
        func problems(_ facts: String) -> [String] {
            issues(frameworkYAML(tables: "  - { id: category, sets: category, rows: [{ id: r1, when: \"true\", then: \"1\" }] }", extra: facts))
        }
        #expect(problems("facts: [{ id: x, label: X, type: boolean }]").first?.contains("'boolean' is not a type") == true)
        #expect(problems("facts: [{ id: x, label: X, type: one_of }]").first?.contains("needs its values") == true)
        #expect(problems("facts: [{ id: x, label: X, type: one_of, values: [a, b], default: c }]").first?.contains("must be one of its values") == true)
        #expect(problems("facts: [{ id: trend, label: X, type: text }]").first?.contains("already knows") == true)
        #expect(problems("measures: [{ id: progress8, label: X, higher_is_better: true }]").first?.contains("DfE measure") == true)
    }

    @Test("a framework without inspection_reading cannot read Ofsted's inspections")
    func noInspectionReading() throws {
        let yaml = try Self.wales(replacing: "when: \"la.estyn_follow_up in [significant_improvement, special_measures]\"", with: "when: \"ofsted.overall == 4\"")
        #expect(issues(yaml).first?.contains("has no inspection_reading") == true)
    }

    @Test("a declared measure's gap runs the way its declaration says is worse")
    func measureGapDirection() throws {
        let yaml = frameworkYAML(tables: """
          - id: category
            sets: category
            rows: [{ id: r1, when: "measure.persistent_absence.gap > 2", then: "1" }]
            otherwise: { then: "2" }
        """, extra: "measures: [{ id: persistent_absence, label: Persistent absence (%), unit: percent, higher_is_better: false }]")
        let engine = DecisionEngine(framework: try FrameworkLoader.load(yaml: yaml, file: "test.yaml"))
        func school(_ value: Double) throws -> Establishment {
            try establishment(#"{"urn":"1","name":"N","kind":"community","otherMeasures":[{"measure":"persistent_absence","year":2023,"value":"# + "\(value)" + #","national":20}]}"#)
        }
        #expect(engine.categorise(try school(25), runDate: october2023).category?.code == "1")
        #expect(engine.categorise(try school(15), runDate: october2023).category?.code == "2")
        let missing = engine.categorise(try establishment(#"{"urn":"1","name":"N","kind":"community","otherMeasures":[{"measure":"attendance","year":2023,"value":95}]}"#), runDate: october2023)
        #expect(missing.status == .undetermined)
        #expect(missing.notApplied.first?.why == "Persistent absence (%) for 2023 is not recorded in the evidence")
    }

    @Test("a DfE measure given among the framework's own measures is a clear evidence problem")
    func dfeMeasureUnderOther() throws {
        let tree = try JSONReader.read(#"{"urn":"1","name":"N","kind":"community","otherMeasures":[{"measure":"progress8","year":2023,"value":0.1}]}"#)
        guard case .failure(let problems) = EvidenceDecoder.decode(tree) else { Issue.record("read"); return }
        #expect(problems.map(\.description).joined().contains("give it under measures"))
    }

    @Test("a grid decides when every cell the unknown fact leaves open agrees, and is undetermined when they differ")
    func gridWithUnknowns() throws {
        let framework = try FrameworkLoader.load(path: Self.walesPath)
        let engine = DecisionEngine(framework: framework)
        func school(capacity: String?, csiQuarter: Int, attendanceQuarter: Int) throws -> Establishment {
            var other = ["\"csi_benchmark_quarter\": \(csiQuarter)", "\"attendance_benchmark_quarter\": \(attendanceQuarter)"]
            if let capacity { other.append("\"improvement_capacity\": \"\(capacity)\"") }
            return try establishment(#"{"urn":"1","name":"N","kind":"community","phase":"primary","otherMeasures":[{"measure":"ks2_csi","year":2024,"value":80,"national":88},{"measure":"attendance","year":2024,"value":93,"national":94}],"local":{"other":{"# + other.joined(separator: ",") + "}}}")
        }
        let day = Day(year: 2024, month: 10, day: 1)!
        // Group 4, capacity unknown: amber or red.
        let open = engine.categorise(try school(capacity: nil, csiQuarter: 4, attendanceQuarter: 4), runDate: day)
        #expect(open.status == .undetermined && open.undetermined.first?.possible == ["amber", "red"])
        // Every known capacity gives a category.
        for capacity in ["A", "B", "C", "D"] {
            #expect(engine.categorise(try school(capacity: capacity, csiQuarter: 4, attendanceQuarter: 4), runDate: day).status == .categorised)
        }
        // A value outside the declared list is not taken as anything: still undetermined, and said.
        let wrong = engine.categorise(try school(capacity: "AA", csiQuarter: 4, attendanceQuarter: 4), runDate: day)
        #expect(wrong.status == .undetermined)
        #expect(wrong.notApplied.contains { $0.why.contains("recorded as 'AA'") })
    }
}
