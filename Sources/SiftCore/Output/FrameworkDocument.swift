import Foundation

/// A framework as a document an authority can share with its schools (`sift frameworks show`):
/// its categories, what places an establishment in each, and the support each brings.
public struct FrameworkDocument: Encodable, Sendable {
    public struct Rule: Encodable, Sendable {
        public var table: String
        public var id: String
        public var when: String
        public var cite: String?
        public var reading: String?
        public var judgementBetween: [String]?
        /// True when the row proposes another category and this one is an alternative to choose instead.
        public var asAlternative: Bool = false
    }
    public struct Section: Encodable, Sendable {
        public var code: String
        public var name: String
        public var description: String?
        public var note: String?
        public var placedBy: [Rule]
        public var constraints: [String]
        public var entitlements: [Entitlement]
        public var plans: [Plan]
    }
    public struct Entitlement: Encodable, Sendable {
        public var appliesTo: String?
        public var text: String
        public var cite: String?
        public var note: String?
    }
    public struct Plan: Encodable, Sendable {
        public var appliesTo: String?
        public var allocation: Double
        public var unit: String
        public var activities: [PlannedActivity]
    }

    public var id: String
    public var name: String
    public var authority: String
    public var source: String
    public var note: String?
    public var inspectionReading: [String]
    public var dataMeasures: [Rule]
    public var designations: [Section]
    public var categories: [Section]
    public var funding: [String]
    public var parameters: [String]
    /// The facts and measures the framework declares, as lines: "label (la.id): values".
    public var declared: [String]
    /// Tables written as grids, each as lines of a text table.
    public var grids: [Grid]

    public struct Grid: Encodable, Sendable {
        public var table: String
        public var rowFact: String
        public var columnFact: String
        public var columns: [String]
        public var rows: [[String]]
    }

    public init(_ framework: Framework) {
        id = framework.id
        name = framework.name
        authority = framework.authority
        source = framework.source
        note = framework.note
        let reading = framework.inspectionReading
        declared = framework.facts.map { fact in
            let values = fact.values.map { fact.words(for: $0) }.joined(separator: "; ")
            let absent = fact.absentReadsAs.map { " When not recorded: \($0.description)." } ?? ""
            return "\(fact.label.sentenceCased) (la.\(fact.id), \(fact.kind.rawValue.replacing("_", with: " ")))\(values.isEmpty ? "" : ": \(values)").\(absent)"
        } + framework.measures.map { measure in
            "\(measure.label) (measure.\(measure.id)\(measure.unit.map { ", \($0)" } ?? "")): higher is \(measure.higherIsBetter ? "better" : "worse")."
        }
        grids = framework.tables.compactMap { table in
            table.matrix.map { Grid(table: table.id, rowFact: $0.rowFact, columnFact: $0.columnFact, columns: $0.columnValues,
                                    rows: zip($0.rowValues, $0.cells).map { [$0] + $1 }) }
        }
        inspectionReading = !framework.readsInspections ? [] : [
            "Inspections from September 2024 (no overall grade): read as \(reading.ungradedOverall.rawValue.replacing("_", with: " ")). \(reading.ungradedNote ?? "")",
            "Report cards from November 2025: read as \(reading.reportCardOverall.rawValue.replacing("_", with: " ")). \(reading.reportCardNote ?? "")",
        ]
        var measures: [Rule] = (framework.flags?.items ?? []).map {
            Rule(table: "flags", id: $0.id, when: "\($0.measure.rawValue): \($0.whenText)", cite: $0.citation.cite, reading: $0.citation.note)
        }
        measures += framework.derived.map { Rule(table: "derived", id: $0.id, when: $0.whenText, cite: $0.citation.cite, reading: $0.citation.note) }
        dataMeasures = measures
        func sections(_ codes: [Category], output: DecisionTable.Output) -> [Section] {
            codes.map { category in
                var rules: [Rule] = []
                for table in framework.tables where table.output == output {
                    for row in table.rows where row.then == category.code || (row.judgement?.alternatives.contains(category.code) ?? false) {
                        rules.append(Rule(table: table.id, id: row.id, when: row.whenText, cite: row.citation.cite, reading: row.citation.note,
                                          judgementBetween: row.judgement?.alternatives, asAlternative: row.then != category.code))
                    }
                    if let otherwise = table.otherwise, otherwise.value == category.code {
                        rules.append(Rule(table: table.id, id: "otherwise", when: "no earlier row applies", cite: otherwise.citation.cite, reading: otherwise.citation.note))
                    }
                }
                let notes = framework.tables.filter { $0.output == output }.compactMap(\.note)
                return Section(
                    code: category.code, name: category.name, description: category.description,
                    note: category.code == codes.first?.code && !notes.isEmpty ? notes.joined(separator: " ") : nil, placedBy: rules,
                    constraints: framework.constraints.filter { $0.categories.contains(category.code) }.map { "only when \($0.requireText)\($0.citation.cite.map { " (\($0))" } ?? "")" },
                    entitlements: framework.entitlements.filter { $0.category == category.code }.flatMap { rule in
                        // A note on the whole entry is shown once, with its first item.
                        rule.items.enumerated().map { index, item in
                            Entitlement(appliesTo: rule.conditionText, text: EntitlementText.short(item), cite: item.cite,
                                        note: [index == 0 ? rule.note : nil, item.note].compactMap { $0 }.joined(separator: " ").nilIfEmpty)
                        }
                    },
                    plans: framework.plans.filter { $0.category == category.code }.map {
                        Plan(appliesTo: $0.conditionText, allocation: $0.allocation, unit: $0.unit, activities: $0.activities)
                    })
            }
        }
        categories = sections(framework.categories, output: .category)
        designations = sections(framework.designations, output: .designation)
        funding = framework.funding.map { rule in
            let rate = framework.parameters[rule.rateParameter].id
            let source = [rule.citation.cite.map { " Source: \($0)." }, rule.citation.note.map { " Reading: \($0)" }].compactMap { $0 }.joined()
            switch rule.kind {
            case .perPupilByCategory:
                func describe(_ weight: Weight?) -> String {
                    switch weight {
                    case .number(let number): return Tree.format(number)
                    case .parameter(let index):
                        let parameter = framework.parameters[index]
                        return "\(parameter.id) (\(parameter.value.map(Tree.format) ?? "not set"))"
                    case nil: return "none"
                    }
                }
                let weights = framework.categories.map { "\($0.code) × \(describe(rule.weights[$0.code]))" }.joined(separator: ", ")
                let byDesignation = rule.designationWeights.sorted { $0.key < $1.key }.map { "\($0.key) × \(describe($0.value))" }.joined(separator: ", ")
                return "\(rule.id): pupils × \(rate) × the category's weight (\(weights))" + (byDesignation.isEmpty ? "" : " × the designation's weight (\(byDesignation))") + "." + source
            case .triggeredPerPupil:
                return "\(rule.id): pupils × \(rate) for categories \(rule.triggers.sorted().joined(separator: ", "))." + source
            }
        }
        parameters = framework.parameters.map { "\($0.id) = \($0.value.map(Tree.format) ?? "not set")\($0.description.map { ": \($0)" } ?? "")" }
    }

    public func text() -> String {
        var out = ["# \(name)", "", "\(authority). Source: \(source)"]
        if let note { out += ["", note] }
        if !inspectionReading.isEmpty { out += ["", "## Reading Ofsted inspections", ""] + inspectionReading.map { "- \($0)" } }
        if !declared.isEmpty { out += ["", "## The authority's own facts and measures", ""] + declared.map { "- \($0)" } }
        for grid in grids {
            out += ["", "## \(grid.table): by \(grid.rowFact) (rows) and \(grid.columnFact) (columns)", ""]
            let header = [""] + grid.columns
            let widths = header.indices.map { column in ([header] + grid.rows).map { $0[safe: column]?.count ?? 0 }.max() ?? 0 }
            func line(_ cells: [String]) -> String {
                "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
            }
            out += [line(header), "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"] + grid.rows.map(line)
        }
        if !dataMeasures.isEmpty {
            out += ["", "## Data measures", ""]
            out += dataMeasures.map { "- \($0.id): \($0.when)\($0.cite.map { " — \($0)" } ?? "")" }
        }
        for (title, list) in [("Designations", designations), ("Categories", categories)] where !list.isEmpty {
            out += ["", "## \(title)"]
            for section in list {
                out += ["", "### \(section.code) — \(section.name)"]
                if let description = section.description { out += ["", description] }
                if let note = section.note { out += ["", "Reading: \(note)"] }
                if !section.placedBy.isEmpty {
                    out += ["", "Placed here when:"]
                    for rule in section.placedBy {
                        var judgement = rule.judgementBetween.map { " (a professional judgement between \($0.joined(separator: " and ")))" } ?? ""
                        if rule.asAlternative { judgement = " (may be chosen instead of the category this row proposes, by professional judgement)" }
                        out.append("- [\(rule.id)] \(rule.when)\(judgement)\(rule.cite.map { " — \($0)" } ?? "")")
                        if let reading = rule.reading { out.append("  Reading: \(reading)") }
                    }
                }
                out += section.constraints.map { "- Constraint: \($0)" }
                if !section.entitlements.isEmpty {
                    out += ["", "Support:"]
                    out += section.entitlements.map {
                        "- \($0.text)\($0.appliesTo.map { " (when \($0))" } ?? "")\($0.note.map { ". Reading: \($0)" } ?? "")"
                    }
                }
                for plan in section.plans {
                    out += ["", "Plan\(plan.appliesTo.map { " (when \($0))" } ?? ""): \(Tree.format(plan.allocation)) \(plan.unit)"]
                    out += plan.activities.map { "- \($0.term): \($0.activity) — \(Tree.format($0.amount))" }
                }
            }
        }
        if !funding.isEmpty { out += ["", "## Funding", ""] + funding.map { "- \($0)" } }
        if !parameters.isEmpty { out += ["", "## Parameters set by the authority", ""] + parameters.map { "- \($0)" } }
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
    /// The text with its first letter a capital, to start a sentence.
    var sentenceCased: String { prefix(1).uppercased() + dropFirst() }
}
