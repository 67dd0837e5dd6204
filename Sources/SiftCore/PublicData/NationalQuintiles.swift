/// Where a measure's national fifths begin: the lowest figure of quintile 4, 3, 2 and 1 (the
/// top). A figure below `q4From` is in the bottom quintile, 5, so `q4From` is also the
/// evidence's `bottomQuintileBelow`. Every measure Sift reads is better when higher.
public struct QuintileCuts: Sendable, Equatable {
    public var q4From: Double
    public var q3From: Double
    public var q2From: Double
    public var q1From: Double

    public init(q4From: Double, q3From: Double, q2From: Double, q1From: Double) {
        self.q4From = q4From
        self.q3From = q3From
        self.q2From = q2From
        self.q1From = q1From
    }

    public var boundaries: [Double] { [q4From, q3From, q2From, q1From] }

    /// Boundaries must not fall as the quintiles rise; equal ones are allowed (ties in whole
    /// percentages are common).
    public var isAscending: Bool { q4From <= q3From && q3From <= q2From && q2From <= q1From }

    /// 1 (top) to 5 (bottom); a figure on a boundary is in the higher quintile.
    public func quintile(of value: Double) -> Int {
        5 - boundaries.filter { value >= $0 }.count
    }

    /// Sets a published figure's quintile and threshold; others are left as they are.
    public func apply(to record: inout MeasureRecord) {
        guard record.status == .published, let value = record.value else { return }
        record.quintile = quintile(of: value)
        record.bottomQuintileBelow = q4From
    }
}

/// Each measure's national quintiles, worked out from a national performance table: the
/// state-funded schools with a published figure ranked by it, the top fifth quintile 1 and the bottom
/// fifth quintile 5, and the bottom fifth's upper bound kept as `bottomQuintileBelow`.
///
/// Reading of "computed from a national file when one is imported" (issue 5): a table
/// covering at least `nationalAuthorities` local authorities is national. An authority's
/// own extract is not, and gives no quintiles: a fifth of one authority is not a national
/// fifth. For such a file an administrator enters the quintiles (`apply(_:to:)`). Ties at
/// a boundary go to the higher quintile.
public enum NationalQuintiles {
    public static let nationalAuthorities = 100

    public static func isNational(_ table: PerformanceYear) -> Bool {
        table.authorityCount >= nationalAuthorities
    }

    /// Works out each measure's boundaries from the table and sets every published figure's
    /// quintile and threshold; returns the boundaries by measure.
    @discardableResult
    public static func apply(to table: inout PerformanceYear) -> [MeasureID: QuintileCuts] {
        var found: [MeasureID: QuintileCuts] = [:]
        for measure in table.keyStage.columns.map(\.measure) {
            let values = table.schools.compactMap { school -> Double? in
                guard school.isStateFunded, let record = school.measures[measure], record.status == .published else { return nil }
                return record.value
            }.sorted()
            guard values.count >= 5 else { continue }
            // The figures at the 20th, 40th, 60th and 80th percentiles, lowest first.
            let at = { (share: Double) in values[Int(Double(values.count) * share)] }
            found[measure] = QuintileCuts(q4From: at(0.2), q3From: at(0.4), q2From: at(0.6), q1From: at(0.8))
        }
        apply(found, to: &table)
        return found
    }

    /// Sets the quintile of each published figure of the measures given.
    public static func apply(_ cuts: [MeasureID: QuintileCuts], to table: inout PerformanceYear) {
        for index in table.schools.indices {
            for (measure, cut) in cuts {
                guard var record = table.schools[index].measures[measure] else { continue }
                cut.apply(to: &record)
                table.schools[index].measures[measure] = record
            }
        }
    }
}
