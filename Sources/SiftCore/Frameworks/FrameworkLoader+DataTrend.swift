extension FrameworkLoader {
    /// `data_trend:` (framework-format.md): the measures whose years give `la.trend`.
    func readDataTrend(_ node: Tree?) -> DataTrendRule? {
        guard let node, !node.isNull,
              let entry = mapping(node, "data_trend", required: ["measures"], optional: ["years", "cite"]) else { return nil }
        let years = entry["years"].map { integer($0, "years", 2...10) ?? 3 } ?? 3
        let sources: [DataTrendRule.Source] = list(entry["measures"], "measures").compactMap { element in
            guard let item = mapping(element, "a trend measure", required: ["measure", "band", "sharp"], optional: []),
                  let name = text(item["measure"], "measure") else { return nil }
            guard let measure = MeasureID(rawValue: name) else {
                issue(item["measure"], "'\(name)' is not a measure; measures are \(MeasureID.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            guard let band = threshold(item["band"], "band"), let sharp = threshold(item["sharp"], "sharp") else { return nil }
            return DataTrendRule.Source(measure: measure, band: band, sharp: sharp)
        }
        if sources.isEmpty { issue(node, "data_trend needs at least one measure") }
        return DataTrendRule(years: years, measures: sources, citation: citation(entry))
    }

    /// A number, or the id of a parameter the authority sets.
    private func threshold(_ node: Tree?, _ what: String) -> Weight? {
        if let value = node?.number, value > 0 { return .number(value) }
        if let name = node?.text, node?.number == nil, let index = catalog.parameterIDs.firstIndex(of: name) { return .parameter(index) }
        issue(node, "\(what) must be a number above 0 or a parameter of this framework")
        return nil
    }
}
