/// Two frameworks run over the same evidence, with nothing saved: which establishments a
/// change to the framework would move, and the reasons under each. `sift frameworks diff`
/// reports it.
public struct FrameworkComparison: Sendable {
    public let old: Framework
    public let new: Framework
    public let runDate: Day
    public let dataYear: Int?
    public let overrides: [String: Double]
    /// How many establishments were categorised under both.
    public let compared: Int
    /// Establishments whose category, designation or status differs, in evidence order.
    public let changes: [Change]
    /// Every establishment counted once, by its old and new category, unchanged ones included.
    public let moves: [Move]

    public var changed: Int { changes.count }
    public var unchanged: Int { compared - changes.count }
    /// Changes where the category (or whether there is one) moved, not only the designation.
    public var categoryChanged: Int { changes.count(where: \.categoryChanged) }

    /// - Parameter overrides: parameter values by id, each applied to whichever of the two
    ///   frameworks has that parameter, so a parameter added or dropped by the new framework
    ///   can still be set for the run.
    public init(old: Framework, new: Framework, establishments: [Establishment], runDate: Day, dataYear: Int? = nil,
                overrides: [String: Double] = [:]) {
        self.old = old
        self.new = new
        self.runDate = runDate
        self.dataYear = dataYear
        self.overrides = overrides
        // The engine itself ignores overrides naming parameters its framework lacks.
        let before = DecisionEngine(framework: old, overrides: overrides).categoriseAll(establishments, runDate: runDate, dataYear: dataYear)
        let after = DecisionEngine(framework: new, overrides: overrides).categoriseAll(establishments, runDate: runDate, dataYear: dataYear)
        var counts: [Move.Key: Int] = [:]
        var changes: [Change] = []
        for (was, now) in zip(before, after) {
            counts[Move.Key(from: was.category?.code, to: now.category?.code), default: 0] += 1
            if let change = Change(old: was, new: now) { changes.append(change) }
        }
        self.compared = establishments.count
        self.changes = changes
        self.moves = Move.ordered(counts, old: old, new: new)
    }
}

extension FrameworkComparison {
    /// One establishment whose outcome differs, with both results whole so each side's
    /// reasons, facts and citations can be shown.
    public struct Change: Sendable {
        public let old: CategorisationResult
        public let new: CategorisationResult

        public var urn: String { old.urn }
        public var name: String { old.name }
        public var kind: String { old.kind }
        public var categoryChanged: Bool { old.category?.code != new.category?.code || old.status != new.status }
        public var designationChanged: Bool { old.designation?.code != new.designation?.code }

        /// Nil when the two results agree on status, category and designation.
        init?(old: CategorisationResult, new: CategorisationResult) {
            self.old = old
            self.new = new
            if !categoryChanged && !designationChanged { return nil }
        }
    }
}
