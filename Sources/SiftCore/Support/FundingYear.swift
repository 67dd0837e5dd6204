/// One establishment's funding for an academic year: each category period's share of its
/// full-year amount, and each funding rule's total for the year.
public struct FundingYear: Sendable {
    public var year: AcademicYear
    public var proration: FundingProration
    public var periods: [PeriodFunding]
    /// One per funding rule, in the framework's order.
    public var lines: [FundingYearLine]

    /// The year's funding, or nil when any rule's amount could not be worked out (see `lines`).
    public var total: Double? {
        lines.reduce(0 as Double?) { sum, line in sum.flatMap { sum in line.amount.map { sum + $0 } } }
    }

    /// The sum of the rules whose amount was worked out.
    public var workedOut: Double { lines.compactMap(\.amount).reduce(0, +) }

    /// - Parameters:
    ///   - periods: the categories held, each from its date; one must be in force on 1 September
    ///     (an earlier date counts from 1 September), and periods after 31 August are left out.
    ///   - lines: the full-year funding lines of a category and designation, as
    ///     `DecisionEngine.categorise(_:runDate:dataYear:supportFor:)` gives them.
    ///   - closed: the day the establishment closed, if it has: it is funded to the day before
    ///     (`days`), or not at all where it closed by 1 September.
    ///   - part: the part of the year to fund, where it is not all of it (the days it was in one
    ///     network); the rest of the year is another part's. Under `wholeYearAtStart` only the
    ///     part holding 1 September brings anything.
    public init(year: AcademicYear, periods: [CategoryPeriod], proration: FundingProration, closed: Day? = nil,
                part: (from: Day, to: Day)? = nil, lines: (CategoryPeriod) -> [FundingLine]) throws(FundingYearError) {
        var inYear = try periods.periods(in: year)
        if let closed { inYear = inYear.filter { $0.from < closed } }
        var end = closed.map { min($0.previous, year.end) } ?? year.end
        if let part {
            end = min(end, part.to)
            // The period in force on the part's first day starts the part; later ones follow.
            let first = inYear.lastIndex { $0.from <= part.from } ?? 0
            inYear = Array(inYear[first...]).filter { $0.from <= end }
            if !inYear.isEmpty { inYear[0].from = max(inYear[0].from, part.from) }
        }
        self.year = year
        self.proration = proration
        self.periods = inYear.indices.map { index in
            let period = inYear[index]
            let to = index + 1 < inYear.count ? inYear[index + 1].from.previous : end
            let days = period.from.days(to: to) + 1
            let share = switch proration {
            case .days: Double(days) / Double(year.days)
            case .wholeYearAtStart: period.from == year.start ? 1.0 : 0.0
            }
            return PeriodFunding(period: period, to: to, days: days, share: share, fullYear: lines(period))
        }
        self.lines = Self.yearLines(self.periods)
    }

    /// Each rule's amounts added over the periods that carry a share of the year.
    private static func yearLines(_ periods: [PeriodFunding]) -> [FundingYearLine] {
        var lines: [FundingYearLine] = []
        for period in periods where period.share > 0 {
            for line in period.lines {
                let index: Int
                if let found = lines.firstIndex(where: { $0.id == line.id }) {
                    index = found
                } else {
                    lines.append(FundingYearLine(id: line.id, amount: 0, pupils: line.pupils, cite: line.cite))
                    index = lines.count - 1
                }
                if let triggered = line.triggered { lines[index].triggered = (lines[index].triggered ?? false) || triggered }
                if let amount = line.amount {
                    lines[index].amount = lines[index].amount.map { $0 + amount }
                } else {
                    lines[index].amount = nil
                    let note = "\(period.period.category) from \(period.period.from): \(line.note ?? "no amount")"
                    if !lines[index].notWorkedOut.contains(note) { lines[index].notWorkedOut.append(note) }
                }
            }
        }
        return lines
    }
}

/// One category period of the year and the funding it brings.
public struct PeriodFunding: Sendable {
    /// The period, its start moved to 1 September if it began before the year.
    public var period: CategoryPeriod
    /// Its last day: the day before the next period begins, or 31 August.
    public var to: Day
    public var days: Int
    /// The fraction of the full-year amount this period brings (see `FundingProration`).
    public var share: Double
    /// The category's lines for a whole year.
    public var fullYear: [FundingLine]

    /// The full-year lines × `share`; an amount not worked out stays nil, with its note.
    public var lines: [FundingLine] {
        fullYear.map { line in
            var part = line
            part.amount = line.amount.map { $0 * share }
            return part
        }
    }
}

/// One funding rule's total for the year.
public struct FundingYearLine: Sendable {
    public var id: String
    /// Nil when the rule's amount for a period with a share of the year could not be worked
    /// out (a rate or weight not set, pupils not recorded): never counted as zero.
    public var amount: Double?
    public var pupils: Int?
    /// For `triggered_per_pupil` rules, whether a category held in the year triggers funding;
    /// nil for rules of other kinds.
    public var triggered: Bool?
    /// Why the amount could not be worked out, by period ("1 from 2024-01-15: ...").
    public var notWorkedOut: [String] = []
    public var cite: String?
}
