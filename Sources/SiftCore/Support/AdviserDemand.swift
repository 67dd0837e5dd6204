/// Advisers' time: what the plans ask of them in each term, in days, against the days they
/// have. Plans count visits, meetings, reviews, hours or days (`YearPlanner`); demand is in
/// days, so each unit has a number of days it takes, which the authority sets.
public struct DayConversion: Sendable, Equatable {
    /// Days one of each unit takes.
    public var daysPer: [String: Double]

    public init(daysPer: [String: Double]) {
        self.daysPer = daysPer
    }

    /// None of the seeds says how long a visit takes, except Wolverhampton, whose annex 2
    /// plans count days and give a core visit as "0.5 visit + 0.5 report" (a day with its
    /// report). The standard reads a visit or a meeting as half a day and its write-up as the
    /// other half, so one day each; a review (Hackney's "one day LA review") one day; an
    /// adviser's day seven hours.
    public static let standard = DayConversion(daysPer: ["days": 1, "hours": 1.0 / 7.0, "visits": 1, "meetings": 1, "reviews": 1])

    public func days(_ amount: Double, _ unit: String) -> Double? { daysPer[unit].map { $0 * amount } }
}

extension PlanTerm {
    /// The school terms a part of the year falls in, with the share of it in each: a half term
    /// is in its term; preparation before the year is autumn work; support "during the year"
    /// is spread evenly over the three terms.
    public var termShares: [(term: PlanTerm, share: Double)] {
        switch self {
        case .preparation, .autumn, .autumn1, .autumn2: return [(.autumn, 1)]
        case .spring, .spring1, .spring2: return [(.spring, 1)]
        case .summer, .summer1, .summer2: return [(.summer, 1)]
        case .year: return PlanTerm.terms.map { ($0, 1.0 / 3.0) }
        }
    }
}

/// Demand and capacity of one adviser (or of nobody: establishments not yet assigned) in one term.
public struct CapacityLine: Sendable, Equatable {
    public var adviser: String?
    public var term: PlanTerm
    public var capacity: Double
    public var demand: Double

    public init(adviser: String?, term: PlanTerm, capacity: Double, demand: Double) {
        self.adviser = adviser
        self.term = term
        self.capacity = capacity
        self.demand = demand
    }

    public var isOver: Bool { demand > capacity + 1e-9 }
}

public enum AdviserDemand {
    /// Days asked of each adviser in each term by `work` (each planned activity with the
    /// adviser of its establishment, nil when it has none), and units with no conversion.
    public static func demand(_ work: [(adviser: String?, item: PlanItem)], conversion: DayConversion)
        -> (days: [String?: [PlanTerm: Double]], unconverted: Set<String>) {
        var days: [String?: [PlanTerm: Double]] = [:], unconverted = Set<String>()
        for (adviser, item) in work {
            guard let total = conversion.days(item.amount, item.unit) else {
                unconverted.insert(item.unit)
                continue
            }
            for (term, share) in item.term.termShares { days[adviser, default: [:]][term, default: 0] += total * share }
        }
        return (days, unconverted)
    }

    /// A line per adviser and term, advisers in the order given, then the unassigned.
    public static func lines(advisers: [String], capacity: [String: [PlanTerm: Double]],
                             demand: [String?: [PlanTerm: Double]]) -> [CapacityLine] {
        var lines: [CapacityLine] = []
        for adviser in advisers {
            for term in PlanTerm.terms {
                lines.append(CapacityLine(adviser: adviser, term: term, capacity: capacity[adviser]?[term] ?? 0,
                                          demand: demand[adviser]?[term] ?? 0))
            }
        }
        if let unassigned = demand[nil] {
            for term in PlanTerm.terms {
                lines.append(CapacityLine(adviser: nil, term: term, capacity: 0, demand: unassigned[term] ?? 0))
            }
        }
        return lines
    }

    /// The authority's capacity and demand in each term: every adviser's, and demand not yet assigned.
    public static func authority(_ lines: [CapacityLine]) -> [CapacityLine] {
        PlanTerm.terms.map { term in
            let inTerm = lines.filter { $0.term == term }
            return CapacityLine(adviser: nil, term: term, capacity: inTerm.reduce(0) { $0 + $1.capacity },
                                demand: inTerm.reduce(0) { $0 + $1.demand })
        }
    }
}
