/// The words a headteacher reads for each fact Sift knows: what it is, and for a true/false
/// fact, the statement it makes and its negation (framework-format.md, "Facts").
enum FactLabels {
    /// A true/false fact as a statement, then its negation.
    static let statements: [String: (String, String)] = [
        "establishment.maintained": ("the school is maintained by the local authority", "the school is not maintained by the local authority"),
        "establishment.academy": ("the school is an academy", "the school is not an academy"),
        "establishment.special": ("the school is a special school", "the school is not a special school"),
        "establishment.early_years_setting": ("it is an early-years setting", "it is not an early-years setting"),
        "establishment.provides_for_two_year_olds": ("it provides for two-year-olds", "it does not provide for two-year-olds"),
        "establishment.new_headteacher": ("the headteacher is new in post", "the headteacher is not new in post"),
        "establishment.first_headship": ("it is the headteacher's first headship", "it is not the headteacher's first headship"),
        "establishment.church_school": ("it is a church school", "it is not a church school"),
        "ofsted.inspected": ("it has been inspected by Ofsted", "it has not been inspected by Ofsted"),
        "ofsted.good_or_better": ("Ofsted judged it good or better", "Ofsted did not judge it good or better"),
        "ofsted.satisfactory": ("Ofsted judged it satisfactory", "Ofsted did not judge it satisfactory"),
        "ofsted.requires_improvement": ("Ofsted judged it as requiring improvement", "Ofsted did not judge it as requiring improvement"),
        "la.safeguarding_concern": ("the authority has a safeguarding concern", "the authority has no safeguarding concern"),
        "la.improvement_trajectory": ("it has a proven improvement trajectory", "it has no proven improvement trajectory"),
        "la.self_identified": ("the school asked for additional support", "the school did not ask for additional support"),
        "la.opted_out": ("the school opted out of support", "the school did not opt out of support"),
        "la.area_at_risk": ("an Ofsted area judgement is at risk of being less than good", "no Ofsted area judgement is at risk"),
        "la.wider_aspects": ("there are aspects of concern beyond the quality of education", "there are no wider aspects of concern"),
        "la.leadership_change": ("there has been a significant change in senior leadership", "there has been no significant change in senior leadership"),
    ]

    /// What a fact that has a value is called.
    static let names: [String: String] = [
        "establishment.kind": "the kind of establishment", "establishment.setting": "the kind of setting",
        "establishment.phase": "the phase", "establishment.pupils": "the number of pupils",
        "establishment.network": "the network", "establishment.months_open": "the months since it opened",
        "establishment.headteacher_months_in_post": "the headteacher's months in post",
        "establishment.religious_character": "the religious character", "establishment.diocese": "the diocese",
        "ofsted.framework": "the kind of the latest inspection", "ofsted.months_since": "the months since the latest inspection",
        "ofsted.overall": "Ofsted's overall judgement", "ofsted.leadership": "Ofsted's judgement of leadership and management",
        "ofsted.quality_of_education": "Ofsted's judgement of the quality of education",
        "ofsted.behaviour_and_attitudes": "Ofsted's judgement of behaviour and attitudes",
        "ofsted.personal_development": "Ofsted's judgement of personal development",
        "ofsted.early_years": "Ofsted's judgement of the early years", "ofsted.sixth_form": "Ofsted's judgement of the sixth form",
        "ofsted.category_of_concern": "Ofsted's category of concern", "ofsted.safeguarding": "safeguarding",
        "ofsted.early_years_requirements": "the early years requirements",
        "ofsted.of_predecessor": "whether the latest inspection was of the school it replaced",
        "la.trend": "the trend in the school's results", "la.risk": "the authority's view of the risk at the next inspection",
        "la.view": "the authority's view of the school's effectiveness", "la.sef_validated_grade": "the validated self-evaluation grade",
        "la.governance_rag": "the authority's rating of governance", "la.capacity_to_improve": "the school's capacity to improve",
        "la.previous_category": "last year's category", "la.vulnerability": "a specific vulnerability",
        "la.specific_aspects": "the number of specific aspects needing support",
        "flags.trend_count": "the number of measures below the expected level two years running",
        "flags.single_year_count": "the number of areas below the expected level in the latest year",
        "category": "the category", "designation": "the data designation",
    ]

    /// Facts graded 1 (best) to 4 (worst), and the words for each grade.
    static let grades = ["outstanding", "good", "requires improvement", "inadequate"]
    static func isGrade(_ path: String) -> Bool {
        guard path.hasPrefix("ofsted.") else { return false }
        return ["overall", "leadership", "quality_of_education", "behaviour_and_attitudes", "personal_development", "early_years", "sixth_form"]
            .contains { path.hasSuffix("." + $0) }
    }

    static let measureFields: [String: String] = [
        "value": "", "national": " nationally", "lower": " (lower limit of its interval)", "upper": " (upper limit of its interval)",
        "quintile": ": its national quintile (1 top, 5 bottom)", "gap": ": how far it is behind the national figure", "year": ": the year of its figures",
        "bottom_quintile": " is in the bottom fifth nationally", "significantly_negative": " is significantly below average",
    ]
}
