/// The parts of an academic year that a plan's activities are placed in. Wolverhampton's
/// annex 2 plans by half term, with preparation before the year; Hackney's plans by term;
/// support agreed "during the year" has no term.
public enum PlanTerm: String, CaseIterable, Sendable, Codable, Comparable {
    case preparation, autumn, autumn1, autumn2, spring, spring1, spring2, summer, summer1, summer2, year

    /// The three terms, in order: a whole term's activities are spread over these.
    public static let terms: [PlanTerm] = [.autumn, .spring, .summer]
    /// The six half terms, in order.
    public static let halfTerms: [PlanTerm] = [.autumn1, .autumn2, .spring1, .spring2, .summer1, .summer2]

    public var label: String {
        switch self {
        case .preparation: return "Preparation"
        case .autumn: return "Autumn term"
        case .autumn1: return "Autumn 1"
        case .autumn2: return "Autumn 2"
        case .spring: return "Spring term"
        case .spring1: return "Spring 1"
        case .spring2: return "Spring 2"
        case .summer: return "Summer term"
        case .summer1: return "Summer 1"
        case .summer2: return "Summer 2"
        case .year: return "During the year"
        }
    }

    /// Where the part begins in academic year `year` (named by the year it ends). Preparation
    /// and whole-year activities begin with the year.
    public func start(in year: Int, calendar: TermCalendar = .standard) -> Day {
        let (month, day) = calendar.starts[self] ?? (9, 1)
        // A calendar's dates are checked when it is made, so this always names a real day.
        return Day(year: month >= 9 ? year - 1 : year, month: month, day: day) ?? Day(year: year - 1, month: 9, day: 1)!
    }

    /// Where the part ends (its last day) in academic year `year`.
    public func end(in year: Int, calendar: TermCalendar = .standard) -> Day {
        let next: PlanTerm?
        switch self {
        case .preparation, .year, .summer, .summer2: next = nil
        case .autumn: next = .spring
        case .autumn1: next = .autumn2
        case .autumn2: next = .spring1
        case .spring: next = .summer
        case .spring1: next = .spring2
        case .spring2: next = .summer1
        case .summer1: next = .summer2
        }
        guard let next else { return Day(year: year, month: 8, day: 31)! }
        return Self.dayBefore(next.start(in: year, calendar: calendar))
    }

    private static func dayBefore(_ day: Day) -> Day {
        if day.day > 1 { return Day(year: day.year, month: day.month, day: day.day - 1)! }
        let month = day.month == 1 ? 12 : day.month - 1, year = day.month == 1 ? day.year - 1 : day.year
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
    }

    public static func < (lhs: PlanTerm, rhs: PlanTerm) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// When each part of the year begins. Schools' term dates differ by authority and year; the
/// standard calendar is an approximation an authority can replace: half terms begin on
/// 1 September, 1 November, 1 January, 15 February, 1 April and 1 June.
public struct TermCalendar: Sendable {
    public var starts: [PlanTerm: (month: Int, day: Int)]

    /// Nil when a start is not a day of the calendar (29 February aside, which is refused).
    public init?(starts: [PlanTerm: (month: Int, day: Int)]) {
        guard starts.values.allSatisfy({ Day(year: 2001, month: $0.month, day: $0.day) != nil }) else { return nil }
        self.starts = starts
    }

    public static let standard = TermCalendar(checked: [
        .preparation: (9, 1), .year: (9, 1),
        .autumn: (9, 1), .autumn1: (9, 1), .autumn2: (11, 1),
        .spring: (1, 1), .spring1: (1, 1), .spring2: (2, 15),
        .summer: (4, 1), .summer1: (4, 1), .summer2: (6, 1),
    ])

    private init(checked starts: [PlanTerm: (month: Int, day: Int)]) {
        self.starts = starts
    }
}
