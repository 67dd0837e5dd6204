/// How a framework works out the data trend (`la.trend`) from the years of results Sift holds
/// (framework-format.md, "data_trend"), so the trend is not typed by hand. An officer's
/// recorded trend overrides it, with the reason they give.
public struct DataTrendRule: Sendable {
    public struct Source: Sendable {
        public var measure: MeasureID
        /// A change smaller than this either way over the years is consistent.
        public var band: Weight
        /// A fall of this much or more is a sharp decline.
        public var sharp: Weight
    }
    /// How many years of results, the latest included, are compared.
    public var years: Int
    /// Tried in order: the first with at least two published years gives the trend.
    public var measures: [Source]
    public var citation: Citation
}

/// A trend worked out, with the figures it came from.
public struct TrendReading: Sendable {
    public var trend: LocalEvidence.Trend
    public var measure: MeasureID
    public var figures: [(year: Int, value: Double)]
    /// The latest figure less the earliest.
    public var change: Double
    /// True when the officer recorded a trend of their own, which stands instead.
    public var overridden: Bool

    /// "small decline: KS2 reading, writing and maths at expected (%) 70 in 2022, 66 in 2023, 64 in 2024 (down 6)".
    public var description: String {
        let figures = figures.map { "\(Tree.format($0.value)) in \($0.year)" }.joined(separator: ", ")
        // Figures are given to a tenth or a hundredth, so their difference is too (80 - 69.4 is
        // 10.600000000000001 in binary).
        let shown = (change * 100).rounded() / 100
        let direction = shown == 0 ? "no change" : shown > 0 ? "up \(Tree.format(shown))" : "down \(Tree.format(-shown))"
        return "\(trend.rawValue.replacing("_", with: " ")): \(measure.label) \(figures) (\(direction))"
    }
}

extension DataTrendRule {
    /// The trend of the establishment's results up to the data year, or nil when no measure
    /// has two published years in the window.
    ///
    /// Readings (the seeds name the trends but give no figures, so each threshold is the
    /// framework's): over the window, a fall of `sharp` or more is a sharp decline; a fall of
    /// `band` or more is declining when every year fell, and a small decline otherwise; a rise
    /// of `band` or more is improving when no year fell by `band` or more; swings of `band` or
    /// more both ways with less than `band` between first and last are inconsistent; anything
    /// else is consistent.
    public func reading(of establishment: Establishment, dataYear: Int?, parameters: [Double?]) -> TrendReading? {
        guard let dataYear else { return nil }
        for source in measures {
            let records = establishment.records(source.measure).filter { $0.year <= dataYear && $0.year > dataYear - years && $0.status == .published }
            let figures = records.compactMap { record in record.value.map { (year: record.year, value: $0) } }
            guard figures.count >= 2, let band = source.band.value(parameters), let sharp = source.sharp.value(parameters) else { continue }
            let change = figures.last!.value - figures.first!.value
            let steps = zip(figures.dropFirst(), figures).map { $0.value - $1.value }
            let trend: LocalEvidence.Trend
            if change <= -sharp { trend = .sharpDecline }
            else if change <= -band { trend = steps.allSatisfy { $0 < 0 } && steps.count >= 2 ? .declining : .smallDecline }
            else if change >= band { trend = steps.contains { $0 <= -band } ? .inconsistent : .improving }
            else if steps.contains(where: { $0 >= band }) && steps.contains(where: { $0 <= -band }) { trend = .inconsistent }
            else { trend = .consistent }
            return TrendReading(trend: trend, measure: source.measure, figures: figures, change: change, overridden: false)
        }
        return nil
    }
}

extension Weight {
    /// The number, or the parameter's value for this run; nil when the parameter is not set.
    func value(_ parameters: [Double?]) -> Double? {
        switch self {
        case .number(let number): return number
        case .parameter(let index): return parameters[safe: index] ?? nil
        }
    }
}
