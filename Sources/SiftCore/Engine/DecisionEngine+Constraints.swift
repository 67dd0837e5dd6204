/// A framework's constraints bind the people who decide as they bind the engine: an override,
/// an in-year change or an agreement of a proposal is checked against them before it is
/// recorded (docs/framework-format.md, "Constraints").
public struct ConstraintBreach: Sendable {
    public let constraint: Constraint
    public let category: Code
    /// Set where the constraint could not be checked: the fact not recorded, and why.
    public let unrecorded: String?
    /// What holds here, in words ("the school is not maintained by the local authority").
    public let found: String

    /// Whether a person of this role may decide the category anyway, as a recorded exception.
    public func allowsException(by role: String) -> Bool { constraint.exceptionBy.contains(role) }

    /// The refusal in words, with the framework's own words and paragraph.
    public var sentence: String {
        var rule = constraint.citation.cite.map { "The framework says: \($0)" } ?? "The framework allows it only where \(constraint.requireText)"
        if !rule.hasSuffix(".'") && !rule.hasSuffix(".’") && !rule.hasSuffix(".") { rule += "." }
        let here = unrecorded.map { "Whether that holds here cannot be checked: \($0). Record it first." } ?? "Here \(found)."
        return "Category \(category.code) – \(category.name) cannot be given. \(rule) \(here)"
    }
}

extension DecisionEngine {
    /// The constraints the category would break for this establishment on this date: none
    /// when a person may decide it. A constraint that cannot be checked for want of a fact
    /// not recorded is a breach too, naming the fact: no one can place an establishment where
    /// the framework may forbid it until the evidence says it does not.
    public func breaches(of category: String, for establishment: Establishment, runDate: Day) -> [ConstraintBreach] {
        if !alongside.isEmpty, case let chosen = covering(establishment), chosen.framework.id != framework.id {
            return chosen.breaches(of: category, for: establishment, runDate: runDate)
        }
        let constrained = framework.constraints.filter { $0.categories.contains(category) }
        guard !constrained.isEmpty, let code = framework.category(category) else { return [] }
        var context = EvaluationContext(establishment: establishment, framework: framework, runDate: runDate,
                                        dataYear: establishment.latestDataYear, parameters: parameters)
        // Constraints may read flags and derived values, as rows do.
        var scratch = CategorisationResult(urn: establishment.urn, name: establishment.name, kind: establishment.kind.rawValue, framework: framework.id,
                                           status: .uncategorised, reasons: [], notApplied: [], passedOver: [], flags: [], derived: [],
                                           entitlements: [], funding: [], dataYear: context.dataYear, runDate: runDate)
        if let flags = framework.flags { _ = computeFlags(flags, &context) }
        for rule in framework.derived {
            context.derived[rule.slot] = rule.isNumber ? context.evaluate(rule.when) : context.condition(rule.when)
        }
        for table in framework.tables {
            if case .derived = table.output { run(table, &context, &scratch) }
        }
        return constrained.compactMap { constraint in
            let holds = context.condition(constraint.require)
            if case .bool(true) = holds { return nil }
            let values = Dictionary(constraint.require.facts.map { ($0.path, context.evaluate(.fact($0.ref, path: $0.path))) },
                                    uniquingKeysWith: { first, _ in first })
            let words = PlainReason(framework: framework, values: values)
            var unrecorded: String?
            if case .missing(let absence) = holds, absence.kind == .notRecorded {
                let missing = values.filter { $0.value.isMissing }.keys.sorted().map { words.subject(.fact(.designation, path: $0)) }
                unrecorded = (missing.isEmpty ? "a fact it needs" : missing.joined(separator: " and ")) + " is not recorded"
            }
            return ConstraintBreach(constraint: constraint, category: Code(code: code.code, name: code.name), unrecorded: unrecorded,
                                    found: words.say(constraint.require, holds: false))
        }
    }
}
