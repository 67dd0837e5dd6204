/// A loaded, validated framework: one authority's categorisation rules as data.
public struct Framework: Sendable {
    public var id: String
    public var name: String
    public var authority: String
    public var source: String
    public var phases: [Phase]
    public var note: String?
    public var parameters: [Parameter]
    public var inspectionReading: InspectionReading
    public var categories: [Category]
    public var designations: [Category]
    public var flags: FlagSpec?
    public var derived: [DerivedRule]
    public var tables: [DecisionTable]
    public var constraints: [Constraint]
    public var indicator: String?
    public var entitlements: [EntitlementRule]
    public var plans: [PlanSpec]
    public var funding: [FundingRule]
    public var examples: [WorkedExample]
    /// Names of custom table outputs and derived rules, in slot order (`FactRef.derived`).
    public var derivedSlots: [String]
    /// The file it was read from, for messages.
    public var file: String

    public func category(_ code: String) -> Category? { categories.first { $0.code == code } }
    public func designation(_ code: String) -> Category? { designations.first { $0.code == code } }
    public func parameterIndex(_ id: String) -> Int? { parameters.firstIndex { $0.id == id } }
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
}

public struct FlagItem: Sendable {
    public var id: String
    public var measure: MeasureID
    public var when: Expression
    public var whenText: String
    public var group: Int
    public var citation: Citation
}

public struct DerivedRule: Sendable {
    public var id: String
    public var slot: Int
    public var when: Expression
    public var whenText: String
    public var citation: Citation
}

public struct DecisionTable: Sendable {
    public enum Output: Sendable, Equatable { case category, designation, derived(slot: Int, name: String) }
    public var id: String
    public var output: Output
    public var rows: [DecisionRow]
    public var otherwise: Outcome?
    public var note: String?
}

public struct Outcome: Sendable {
    public var value: String
    public var citation: Citation
}

public struct DecisionRow: Sendable {
    public var id: String
    public var when: Expression
    public var whenText: String
    public var then: String
    public var judgement: Judgement?
    public var citation: Citation
    public var line: Int?
}

public struct Judgement: Sendable {
    public var alternatives: [String]
    public var why: String
}

public struct Constraint: Sendable {
    public var id: String
    public var categories: [String]
    public var require: Expression
    public var requireText: String
    public var citation: Citation
}

public struct EntitlementRule: Sendable {
    public var category: String
    public var condition: Expression?
    public var conditionText: String?
    public var items: [EntitlementItem]
}

public struct EntitlementItem: Sendable, Codable {
    public var kind: String
    public var amount: Double?
    public var min: Double?
    public var max: Double?
    public var unit: String
    public var per: String
    public var frequency: String?
    public var text: String?
    public var cite: String?
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
}

public struct FundingRule: Sendable {
    public enum Kind: String, Sendable { case perPupilByCategory = "per_pupil_by_category", triggeredPerPupil = "triggered_per_pupil" }
    public var id: String
    public var kind: Kind
    public var rateParameter: Int
    public var weights: [String: Double]
    /// Optional further weighting by data designation (Coventry: "The A to D data designation will have an impact on network funding allocation").
    public var designationWeights: [String: Double]
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
