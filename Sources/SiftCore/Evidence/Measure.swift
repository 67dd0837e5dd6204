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

    /// The measure as the performance tables name it.
    public var label: String {
        switch self {
        case .eyfsGLD: return "EYFS good level of development (%)"
        case .phonicsY1: return "Year 1 phonics check (%)"
        case .phonicsCumulative: return "Phonics by the end of Year 2 (%)"
        case .ks1RWM: return "KS1 reading, writing and maths at expected (%)"
        case .ks2RWMExpected: return "KS2 reading, writing and maths at expected (%)"
        case .ks2ReadingProgress: return "KS2 reading progress"
        case .ks2WritingProgress: return "KS2 writing progress"
        case .ks2MathsProgress: return "KS2 maths progress"
        case .progress8: return "Progress 8"
        case .attainment8: return "Attainment 8"
        }
    }

    /// Progress scores come with a 95% confidence interval.
    public var hasInterval: Bool {
        switch self {
        case .ks2ReadingProgress, .ks2WritingProgress, .ks2MathsProgress, .progress8: return true
        default: return false
        }
    }

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

/// One measure for one year. Stored compactly (a national file holds about a million): the
/// figures as doubles with NaN for "none", read and written through optionals.
public struct MeasureRecord: Sendable {
    public var year: Int { Int(storedYear) }
    public var status: MeasureStatus
    private var storedYear: Int16
    private var storedQuintile: Int8
    private var figures: (Double, Double, Double, Double, Double)

    public init(year: Int, status: MeasureStatus = .published, value: Double? = nil) {
        self.storedYear = Int16(clamping: year)
        self.status = status
        self.storedQuintile = 0
        self.figures = (.nan, .nan, .nan, .nan, .nan)
        self.value = value
    }

    private static func read(_ figure: Double) -> Double? { figure.isNaN ? nil : figure }

    public var value: Double? { get { Self.read(figures.0) } set { figures.0 = newValue ?? .nan } }
    public var national: Double? { get { Self.read(figures.1) } set { figures.1 = newValue ?? .nan } }
    public var lower: Double? { get { Self.read(figures.2) } set { figures.2 = newValue ?? .nan } }
    public var upper: Double? { get { Self.read(figures.3) } set { figures.3 = newValue ?? .nan } }
    public var bottomQuintileBelow: Double? { get { Self.read(figures.4) } set { figures.4 = newValue ?? .nan } }
    /// 1 (top) to 5 (bottom).
    public var quintile: Int? {
        get { storedQuintile == 0 ? nil : Int(storedQuintile) }
        set { storedQuintile = newValue.map { Int8(clamping: $0) } ?? 0 }
    }
}
