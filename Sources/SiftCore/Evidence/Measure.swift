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
    public var slot: Int {
        switch self {
        case .eyfsGLD: return 0
        case .phonicsY1: return 1
        case .phonicsCumulative: return 2
        case .ks1RWM: return 3
        case .ks2RWMExpected: return 4
        case .ks2ReadingProgress: return 5
        case .ks2WritingProgress: return 6
        case .ks2MathsProgress: return 7
        case .progress8: return 8
        case .attainment8: return 9
        }
    }
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
