/// The Ofsted framework an inspection was made under; it decides which fields it has.
public enum InspectionFramework: String, Sendable, CaseIterable {
    /// Graded inspections up to August 2024, with an overall effectiveness grade.
    case graded
    /// September 2024 to 9 November 2025: key judgements, no overall grade.
    case ungraded2024 = "ungraded_2024"
    /// The renewed framework from 10 November 2025: report cards on a five-point scale.
    case reportCard2025 = "report_card_2025"
    /// An early-years register inspection of a PVI setting or childminder.
    case earlyYears = "early_years"
    /// An ungraded inspection of a good or outstanding school (section 8; "short inspection"
    /// before 2019): it gives an outcome, not a grade, and the school's grade stands.
    case ungradedInspection = "ungraded_inspection"
}

/// What an ungraded inspection found. The school keeps its grade whatever the outcome; the
/// outcome says whether its next inspection is expected to find it better or worse.
public enum UngradedOutcome: String, Sendable, CaseIterable {
    /// "School remains Good", "School remains Outstanding", "Standards maintained".
    case maintained
    /// "School remains Good (Improving) - S5 Next", "Improved significantly".
    case improving
    /// "School remains … (Concerns) - S5 Next", "Some aspects not as strong".
    case concerns
}

public enum CategoryOfConcern: String, Sendable, CaseIterable {
    case none, seriousWeaknesses = "serious_weaknesses", specialMeasures = "special_measures"
    case requiresSignificantImprovement = "requires_significant_improvement"
}

public enum MetOrNotMet: String, Sendable, CaseIterable {
    case met, notMet = "not_met"
}

/// The renewed framework's evaluation areas (November 2025).
public enum ReportCardArea: String, Sendable, CaseIterable {
    case inclusion, curriculumAndTeaching = "curriculum_and_teaching", achievement
    case attendanceAndBehaviour = "attendance_and_behaviour"
    case personalDevelopmentAndWellbeing = "personal_development_and_wellbeing"
    case earlyYears = "early_years", sixthForm = "sixth_form"
    case leadershipAndGovernance = "leadership_and_governance"

    /// The camel-case key used in evidence files.
    public var evidenceKey: String {
        let parts = rawValue.split(separator: "_")
        return parts.first.map(String.init)! + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// The five-point scale of a report card, 1 best to 5 worst.
public enum ReportCardGrade: Int, Sendable, CaseIterable {
    case exceptional = 1, strongStandard, expectedStandard, needsAttention, urgentImprovement

    public var name: String {
        switch self {
        case .exceptional: return "exceptional"
        case .strongStandard: return "strong_standard"
        case .expectedStandard: return "expected_standard"
        case .needsAttention: return "needs_attention"
        case .urgentImprovement: return "urgent_improvement"
        }
    }
}

/// Key judgements on the 4-point scale, shared by graded and 2024 ungraded inspections.
public enum KeyJudgement: String, Sendable, CaseIterable {
    case leadershipAndManagement = "leadership_and_management"
    case qualityOfEducation = "quality_of_education"
    case behaviourAndAttitudes = "behaviour_and_attitudes"
    case personalDevelopment = "personal_development"
    case earlyYears = "early_years"
    case sixthForm = "sixth_form"
}

public struct Inspection: Sendable {
    public var date: Day
    public var framework: InspectionFramework
    public var type: String?
    /// 1 outstanding … 4 inadequate; nil where the framework gives none.
    public var overallEffectiveness: Int?
    public var keyJudgements: [KeyJudgement: Int]
    public var reportCard: [ReportCardArea: ReportCardGrade]
    public var safeguarding: MetOrNotMet?
    public var categoryOfConcern: CategoryOfConcern
    public var earlyYearsRequirements: MetOrNotMet?
    /// An ungraded inspection's outcome, and Ofsted's words for it.
    public var outcome: UngradedOutcome?
    public var outcomeText: String?
    /// A report card's areas graded on a later date than the inspection began (at a
    /// monitoring inspection, say); an area absent here was graded on `date`.
    public var areaDates: [ReportCardArea: Day]
    /// The URN the inspection was of, where it was not this establishment's own: the school
    /// it replaced (an academy's predecessor, say).
    public var urnAtInspection: String?

    /// Whether the inspection was of another establishment: Ofsted reports a converter's
    /// predecessor's inspection as its own until it is inspected itself.
    public var isOfPredecessor: Bool { urnAtInspection != nil }

    public init(date: Day, framework: InspectionFramework) {
        self.date = date
        self.framework = framework
        self.keyJudgements = [:]
        self.reportCard = [:]
        self.categoryOfConcern = .none
        self.areaDates = [:]
    }

    /// Ofsted's September 2012 framework renamed grade 3 "requires improvement";
    /// before it, grade 3 was "satisfactory" (Warwickshire 2013, 5.5).
    public static let requiresImprovementFrom = Day(year: 2012, month: 9, day: 1)!

    public var isSatisfactoryEra: Bool { date < Self.requiresImprovementFrom }
}
