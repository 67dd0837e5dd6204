/// A fact a rule can read, resolved from its dotted path (framework-format.md, "Facts").
public enum FactRef: Sendable, Hashable {
    case establishment(EstablishmentFact)
    case ofsted(OfstedFact, previous: Bool)
    /// An inspection further back: `ofsted.earlier.2.<fact>` is the one before the previous.
    case ofstedEarlier(OfstedFact, back: Int)
    case reportCard(ReportCardArea)
    case local(LocalFact)
    case localOther(String)
    /// A fact the framework declares (`facts:`), by its position there.
    case declared(Int, DeclaredFact.Kind)
    /// Whole months from a declared date to the date of the run.
    case declaredMonthsSince(Int)
    /// A measure the framework declares (`measures:`), by its position there.
    case declaredMeasure(Int, MeasureField)
    case measure(MeasureID, MeasureField)
    /// Inside a flag's `when`: a field of the measure record being flagged.
    case measureField(MeasureField)
    case flag(Int)
    case trend(Int)
    case trendCount
    case singleYearCount
    case derived(Int)
    case designation
    case category
    case parameter(Int)
}

public enum EstablishmentFact: String, Sendable, CaseIterable {
    case urn, kind, maintained, academy, special, earlyYearsSetting = "early_years_setting", setting, phase
    case pupils, network, monthsOpen = "months_open", providesForTwoYearOlds = "provides_for_two_year_olds"
    case headteacherMonthsInPost = "headteacher_months_in_post", newHeadteacher = "new_headteacher"
    case firstHeadship = "first_headship"
    /// GIAS's religious character ("Church of England", "Does not apply", …) and diocese.
    case religiousCharacter = "religious_character", diocese
    /// A school of a Christian church (docs/evidence-format.md, "Church schools").
    case churchSchool = "church_school"
}

public enum OfstedFact: String, Sendable, CaseIterable {
    case inspected, framework, monthsSince = "months_since", overall, leadership
    case qualityOfEducation = "quality_of_education", behaviourAndAttitudes = "behaviour_and_attitudes"
    case personalDevelopment = "personal_development", earlyYears = "early_years", sixthForm = "sixth_form"
    case goodOrBetter = "good_or_better", satisfactory, requiresImprovement = "requires_improvement"
    case categoryOfConcern = "category_of_concern", safeguarding
    case earlyYearsRequirements = "early_years_requirements"
    /// The inspection was of an establishment this one replaced (an academy's predecessor).
    case ofPredecessor = "of_predecessor"
}

public enum LocalFact: String, Sendable, CaseIterable {
    case trend, risk, view, sefValidatedGrade = "sef_validated_grade", governanceRag = "governance_rag"
    case vulnerability, safeguardingConcern = "safeguarding_concern", previousCategory = "previous_category"
    case improvementTrajectory = "improvement_trajectory", selfIdentified = "self_identified", optedOut = "opted_out"
    case capacityToImprove = "capacity_to_improve", areaAtRisk = "area_at_risk", specificAspects = "specific_aspects"
    case widerAspects = "wider_aspects", leadershipChange = "leadership_change"
}

public enum MeasureField: String, Sendable, CaseIterable {
    case value, national, lower, upper, quintile, gap, year
    case bottomQuintile = "bottom_quintile", significantlyNegative = "significantly_negative"
}

/// What values a fact can take: used to reject a misspelt word or a comparison of
/// a number with text when a framework is loaded.
public enum FactDomain: Sendable, Equatable {
    case number
    case bool
    /// Text from a closed list, or any text when `nil`.
    case text(Set<String>?)
}
