public struct Headteacher: Sendable {
    public var startDate: Day?
    public var firstHeadship: Bool?
    public init(startDate: Day? = nil, firstHeadship: Bool? = nil) {
        self.startDate = startDate
        self.firstHeadship = firstHeadship
    }
}

/// One school or setting and all the evidence a framework may use about it.
public struct Establishment: Sendable {
    public var urn: String
    public var name: String
    public var authority: String?
    public var kind: EstablishmentKind
    public var phase: Phase?
    public var pupils: Int?
    public var network: String?
    public var opened: Day?
    /// The date GIAS gives for its closing: a closed establishment is kept, with its history.
    public var closed: Day?
    public var providesForTwoYearOlds: Bool?
    /// GIAS's religious character ("Church of England", "Roman Catholic", "Does not apply")
    /// and diocese ("Diocese of Coventry", "Not applicable"), where known.
    public var religiousCharacter: String?
    public var diocese: String?
    /// Who runs an early-years setting: its registered person (as Ofsted registers it) and
    /// its manager; letters are addressed to them.
    public var registeredPerson: String?
    public var manager: String?
    public var headteacher: Headteacher?
    /// Oldest first; the last is the latest inspection.
    public var inspections: [Inspection]
    /// Indexed by `MeasureID.slot`; each list oldest year first.
    public var measures: [[MeasureRecord]] {
        didSet { latestDataYear = Self.latestYear(measures, otherMeasures) }
    }
    /// Measures a framework declares beyond the DfE ones (attendance, exclusions, another
    /// nation's measures), by the id it gives them; each list oldest year first.
    public var otherMeasures: [String: [MeasureRecord]] = [:] {
        didSet { latestDataYear = Self.latestYear(measures, otherMeasures) }
    }
    /// The latest academic year for which any measure is recorded.
    public private(set) var latestDataYear: Int?

    private static func latestYear(_ measures: [[MeasureRecord]], _ others: [String: [MeasureRecord]]) -> Int? {
        let dfe = measures.compactMap { $0.last?.year }.max()
        guard !others.isEmpty else { return dfe }
        return (others.values.compactMap { $0.last?.year } + [dfe].compactMap { $0 }).max()
    }
    public var local: LocalEvidence

    public init(urn: String, name: String, kind: EstablishmentKind) {
        self.urn = urn
        self.name = name
        self.kind = kind
        self.inspections = []
        self.measures = Array(repeating: [], count: MeasureID.allCases.count)
        self.local = LocalEvidence()
    }

    public func records(_ measure: MeasureID) -> [MeasureRecord] { measures[measure.slot] }

    public var latestInspection: Inspection? { inspections.last }
    public var previousInspection: Inspection? { inspections.count >= 2 ? inspections[inspections.count - 2] : nil }
}
