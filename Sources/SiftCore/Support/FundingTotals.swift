/// A year's funding added up per network or consortium and for the whole authority. Warwickshire's
/// Appendix F works the consortium's sum as "Number of schools in consortium that trigger
/// funding … Multiplied by 'x' amount per number of pupils in the school"; Coventry allocates
/// "network funding" per pupil by category.
public struct FundingTotals: Sendable {
    /// One per network, by name, then the establishments with no network, if any.
    public var networks: [FundingTotal]
    public var authority: FundingTotal

    public init(_ establishments: [EstablishmentFunding]) {
        let byNetwork = Dictionary(grouping: establishments, by: \.network)
        let named = byNetwork.keys.compactMap { $0 }.sorted()
        networks = named.map { FundingTotal(.network($0), byNetwork[$0] ?? []) }
        if let unplaced = byNetwork[String?.none] { networks.append(FundingTotal(.noNetwork, unplaced)) }
        authority = FundingTotal(.authority, establishments)
    }
}

public enum FundingScope: Sendable, Hashable {
    case network(String), noNetwork, authority
}

/// The funding of a group of establishments for one year.
public struct FundingTotal: Sendable {
    public var scope: FundingScope
    public var establishments: Int
    /// Pupils on roll of the establishments that record them.
    public var pupils: Int
    public var withoutPupils: Int
    /// One per funding rule, in the framework's order.
    public var rules: [RuleTotal]

    /// The amounts worked out; those that could not be are in each rule's `notWorkedOut`.
    public var amount: Double { rules.reduce(0) { $0 + $1.amount } }
    /// True when every establishment's every rule was worked out, so `amount` is the whole sum.
    public var complete: Bool { rules.allSatisfy(\.notWorkedOut.isEmpty) }

    init(_ scope: FundingScope, _ group: [EstablishmentFunding]) {
        self.scope = scope
        // A school that moved network during the year has a part in each: counted once here.
        var seen = Set<String>()
        let distinct = group.filter { seen.insert($0.urn).inserted }
        establishments = distinct.count
        pupils = distinct.compactMap(\.pupils).reduce(0, +)
        withoutPupils = distinct.count(where: { $0.pupils == nil })
        rules = []
        for member in group {
            for line in member.funding.lines {
                if let index = rules.firstIndex(where: { $0.id == line.id }) {
                    rules[index].add(line, of: member)
                } else {
                    var total = RuleTotal(id: line.id, triggered: line.triggered.map { _ in 0 })
                    total.add(line, of: member)
                    rules.append(total)
                }
            }
        }
    }
}

/// One funding rule added over a group.
public struct RuleTotal: Sendable {
    public var id: String
    /// The sum of the amounts worked out; never includes one that was not.
    public var amount: Double = 0
    /// Establishments with a line for this rule.
    public var establishments: Int = 0
    /// For `triggered_per_pupil` rules, the establishments whose category triggers funding;
    /// nil for rules of other kinds.
    public var triggered: Int?
    /// Pupils of the establishments this rule funds, where their amount was worked out.
    public var pupils: Int = 0
    public var notWorkedOut: [NotWorkedOut] = []
    /// A school that moved network during the year brings a line for each part of it: it is
    /// one establishment, its pupils counted once.
    private var counted = Set<String>(), triggering = Set<String>(), pupilsCounted = Set<String>()

    init(id: String, triggered: Int?) {
        self.id = id
        self.triggered = triggered
    }

    mutating func add(_ line: FundingYearLine, of member: EstablishmentFunding) {
        if counted.insert(member.urn).inserted { establishments += 1 }
        if line.triggered == true, triggering.insert(member.urn).inserted { triggered = (triggered ?? 0) + 1 }
        guard let amount = line.amount else {
            notWorkedOut.append(NotWorkedOut(urn: member.urn, name: member.name, notes: line.notWorkedOut))
            return
        }
        self.amount += amount
        if line.triggered != false, pupilsCounted.insert(member.urn).inserted { pupils += line.pupils ?? 0 }
    }
}

/// An establishment whose amount for a rule could not be worked out, and why.
public struct NotWorkedOut: Sendable {
    public var urn: String
    public var name: String
    public var notes: [String]
}
