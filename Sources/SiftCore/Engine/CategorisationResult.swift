/// What Sift decided for one establishment and why. Its JSON form (`tree`, in
/// ResultTrees.swift) is the stable output of `sift categorise --format json` (docs/results-format.md).
public struct CategorisationResult: Sendable {
    /// `undetermined`: a fact the category turns on is not known, and the outcomes it could
    /// be differ; an officer decides (`undetermined` says which outcomes and facts).
    public enum Status: String, Sendable {
        case categorised, uncategorised, undetermined
        /// The framework does not cover the establishment's phase or kind: its rules are not run.
        case notCovered = "not_covered"
    }

    public var urn: String
    public var name: String
    public var kind: String
    public var framework: String
    public var status: Status
    public var category: Code?
    public var designation: Code?
    public var indicator: String?
    public var judgement: JudgementProposal?
    /// The deciding row of each table, in order.
    public var reasons: [Reason]
    /// Rows tried before the deciding one that could not be applied, and why.
    public var notApplied: [NotApplied]
    /// Rows that matched but a constraint passed over.
    public var passedOver: [PassedOver]
    /// Tables whose outcome unknown facts leave open, each with the outcomes still possible.
    public var undetermined: [Undetermined] = []
    /// Why the framework does not cover the establishment, where it does not (outside its
    /// phases or kinds, or closed by the day of the run).
    public var notCovered: String? = nil
    /// The day the establishment closed, where it has.
    public var closed: Day? = nil
    public var flags: [FlagOutcome]
    public var derived: [NamedValue]
    public var entitlements: [EntitlementItem]
    public var plan: PlanOutcome?
    public var funding: [FundingLine]
    public var dataYear: Int?
    public var runDate: Day
    /// The data trend worked out from results, with its figures, where the framework works
    /// one out; `overridden` when an officer's recorded trend stands instead.
    public var dataTrend: TrendReading? = nil

    /// True when a rule could not be applied because evidence was not recorded at all.
    public var hasGaps: Bool { notApplied.contains { $0.missingKind == Absence.Kind.notRecorded.rawValue } }

    /// The flags that could not be judged for want of a national figure, quintile or
    /// threshold: each measure and year once.
    public var nationalContextMissing: [(measure: MeasureID, year: Int)] {
        var seen = Set<String>()
        return flags.compactMap { flag in
            guard let year = flag.nationalMissingYear, seen.insert("\(flag.measure.rawValue)/\(year)").inserted else { return nil }
            return (flag.measure, year)
        }
    }
}

public struct Code: Sendable, Equatable {
    public var code: String
    public var name: String
}

public struct JudgementProposal: Sendable {
    public var table: String
    public var row: String
    public var proposed: String
    public var alternatives: [String]
    public var why: String
}

public struct Reason: Sendable {
    public var table: String
    public var row: String
    public var outcome: String
    public var condition: String?
    public var cite: String?
    public var note: String?
    public var facts: [NamedValue]
    /// What the sentence is worded from; kept as references, so a national run builds no
    /// sentences until one is shown.
    var source: ReasonSource? = nil

    /// Where the deciding rule is a cell of a grid: the grid, and the cell.
    public var grid: (layout: MatrixLayout, cell: GridCell)? {
        guard let source, let cell = source.row?.gridCell,
              let layout = source.framework.tables.first(where: { $0.id == table })?.matrix else { return nil }
        return (layout, cell)
    }

    /// What a fact is called, as the sentence says it.
    public func words(of path: String) -> String {
        guard let source else { return path }
        return PlainReason(framework: source.framework, values: [:]).subject(.fact(.designation, path: path))
    }

    /// The condition in words for a headteacher (`PlainReason`); the expression is `condition`.
    public var sentence: String {
        guard let source else { return condition ?? PlainReason.otherwise(nil) }
        return PlainReason.sentence(self, framework: source.framework, row: source.row, inspectionDate: source.inspectionDate)
    }
}

struct ReasonSource: Sendable {
    let framework: Framework
    let row: DecisionRow?
    let inspectionDate: Day?
}

public struct NamedValue: Sendable {
    public var name: String
    public var value: String
    public var missing: Bool
    /// The value itself, for wording it (`PlainReason`).
    public var raw: Value

    init(_ name: String, _ value: Value) {
        self.raw = value
        self.name = name
        self.value = value.description
        self.missing = value.isMissing
    }
}

public struct NotApplied: Sendable {
    public var table: String
    public var row: String
    public var fact: String
    public var why: String
    public var missingKind: String

    init(table: String, row: String, absence: Absence) {
        self.table = table
        self.row = row
        self.fact = absence.fact
        self.why = absence.reason
        self.missingKind = absence.kind.rawValue
    }
}

/// A table whose outcome is not decided: rows before the one that applied (or before its
/// `otherwise`) could not be evaluated, and had they held the outcome would differ.
public struct Undetermined: Sendable {
    public var table: String
    /// What the table sets: `category`, `designation`, or a derived value's name.
    public var sets: String
    /// Every outcome still possible, in the table's order; nil stands for no outcome at all.
    public var possible: [String?]
    /// The rows that could not be evaluated, and why.
    public var open: [NotApplied]
}

public struct PassedOver: Sendable {
    public var table: String
    public var row: String
    public var wouldBe: String
    public var constraint: String
    public var require: String
    public var cite: String?
}

/// A flag's outcome. `latest` and `trend` are true, false or null (could not be evaluated);
/// `status` says why a year raised no flag when its measure was not published or recorded.
public struct FlagOutcome: Sendable {
    public var id: String
    public var measure: MeasureID
    public var year: Int?
    public var latest: Bool?
    public var trend: Bool?
    public var status: String?
    /// Why the flag could not be judged (`latest` or `trend` null), in words.
    public var unjudged: String?
    /// The year whose national figure, quintile or threshold is missing, when that is why.
    public var nationalMissingYear: Int?

    public var note: String? {
        guard let status else { return nil }
        return "\(measure.rawValue) \(status.replacing("_", with: " "))\(year.map { " for \($0)" } ?? ""): no flag"
    }
}


public struct PlanOutcome: Sendable {
    public var allocation: Double
    public var unit: String
    public var total: Double
    public var activities: [PlannedActivity]
    public var cite: String?
}

public struct FundingLine: Sendable {
    public var id: String
    public var amount: Double?
    public var pupils: Int?
    public var rate: Double?
    public var weight: Double?
    public var triggered: Bool?
    public var note: String?
    public var cite: String?
}
