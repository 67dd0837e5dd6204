/// What a decided category brings: entitlements, the term-by-term plan, funding.
extension DecisionEngine {
    /// Whether a `for:` condition holds; one that cannot be evaluated is recorded as not applied.
    private func applies(_ condition: Expression?, _ what: String, _ context: EvaluationContext, _ notApplied: inout [NotApplied]) -> Bool {
        guard let condition else { return true }
        switch context.condition(condition) {
        case .bool(let flag): return flag
        case .missing(let absence):
            notApplied.append(NotApplied(table: what, row: "for", absence: absence))
            return false
        default: return false
        }
    }

    func entitlements(for category: String, _ context: EvaluationContext, _ notApplied: inout [NotApplied]) -> [EntitlementItem] {
        var items: [EntitlementItem] = []
        for rule in entitlementRules[category] ?? [] where applies(rule.condition, "entitlements", context, &notApplied) {
            items.append(contentsOf: rule.items.filter { applies($0.condition, "entitlements", context, &notApplied) })
        }
        return items
    }

    func plan(for category: String, _ context: EvaluationContext, _ notApplied: inout [NotApplied]) -> PlanOutcome? {
        guard let spec = framework.plans.first(where: {
            $0.category == category && applies($0.condition, "plans", context, &notApplied)
        }) else { return nil }
        return PlanOutcome(allocation: spec.allocation, unit: spec.unit, total: spec.total,
                           activities: spec.activities, cite: spec.citation.cite)
    }

    func funding(for category: String, designation: String?, _ establishment: Establishment) -> [FundingLine] {
        framework.funding.map { rule in
            let rateParameter = framework.parameters[rule.rateParameter]
            var line = FundingLine(id: rule.id, pupils: establishment.pupils, rate: parameters[rule.rateParameter],
                                   cite: rule.citation.cite)
            if rule.kind == .triggeredPerPupil {
                line.triggered = rule.triggers.contains(category)
                if line.triggered == false {
                    line.amount = 0
                    line.note = "category \(category) does not trigger funding"
                    return line
                }
            }
            guard let rate = line.rate else {
                line.note = "the authority has not set \(rateParameter.id)"
                return line
            }
            guard let pupils = establishment.pupils else {
                line.note = "pupils on roll are not recorded"
                return line
            }
            if rule.kind == .perPupilByCategory {
                guard let weight = rule.weights[category].map(value) ?? nil else {
                    line.note = unset(rule.weights[category], "no weight for category \(category)")
                    return line
                }
                line.weight = weight
                if !rule.designationWeights.isEmpty {
                    guard let designation, let factor = rule.designationWeights[designation].map(value) ?? nil else {
                        line.note = unset(designation.flatMap { rule.designationWeights[$0] }, "no designation, which this funding rule weights by")
                        return line
                    }
                    line.weight = weight * factor
                }
            }
            line.amount = Double(pupils) * rate * (line.weight ?? 1)
            return line
        }
    }

    private func value(_ weight: Weight) -> Double? {
        switch weight {
        case .number(let number): return number
        case .parameter(let index): return parameters[index]
        }
    }

    /// Why a weight has no value: a parameter not set, or none given.
    private func unset(_ weight: Weight?, _ otherwise: String) -> String {
        if case .parameter(let index) = weight { return "the authority has not set \(framework.parameters[index].id)" }
        return otherwise
    }
}
