/// One activity of an establishment's year of support: a visit, a meeting, days or hours in
/// a part of the year, counted in a unit.
public struct PlanItem: Sendable, Equatable {
    public var term: PlanTerm
    public var activity: String
    public var amount: Double
    public var unit: String
    /// visit, meeting, review, support, preparation, or the entitlement's kind.
    public var kind: String?
    /// The category whose support the activity is part of.
    public var category: String
    public var cite: String?

    public init(term: PlanTerm, activity: String, amount: Double, unit: String, kind: String?, category: String, cite: String?) {
        self.term = term
        self.activity = activity
        self.amount = amount
        self.unit = unit
        self.kind = kind
        self.category = category
        self.cite = cite
    }
}

/// The year's plan a category brings: its activities and the most the framework allocates in
/// each unit.
public struct YearPlan: Sendable, Equatable {
    public var category: String
    public var items: [PlanItem]
    /// The allocation by unit ("days": 9.5). A range's upper end, where the framework gives one
    /// ("up to 14 hours a term"), since agreed extra support may go up to it.
    public var allocation: [String: Double]
    public var cite: String?

    public init(category: String, items: [PlanItem], allocation: [String: Double], cite: String?) {
        self.category = category
        self.items = items
        self.allocation = allocation
        self.cite = cite
    }
}

/// A plan's total in one unit against its allocation.
public struct PlanTally: Sendable, Equatable {
    public var unit: String
    public var planned: Double
    public var allocation: Double?
    public var delivered: Double

    public init(unit: String, planned: Double, allocation: Double?, delivered: Double) {
        self.unit = unit
        self.planned = planned
        self.allocation = allocation
        self.delivered = delivered
    }

    /// More is planned than the framework allocates: agreed extra support beyond it.
    public var isOver: Bool { allocation.map { planned > $0 + 1e-9 } ?? false }

    /// Totals by unit, in the order units first appear, of `items` against `allocation`, with
    /// what was delivered in each unit.
    public static func tally(_ items: [PlanItem], allocation: [String: Double], delivered: [String: Double]) -> [PlanTally] {
        var order: [String] = [], planned: [String: Double] = [:]
        for item in items {
            if planned[item.unit] == nil { order.append(item.unit) }
            planned[item.unit, default: 0] += item.amount
        }
        for unit in allocation.keys.sorted() where planned[unit] == nil {
            order.append(unit)
            planned[unit] = 0
        }
        for unit in delivered.keys.sorted() where planned[unit] == nil {
            order.append(unit)
            planned[unit] = 0
        }
        return order.map { PlanTally(unit: $0, planned: planned[$0] ?? 0, allocation: allocation[$0], delivered: delivered[$0] ?? 0) }
    }
}
