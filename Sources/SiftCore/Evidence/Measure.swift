/// The achievement measures the frameworks use (evidence-format.md, "Measures").
public enum MeasureID: String, Sendable, CaseIterable {
    case eyfsGLD = "eyfs_gld"
    case phonicsY1 = "phonics_y1"
    case phonicsCumulative = "phonics_cumulative"
    case ks1RWM = "ks1_rwm"
    case ks2RWMExpected = "ks2_rwm_expected"
    case ks2ReadingProgress = "ks2_reading_progress"
    case ks2WritingProgress = "ks2_writing_progress"
    case ks2MathsProgress = "ks2_maths_progress"
    case progress8
    case attainment8

    /// Position in `Establishment.measures`, so lookups on a national run are array indexing.
    public var slot: Int { Self.slots[self]! }
    private static let slots: [MeasureID: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

/// Whether a figure exists for a year, and if not, why: a missing figure is never zero.
public enum MeasureStatus: String, Sendable, CaseIterable {
    case published
    case notPublished = "not_published"
    case suppressed
    case noCohort = "no_cohort"
}

public struct MeasureRecord: Sendable {
    public var year: Int
    public var status: MeasureStatus
    public var value: Double?
    public var national: Double?
    public var lower: Double?
    public var upper: Double?
    public var quintile: Int?
    public var bottomQuintileBelow: Double?

    public init(year: Int, status: MeasureStatus = .published, value: Double? = nil) {
        self.year = year
        self.status = status
        self.value = value
    }
}
