/// Each measure's national quintiles, worked out from a national performance table: the
/// schools with a published figure ranked by it, the top fifth quintile 1 and the bottom
/// fifth quintile 5, and the bottom fifth's upper bound kept as `bottomQuintileBelow`.
///
/// Reading of "computed from a national file when one is imported" (issue 5): a table
/// covering at least `nationalAuthorities` local authorities is national. An authority's
/// own extract is not, and gives no quintiles: a fifth of one authority is not a national
/// fifth. Ties at a boundary go to the higher quintile.
public enum NationalQuintiles {
    public static let nationalAuthorities = 100

    public static func isNational(_ table: PerformanceYear) -> Bool {
        table.authorityCount >= nationalAuthorities
    }

    /// Sets each published figure's quintile and threshold; returns the thresholds by measure.
    @discardableResult
    public static func apply(to table: inout PerformanceYear) -> [MeasureID: Double] {
        var thresholds: [MeasureID: Double] = [:]
        for measure in table.keyStage.columns.map(\.measure) {
            let values = table.schools.compactMap { school -> Double? in
                guard let record = school.measures[measure], record.status == .published else { return nil }
                return record.value
            }.sorted()
            guard values.count >= 5 else { continue }
            // The figures at the 20th, 40th, 60th and 80th percentiles, lowest first.
            let cuts = [0.2, 0.4, 0.6, 0.8].map { values[Int(Double(values.count) * $0)] }
            thresholds[measure] = cuts[0]
            for index in table.schools.indices {
                guard var record = table.schools[index].measures[measure], record.status == .published, let value = record.value else { continue }
                record.quintile = 5 - cuts.filter { value >= $0 }.count
                record.bottomQuintileBelow = cuts[0]
                table.schools[index].measures[measure] = record
            }
        }
        return thresholds
    }
}
