/// What a decided category brings: entitlements, the term-by-term plan, funding.
extension DecisionEngine {
    func entitlements(for category: String, _ context: EvaluationContext) -> [EntitlementItem] {
        var items: [EntitlementItem] = []
        for rule in entitlementRules[category] ?? [] where rule.condition.map({ context.evaluate($0) == .bool(true) }) ?? true {
            items.append(contentsOf: rule.items)
        }
        return items
    }

    func plan(for category: String, _ context: EvaluationContext) -> PlanOutcome? {
        guard let spec = framework.plans.first(where: {
            $0.category == category && ($0.condition.map { context.evaluate($0) == .bool(true) } ?? true)
        }) else { return nil }
        return PlanOutcome(allocation: spec.allocation, unit: spec.unit, total: spec.activities.reduce(0) { $0 + $1.amount },
                           activities: spec.activities, cite: spec.citation.cite)
    }

    func funding(for category: String, designation: String?, _ establishment: Establishment) -> [FundingLine] {
        framework.funding.map { rule in
            let rateParameter = framework.parameters[rule.rateParameter]
            var line = FundingLine(id: rule.id, pupils: establishment.pupils, rate: parameters[rule.rateParameter],
                                   cite: rule.citation.cite)
            switch rule.kind {
            case .perPupilByCategory:
                line.weight = rule.weights[category]
                if !rule.designationWeights.isEmpty {
                    guard let designation, let factor = rule.designationWeights[designation] else {
                        line.note = "no designation, which this funding rule weights by"
                        return line
                    }
                    line.weight = (line.weight ?? 1) * factor
                }
            case .triggeredPerPupil:
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
            line.amount = Double(pupils) * rate * (line.weight ?? 1)
            return line
        }
    }
}
