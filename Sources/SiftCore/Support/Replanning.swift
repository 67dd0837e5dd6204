/// Re-planning the rest of a year when an establishment's category changes during it
/// (Coventry: "categorisation can change at other points during the year"; the rule:
/// the rest of the year is re-planned from the date of change).
///
/// The reading, which an authority can change with `ReplanRule`:
/// - activities in a part of the year that began before the change stay as they were, since
///   the school was in the earlier category then, and whatever of them was delivered counts;
/// - activities in parts that begin on or after the change are replaced by the new category's
///   activities in those parts;
/// - support "during the year" (and preparation) is shared pro rata by days: the earlier
///   category's share up to the change, the new category's from it.
public struct ReplanRule: Sendable {
    public enum WholeYear: Sendable {
        /// Each category's whole-year support in proportion to the days it applied.
        case proRata
        /// The earlier category's whole-year support stays; the new category adds none.
        case keepEarlier
    }

    public var wholeYear: WholeYear
    public var calendar: TermCalendar

    public init(wholeYear: WholeYear = .proRata, calendar: TermCalendar = .standard) {
        self.wholeYear = wholeYear
        self.calendar = calendar
    }

    public static let standard = ReplanRule()
}

/// What a change of category does to the plan: which current activities are withdrawn (by
/// their index in `current`) and which are added.
public struct Replan: Sendable, Equatable {
    public var withdrawn: [Int]
    public var added: [PlanItem]

    /// - Parameters:
    ///   - current: the activities in force for the year, before the change.
    ///   - plan: the whole-year plan of the new category.
    ///   - change: the date the new category applies from.
    public init(current: [PlanItem], plan: YearPlan, change: Day, year: Int, rule: ReplanRule = .standard) {
        let whole: Set<PlanTerm> = [.year, .preparation]
        let share = Self.shareRemaining(at: change, year: year)
        var withdrawn: [Int] = [], added: [PlanItem] = []
        for (index, item) in current.enumerated() {
            if whole.contains(item.term) {
                guard rule.wholeYear == .proRata else { continue }
                withdrawn.append(index)
                if let kept = Self.scaled(item, by: 1 - share) { added.append(kept) }
            } else if item.term.start(in: year, calendar: rule.calendar) >= change {
                withdrawn.append(index)
            }
        }
        for item in plan.items {
            if whole.contains(item.term) {
                guard rule.wholeYear == .proRata, let part = Self.scaled(item, by: share) else { continue }
                added.append(part)
            } else if item.term.start(in: year, calendar: rule.calendar) >= change {
                added.append(item)
            }
        }
        self.withdrawn = withdrawn
        self.added = added
    }

    /// The share of academic year `year` from `change` to its end, by days.
    public static func shareRemaining(at change: Day, year: Int) -> Double {
        let start = PlanTerm.year.start(in: year), end = PlanTerm.year.end(in: year)
        if change <= start { return 1 }
        if change > end { return 0 }
        let total = DayCount.between(start, end) + 1
        return Double(DayCount.between(change, end) + 1) / Double(total)
    }

    /// `item` with its amount scaled, to the half for days and hours and the whole for things
    /// counted; nil when nothing is left.
    static func scaled(_ item: PlanItem, by factor: Double) -> PlanItem? {
        let step = YearPlanner.countedUnits.contains(item.unit) ? 1.0 : 0.5
        let amount = ((item.amount * factor) / step).rounded() * step
        guard amount > 0 else { return nil }
        var scaled = item
        scaled.amount = amount
        if amount != item.amount { scaled.activity += " (share of the year)" }
        return scaled
    }
}

/// Whole days between dates, without calendars or time zones.
enum DayCount {
    /// Days from `from` to `to` (negative when `to` is earlier).
    static func between(_ from: Day, _ to: Day) -> Int { ordinal(to) - ordinal(from) }

    /// Days since a fixed origin (the proleptic Gregorian day number).
    static func ordinal(_ day: Day) -> Int {
        let y = day.month <= 2 ? day.year - 1 : day.year
        let m = day.month <= 2 ? day.month + 12 : day.month
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + day.day
    }
}

/// What an establishment's closing does to its plan: an activity of a part of the year that
/// starts on or after the close date is withdrawn; one whose part spans the close date is
/// withdrawn and kept for the share of that part's days before it; the rest stand.
public struct ClosureRelease: Sendable, Equatable {
    public var withdrawn: [Int]
    public var kept: [PlanItem]

    public init(current: [PlanItem], closed: Day, year: Int, calendar: TermCalendar = .standard) {
        var withdrawn: [Int] = [], kept: [PlanItem] = []
        for (index, item) in current.enumerated() {
            let start = item.term.start(in: year, calendar: calendar), end = item.term.end(in: year, calendar: calendar)
            if end < closed { continue }
            withdrawn.append(index)
            guard start < closed else { continue }
            let share = Double(DayCount.between(start, closed)) / Double(DayCount.between(start, end) + 1)
            if let part = Replan.scaled(item, by: share) { kept.append(part) }
        }
        self.withdrawn = withdrawn
        self.kept = kept
    }
}
