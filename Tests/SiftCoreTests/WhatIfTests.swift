import Foundation
import SiftCore
import Testing

/// Coventry's worked examples as one set of establishments, every one read.
func coventryExamples() throws -> (Framework, [Establishment]) {
    let framework = try bundled("coventry-2023")
    let establishments = try framework.examples.map { example in
        switch EvidenceDecoder.decode(example.evidence) {
        case .success(let establishment): return establishment
        case .failure(let problems): throw problems
        }
    }
    return (framework, establishments)
}

/// The bundled framework's YAML with one piece of text replaced, checking the text was there
/// so an edit to the bundled file cannot quietly leave the copy unchanged.
func editedFramework(_ id: String, replacing original: String, with replacement: String,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Framework {
    let path = try #require(BundledFrameworks.resolve(id))
    let yaml = try String(contentsOfFile: path, encoding: .utf8)
    #expect(yaml.contains(original), "the bundled \(id) no longer contains the text the test edits", sourceLocation: sourceLocation)
    return try FrameworkLoader.load(yaml: yaml.replacing(original, with: replacement), file: "\(id)-edited.yaml")
}

/// Coventry with financial vulnerability leading to Category 3 instead of 2.
func coventryVulnerabilityToThree() throws -> Framework {
    try editedFramework("coventry-2023", replacing: "when: \"la.vulnerability != none\"\n        then: \"2\"",
                        with: "when: \"la.vulnerability != none\"\n        then: \"3\"")
}

@Suite("What-if: two frameworks over the same evidence")
struct WhatIfTests {
    @Test("a framework compared with itself changes nothing, and every establishment sits on the diagonal")
    func itself() throws {
        let (framework, establishments) = try coventryExamples()

        let comparison = FrameworkComparison(old: framework, new: framework, establishments: establishments, runDate: october2023)

        #expect(comparison.changes.isEmpty)
        #expect(comparison.compared == establishments.count)
        #expect(comparison.unchanged == establishments.count)
        #expect(comparison.moves.allSatisfy { !$0.isChange })
        #expect(comparison.moves.reduce(0) { $0 + $1.count } == establishments.count)
    }

    @Test("a rule sending financial vulnerability to Category 3 moves the vulnerable school, with both sets of reasons")
    func editedRule() throws {
        let (framework, establishments) = try coventryExamples()
        let edited = try coventryVulnerabilityToThree()

        let comparison = FrameworkComparison(old: framework, new: edited, establishments: establishments, runDate: october2023)

        #expect(comparison.changes.map(\.urn) == ["900112"])
        let change = try #require(comparison.changes.first)
        #expect(change.old.category?.code == "2")
        #expect(change.new.category?.code == "3")
        #expect(change.categoryChanged && !change.designationChanged)
        let oldReason = try #require(change.old.reasons.first { $0.table == "category" })
        let newReason = try #require(change.new.reasons.first { $0.table == "category" })
        #expect(oldReason.row == "C2-vulnerability" && newReason.row == "C2-vulnerability")
        #expect(oldReason.outcome == "2" && newReason.outcome == "3")
        #expect(oldReason.facts.contains { $0.name == "la.vulnerability" && $0.value == "financial" })
        #expect(newReason.cite?.contains("vulnerability") == true)
        #expect(comparison.count(from: "2", to: "3") == 1)
        #expect(comparison.moves.filter(\.isChange).map(\.count) == [1])
        #expect(comparison.moves.reduce(0) { $0 + $1.count } == comparison.compared)
    }

    @Test("a stricter threshold for designation A moves exactly the A schools, by designation only")
    func editedThreshold() throws {
        let (framework, establishments) = try coventryExamples()
        let edited = try editedFramework("coventry-2023", replacing: "when: \"flags.trend_count >= 3\"", with: "when: \"flags.trend_count >= 4\"")
        let engine = DecisionEngine(framework: framework)
        let designatedA = establishments.filter { engine.categorise($0, runDate: october2023).designation?.code == "A" }.map(\.urn)

        let comparison = FrameworkComparison(old: framework, new: edited, establishments: establishments, runDate: october2023)

        #expect(designatedA.contains("900101") && designatedA.contains("900108"))
        #expect(comparison.changes.map(\.urn) == designatedA)
        #expect(comparison.changes.allSatisfy { $0.designationChanged && !$0.categoryChanged && $0.new.designation?.code == "B" })
        #expect(comparison.categoryChanged == 0)
        #expect(comparison.moves.allSatisfy { !$0.isChange })
    }

    @Test("a parameter set for the run reaches only the framework that has it")
    func overrides() throws {
        let (framework, establishments) = try coventryExamples()
        // The copy no longer names the parameter, so it keeps the engine's own 12 months.
        let renamed = try editedFramework("coventry-2023", replacing: "id: new_headteacher_months", with: "id: new_head_months")

        let comparison = FrameworkComparison(old: framework, new: renamed, establishments: establishments, runDate: october2023,
                                             overrides: ["new_headteacher_months": 0])

        let change = try #require(comparison.changes.first { $0.urn == "900118" })
        #expect(change.old.category?.code == "4")
        #expect(change.new.category?.code == "3")
        #expect(change.new.reasons.contains { $0.row == "C3-leadership" })
    }

    @Test("frameworks with different category codes still compare, and the matrix adds up")
    func differentCodes() throws {
        let (coventry, establishments) = try coventryExamples()
        let miltonKeynes = try bundled("milton-keynes-2019")

        let comparison = FrameworkComparison(old: coventry, new: miltonKeynes, establishments: establishments, runDate: october2023)

        let (rows, columns) = comparison.matrixAxes
        #expect(columns.contains("3c") && !rows.contains("3c"))
        #expect(comparison.moves.reduce(0) { $0 + $1.count } == establishments.count)
        let matrixTotal = rows.reduce(0) { total, row in columns.reduce(total) { $0 + comparison.count(from: row, to: $1) } }
        #expect(matrixTotal == establishments.count)
        #expect(comparison.categoryChanged == comparison.moves.filter(\.isChange).reduce(0) { $0 + $1.count })
        #expect(comparison.changes.allSatisfy { $0.old.framework == "coventry-2023" && $0.new.framework == "milton-keynes-2019" })
    }

    @Test("over many generated establishments, exactly those categorised differently are reported")
    func generated() throws {
        let framework = try bundled("coventry-2023")
        let edited = try editedFramework("coventry-2023", replacing: "when: \"flags.single_year_count >= 2\"", with: "when: \"flags.single_year_count >= 1\"")
        let set = EvidenceDecoder.decodeFile(SyntheticEvidence(count: 600, seed: 7).tree())
        let runDate = Day(year: 2025, month: 10, day: 1)!
        let before = DecisionEngine(framework: framework).categoriseAll(set.establishments, runDate: runDate)
        let after = DecisionEngine(framework: edited).categoriseAll(set.establishments, runDate: runDate)
        let differing = zip(before, after).filter { $0.designation?.code != $1.designation?.code || $0.category?.code != $1.category?.code }.map(\.0.urn)

        let comparison = FrameworkComparison(old: framework, new: edited, establishments: set.establishments, runDate: runDate)

        #expect(!differing.isEmpty)
        #expect(comparison.changes.map(\.urn) == differing)
        #expect(comparison.unchanged + comparison.changed == set.establishments.count)
    }
}
