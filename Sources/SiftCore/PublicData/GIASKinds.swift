/// How GIAS's types and phases read as the kinds and phases the frameworks use. Matched on
/// the `(name)` text, which every layout since 2017 carries, in lower case.
enum GIASKinds {
    static let kinds: [String: EstablishmentKind] = [
        "community school": .community,
        "voluntary aided school": .voluntaryAided,
        "voluntary controlled school": .voluntaryControlled,
        "foundation school": .foundation,
        "community special school": .communitySpecial,
        "foundation special school": .foundationSpecial,
        "la nursery school": .maintainedNursery,
        "local authority nursery school": .maintainedNursery,
        "pupil referral unit": .pupilReferralUnit,
        "academy converter": .academyConverter,
        "academy sponsor led": .academySponsorLed,
        "academy 16-19 converter": .academyConverter,
        "academy 16 to 19 sponsor led": .academySponsorLed,
        "academy special converter": .academySpecial,
        "academy special sponsor led": .academySpecial,
        "academy alternative provision converter": .academyAlternativeProvision,
        "academy alternative provision sponsor led": .academyAlternativeProvision,
        "free schools": .freeSchool,
        "free school": .freeSchool,
        "free schools 16 to 19": .freeSchool,
        "free schools special": .freeSchoolSpecial,
        "free schools alternative provision": .academyAlternativeProvision,
        "university technical college": .universityTechnicalCollege,
        "studio schools": .studioSchool,
    ]

    static let phases: [String: Phase] = [
        "nursery": .nursery,
        "primary": .primary,
        "middle deemed primary": .middle,
        "middle deemed secondary": .middle,
        "secondary": .secondary,
        "all-through": .allThrough,
        "all through": .allThrough,
        "16 plus": .sixteenPlus,
        "not applicable": .notApplicable,
    ]

    /// `OfstedRating (name)`: the overall effectiveness grade and any category of concern.
    static let ratings: [String: (grade: Int, concern: CategoryOfConcern)] = [
        "outstanding": (1, .none),
        "good": (2, .none),
        "requires improvement": (3, .none),
        "satisfactory": (3, .none),
        "inadequate": (4, .none),
        "serious weaknesses": (4, .seriousWeaknesses),
        "special measures": (4, .specialMeasures),
    ]
}
