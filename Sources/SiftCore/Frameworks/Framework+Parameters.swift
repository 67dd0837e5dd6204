extension Framework {
    /// The ids of the parameters a funding rule names as its rate or a weight.
    public var fundingParameters: Set<String> { Set(fundingParameterIndexes.map { parameters[$0].id }) }

    /// The ids of the parameters that change only funding: named by a funding rule as its rate
    /// or a weight, and read by no flag, derived rule, decision row, constraint, or entitlement
    /// or plan condition. Changing any other can change a category or its support (some are
    /// read by the engine itself, such as `new_headteacher_months`).
    public var fundingOnlyParameters: Set<String> {
        var named = fundingParameterIndexes
        var expressions: [Expression] = []
        expressions += flags?.items.map(\.when) ?? []
        expressions += derived.map(\.when)
        expressions += tables.flatMap { $0.rows.map(\.when) }
        expressions += constraints.map(\.require)
        expressions += entitlements.compactMap(\.condition)
        expressions += plans.compactMap(\.condition)
        for expression in expressions {
            for fact in expression.facts {
                if case .parameter(let index) = fact.ref { named.remove(index) }
            }
        }
        return Set(named.map { parameters[$0].id })
    }

    private var fundingParameterIndexes: Set<Int> {
        var named = Set<Int>()
        for rule in funding {
            named.insert(rule.rateParameter)
            for weight in Array(rule.weights.values) + Array(rule.designationWeights.values) {
                if case .parameter(let index) = weight { named.insert(index) }
            }
        }
        return named.filter(parameters.indices.contains)
    }
}
