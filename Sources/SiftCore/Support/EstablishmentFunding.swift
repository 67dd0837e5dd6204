/// One establishment's funding for a year, with what places it in the network totals.
public struct EstablishmentFunding: Sendable {
    public var urn: String
    public var name: String
    /// The network (Coventry) or consortium (Warwickshire) it belongs to; nil for none.
    public var network: String?
    public var pupils: Int?
    public var funding: FundingYear

    public init(urn: String, name: String, network: String?, pupils: Int?, funding: FundingYear) {
        self.urn = urn
        self.name = name
        self.network = network
        self.pupils = pupils
        self.funding = funding
    }
}

extension DecisionEngine {
    /// The establishment's funding for `year` under this engine's framework and parameters,
    /// each period funded as its category and designation are, from the same evidence.
    /// - Parameter proration: `.days` unless the framework's funding is counted once a year
    ///   (Warwickshire's consortium count reads as `.wholeYearAtStart`).
    /// - Parameter part: the days of the year it was in `establishment.network`, where it moved
    ///   between networks during the year.
    public func fundingYear(for establishment: Establishment, in year: AcademicYear, periods: [CategoryPeriod],
                            proration: FundingProration = .days, part: (from: Day, to: Day)? = nil) throws(FundingYearError) -> EstablishmentFunding {
        if !alongside.isEmpty, case let chosen = covering(establishment), chosen.framework.id != framework.id {
            return try chosen.fundingYear(for: establishment, in: year, periods: periods, proration: chosen.framework.fundingProration, part: part)
        }
        let funding = try FundingYear(year: year, periods: periods, proration: proration, closed: establishment.closed, part: part) { period in
            self.funding(for: period.category, designation: period.designation, establishment)
        }
        return EstablishmentFunding(urn: establishment.urn, name: establishment.name, network: establishment.network,
                                    pupils: establishment.pupils, funding: funding)
    }
}
