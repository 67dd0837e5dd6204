/// Works out the year's plan a decided category brings. Where the framework writes a plan for
/// the category (Wolverhampton's annex 2; Hackney's intensive visits), the plan is its
/// activities. Otherwise it is made from the category's entitlements that count something
/// done or spent (Coventry's CMO visits, Hackney's SIP visits and adviser hours, Milton
/// Keynes' core-offer visit and TIB meetings), spread over the year.
public enum YearPlanner {
    /// Units in which an entitlement is planned; plans, offers and the rest are not scheduled.
    public static let plannedUnits: Set<String> = ["visits", "days", "hours", "meetings", "reviews"]
    /// Units counted whole: a number of them is spread over the terms one by one.
    static let countedUnits: Set<String> = ["visits", "meetings", "reviews"]

    /// The plan for `category` from a result worked out with `supportFor: category`.
    public static func plan(category: String, result: CategorisationResult) -> YearPlan {
        if let plan = result.plan {
            var allocation = [plan.unit: plan.allocation]
            let items = plan.activities.map { activity -> PlanItem in
                let unit = activity.unit ?? plan.unit
                // An activity in another unit is an allocation of its own (Hackney's adviser hours).
                if unit != plan.unit { allocation[unit, default: 0] += activity.amount }
                return PlanItem(term: PlanTerm(rawValue: activity.term) ?? .year, activity: activity.activity, amount: activity.amount,
                                unit: unit, kind: activity.kind, category: category, cite: plan.cite)
            }
            return YearPlan(category: category, items: items, allocation: allocation, cite: plan.cite)
        }
        var items: [PlanItem] = [], allocation: [String: Double] = [:]
        for entitlement in result.entitlements where plannedUnits.contains(entitlement.unit) {
            let times = timesAYear(entitlement.per)
            // A range plans its lower end and allocates its upper end ("a minimum of 14 hours a
            // term", "3-6 meetings", "up to 3 additional days"): more can be agreed up to it.
            if let ceiling = entitlement.amount ?? entitlement.max ?? entitlement.min {
                allocation[entitlement.unit, default: 0] += ceiling * Double(times)
            }
            guard let amount = entitlement.amount ?? entitlement.min, amount > 0 else { continue }
            items += spread(entitlement, amount: amount, category: category)
        }
        return YearPlan(category: category, items: items, allocation: allocation, cite: nil)
    }

    private static func timesAYear(_ per: String) -> Int {
        switch per {
        case "term": return 3
        case "half_term": return 6
        default: return 1
        }
    }

    /// An entitlement's activities in the parts of the year. "A term" and "a half term" give
    /// one activity each; a whole number of visits or meetings a year goes one by one into the
    /// terms (half terms when half-termly), earliest first; days and hours a year are one pool.
    private static func spread(_ entitlement: EntitlementItem, amount: Double, category: String) -> [PlanItem] {
        let name = activityName(entitlement)
        func item(_ term: PlanTerm, _ amount: Double) -> PlanItem {
            PlanItem(term: term, activity: name, amount: amount, unit: entitlement.unit, kind: entitlement.kind, category: category,
                     cite: entitlement.cite)
        }
        switch entitlement.per {
        case "term": return PlanTerm.terms.map { item($0, amount) }
        case "half_term": return PlanTerm.halfTerms.map { item($0, amount) }
        default: break
        }
        let whole = amount.rounded() == amount && amount <= 60
        guard countedUnits.contains(entitlement.unit) || entitlement.frequency == "termly" || entitlement.frequency == "half_termly",
              whole else {
            return [item(entitlement.per == "once" ? .autumn : .year, amount)]
        }
        let slots = entitlement.frequency == "half_termly" ? PlanTerm.halfTerms : PlanTerm.terms
        let count = Int(amount)
        var inSlot = [Int](repeating: 0, count: slots.count)
        for index in 0..<count { inSlot[index * slots.count / count] += 1 }
        return zip(slots, inSlot).compactMap { term, number in number > 0 ? item(term, Double(number)) : nil }
    }

    /// "School improvement partner (SIP) visits" from the entitlement's wording, or its kind.
    private static func activityName(_ entitlement: EntitlementItem) -> String {
        let text = entitlement.text ?? entitlement.kind.replacing("_", with: " ")
        guard let first = text.first else { return entitlement.kind }
        return first.uppercased() + text.dropFirst()
    }
}
