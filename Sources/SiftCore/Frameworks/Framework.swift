/// A loaded, validated framework: one authority's categorisation rules as data.
public final class Framework: Sendable {
    public func category(_ code: String) -> Category? { categories.first { $0.code == code } }
    public func designation(_ code: String) -> Category? { designations.first { $0.code == code } }
    public func parameterIndex(_ id: String) -> Int? { parameters.firstIndex { $0.id == id } }
    public let id: String
    public let name: String
    public let authority: String
    public let source: String
    /// The phases the framework covers; empty where it covers every phase.
    public let phases: [Phase]
    /// The kinds of establishment it covers; empty where it covers every kind.
    public let kinds: Set<EstablishmentKind>
    /// How it groups establishments (networks, consortia), if it says.
    public let grouping: Grouping
    public let note: String?
    public let parameters: [Parameter]
    /// The facts and measures it declares for itself (`facts:`, `measures:`).
    public let facts: [DeclaredFact]
    public let measures: [DeclaredMeasure]
    public let inspectionReading: InspectionReading
    /// Whether it says how it reads Ofsted's inspections (`inspection_reading`).
    public let readsInspections: Bool
    /// How `la.trend` is worked out from results when no officer has recorded it.
    public let dataTrend: DataTrendRule?
    public let categories: [Category]
    public let designations: [Category]
    public let flags: FlagSpec?
    public let derived: [DerivedRule]
    public let tables: [DecisionTable]
    public let constraints: [Constraint]
    public let indicator: String?
    public let entitlements: [EntitlementRule]
    public let plans: [PlanSpec]
    public let funding: [FundingRule]
    /// How a year's funding follows a change of category during it (`funding_proration`).
    public let fundingProration: FundingProration
    public let examples: [WorkedExample]
    /// Names of custom table outputs and derived rules, in slot order (`FactRef.derived`).
    public let derivedSlots: [String]
    /// The file it was read from, for messages.
    public let file: String

    public init(id: String, name: String, authority: String, source: String, phases: [Phase], note: String?, parameters: [Parameter], inspectionReading: InspectionReading, categories: [Category], designations: [Category], flags: FlagSpec?, derived: [DerivedRule], tables: [DecisionTable], constraints: [Constraint], indicator: String?, entitlements: [EntitlementRule], plans: [PlanSpec], funding: [FundingRule], examples: [WorkedExample], derivedSlots: [String], file: String, fundingProration: FundingProration = .days, facts: [DeclaredFact] = [], measures: [DeclaredMeasure] = [], readsInspections: Bool = true, dataTrend: DataTrendRule? = nil, kinds: Set<EstablishmentKind> = [], grouping: Grouping = .unstated) {
        self.kinds = kinds
        self.grouping = grouping
        self.dataTrend = dataTrend
        self.readsInspections = readsInspections
        self.facts = facts
        self.measures = measures
        self.id = id
        self.name = name
        self.authority = authority
        self.source = source
        self.phases = phases
        self.note = note
        self.parameters = parameters
        self.inspectionReading = inspectionReading
        self.categories = categories
        self.designations = designations
        self.flags = flags
        self.derived = derived
        self.tables = tables
        self.constraints = constraints
        self.indicator = indicator
        self.entitlements = entitlements
        self.plans = plans
        self.funding = funding
        self.fundingProration = fundingProration
        self.examples = examples
        self.derivedSlots = derivedSlots
        self.file = file
    }
}

public struct Parameter: Sendable {
    public var id: String
    public var value: Double?
    public var unit: String?
    public var description: String?
}

public struct Category: Sendable {
    public var code: String
    public var name: String
    public var description: String?
    public var severity: Int
}

public struct Citation: Sendable {
    public var cite: String?
    public var note: String?
}

public struct FlagSpec: Sendable {
    public enum TrendYears: String, Sendable { case consecutivePublished = "consecutive_published", consecutiveCalendar = "consecutive_calendar" }
    public var trendYears: TrendYears
    public var items: [FlagItem]
    /// Group names in order; `FlagItem.group` indexes into it.
    public var groups: [String]
    /// For each group, the positions of its items.
    public var groupMembers: [[Int]] {
        groups.indices.map { group in items.indices.filter { items[$0].group == group } }
    }
}

public final class FlagItem: Sendable {
    public let id: String
    public let measure: MeasureID
    public let when: Expression
    public let whenText: String
    public let group: Int
    public let citation: Citation

    public init(id: String, measure: MeasureID, when: Expression, whenText: String, group: Int, citation: Citation) {
        self.id = id
        self.measure = measure
        self.when = when
        self.whenText = whenText
        self.group = group
        self.citation = citation
    }
}

public final class DerivedRule: Sendable {
    public let id: String
    public let slot: Int
    public let when: Expression
    public let whenText: String
    public let citation: Citation
    /// A number worked out (`value:`) rather than a condition (`when:`).
    public let isNumber: Bool

    public init(id: String, slot: Int, when: Expression, whenText: String, citation: Citation, isNumber: Bool = false) {
        self.isNumber = isNumber
        self.id = id
        self.slot = slot
        self.when = when
        self.whenText = whenText
        self.citation = citation
    }
}

public struct DecisionTable: Sendable {
    public enum Output: Sendable, Equatable { case category, designation, derived(slot: Int, name: String) }
    public var id: String
    public var output: Output
    public var rows: [DecisionRow]
    public var otherwise: Outcome?
    public var note: String?
    /// Set when the table is written as a grid (`matrix:`); its rows are then one per cell.
    public var matrix: MatrixLayout? = nil
}

public struct GridCell: Sendable, Equatable {
    public var row: String
    public var column: String
}

/// A decision table written as a grid: the value of one fact picks the row, another the
/// column, and the cell is the outcome (framework-format.md, "Lookup tables").
public struct MatrixLayout: Sendable {
    public var rowFact: String
    public var columnFact: String
    public var rowValues: [String]
    public var columnValues: [String]
    /// `cells[row][column]`.
    public var cells: [[String]]
    /// Every value each fact can take has its row or column: some cell always applies once
    /// the facts are known.
    public var complete = false
}

public struct Outcome: Sendable {
    public var value: String
    public var citation: Citation
}

public struct FactUse: Sendable {
    public let path: String
    public let ref: FactRef
}

public final class DecisionRow: Sendable {
    /// The facts its condition reads, shown with a decision.
    public let facts: [FactUse]
    public let id: String
    public let when: Expression
    public let whenText: String
    public let then: String
    public let judgement: Judgement?
    public let citation: Citation
    public let line: Int?
    /// For a cell of a grid: its row's and column's values.
    public let gridCell: GridCell?

    public init(id: String, when: Expression, whenText: String, then: String, judgement: Judgement?, citation: Citation, line: Int?,
                gridCell: GridCell? = nil) {
        self.gridCell = gridCell
        self.facts = when.facts.map { FactUse(path: $0.path, ref: $0.ref) }
        self.id = id
        self.when = when
        self.whenText = whenText
        self.then = then
        self.judgement = judgement
        self.citation = citation
        self.line = line
    }
}

public struct Judgement: Sendable {
    public var alternatives: [String]
    public var why: String
}

public final class Constraint: Sendable {
    public let id: String
    public let categories: [String]
    public let require: Expression
    public let requireText: String
    public let citation: Citation
    /// The roles that may decide a category the constraint refuses, as an exception the
    /// decision records (`exception_by:`); empty where the seed allows none.
    public let exceptionBy: [String]

    public init(id: String, categories: [String], require: Expression, requireText: String, citation: Citation, exceptionBy: [String] = []) {
        self.id = id
        self.categories = categories
        self.require = require
        self.requireText = requireText
        self.citation = citation
        self.exceptionBy = exceptionBy
    }
}

public struct EntitlementRule: Sendable {
    public var note: String?
    public var category: String
    public var condition: Expression?
    public var conditionText: String?
    public var items: [EntitlementItem]
}

/// One thing a category brings. A reference type: every result of a run shares the
/// framework's items rather than copying their text.
public final class EntitlementItem: Sendable {
    public let kind: String
    public let amount: Double?
    public let min: Double?
    public let max: Double?
    public let unit: String
    public let per: String
    public let frequency: String?
    public let text: String?
    public let cite: String?
    public let note: String?
    /// Given only where this holds (Warwickshire's "If church school, liaise with Diocese").
    public let condition: Expression?
    public let conditionText: String?
    /// A meeting that ends with a risk assessment against a good Ofsted judgement (high,
    /// medium or low): only where the framework asks for one (Wolverhampton's TAS, Annex 4).
    public let riskAssessment: Bool

    /// How many of it a year: the amount, or a range's lower end, by how often it recurs.
    public var perYear: Double? {
        guard let count = amount ?? min else { return nil }
        switch per {
        case "term": return count * 3
        case "half_term": return count * 6
        default: return count
        }
    }

    public init(kind: String, amount: Double?, min: Double?, max: Double?, unit: String, per: String,
                frequency: String?, text: String?, cite: String?, note: String?,
                condition: Expression? = nil, conditionText: String? = nil, riskAssessment: Bool = false) {
        self.kind = kind
        self.amount = amount
        self.min = min
        self.max = max
        self.unit = unit
        self.per = per
        self.frequency = frequency
        self.text = text
        self.cite = cite
        self.note = note
        self.condition = condition
        self.conditionText = conditionText
        self.riskAssessment = riskAssessment
    }
}

public struct PlanSpec: Sendable {
    public var category: String
    public var condition: Expression?
    public var conditionText: String?
    public var allocation: Double
    public var unit: String
    public var activities: [PlannedActivity]
    public var citation: Citation
}

public struct PlannedActivity: Sendable, Codable {
    public var term: String
    public var activity: String
    public var amount: Double
    public var kind: String?
    /// Set where the activity is counted in another unit than its plan's (Hackney's adviser
    /// hours beside its visits); such an activity is not part of the plan's allocation.
    public var unit: String?

    public init(term: String, activity: String, amount: Double, kind: String?, unit: String? = nil) {
        self.term = term
        self.activity = activity
        self.amount = amount
        self.kind = kind
        self.unit = unit
    }
}

extension PlanSpec {
    /// What the activities counted in the plan's own unit add up to.
    public var total: Double {
        activities.reduce(0) { $0 + (($1.unit ?? unit) == unit ? $1.amount : 0) }
    }
}

/// A funding weight: a number written in the file, or a parameter the authority sets.
public enum Weight: Sendable, Equatable {
    case number(Double)
    case parameter(Int)
}

public struct FundingRule: Sendable {
    public enum Kind: String, Sendable { case perPupilByCategory = "per_pupil_by_category", triggeredPerPupil = "triggered_per_pupil" }
    public var id: String
    public var kind: Kind
    public var rateParameter: Int
    public var weights: [String: Weight]
    /// Optional further weighting by data designation (Coventry: "The A to D data designation will have an impact on network funding allocation").
    public var designationWeights: [String: Weight]
    public var triggers: Set<String>
    public var citation: Citation
}

public struct WorkedExample: Sendable {
    public var id: String
    public var description: String?
    public var year: Int?
    public var runDate: Day?
    public var evidence: Tree
    public var expect: Tree
    public var parameters: [String: Double]
    public var line: Int?
}

/// How a framework reads inspections without an overall grade (framework-format.md).
public struct InspectionReading: Sendable {
    public enum UngradedOverall: String, Sendable, CaseIterable {
        case worstKeyJudgement = "worst_key_judgement", qualityOfEducation = "quality_of_education"
        case previousGraded = "previous_graded", none
    }
    public enum ReportCardOverall: String, Sendable, CaseIterable {
        case worstArea = "worst_area", leadershipAndGovernance = "leadership_and_governance"
        case previousGraded = "previous_graded", none
    }
    public var ungradedOverall: UngradedOverall
    public var ungradedNote: String?
    public var reportCardOverall: ReportCardOverall
    /// Which area gives `ofsted.leadership` for a report card; nil leaves it missing.
    public var reportCardLeadership: ReportCardArea?
    /// Five-point grade → 4-point reading, indexed by `ReportCardGrade.rawValue - 1`.
    public var scale: [Int]
    public var safeguardingNotMet: Int?
    public var reportCardNote: String?
}
