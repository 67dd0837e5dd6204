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
        // A city technology college is funded by the DfE as an academy is, and run by a
        // trust under a funding agreement like a sponsored academy's.
        "city technology college": .academySponsorLed,
    ]

    /// Why each GIAS type no framework covers is left out of an import, in a sentence an
    /// analyst reads in the import report: every type GIAS lists is either a kind above or
    /// here, and one neither is reported by its name.
    static let notCovered: [String: String] = [
        "other independent school": "independent schools are not the authority's to categorise",
        "other independent special school": "independent schools are not the authority's to categorise",
        "non-maintained special school": "non-maintained special schools are run by charities, not the authority",
        "further education": "colleges are outside the schools frameworks",
        "sixth form centres": "colleges are outside the schools frameworks",
        "higher education institutions": "universities are outside the schools frameworks",
        "special post 16 institution": "post-16 institutions are outside the schools frameworks",
        "children's centre": "children's centres are services, not schools or settings a framework covers",
        "children's centre linked site": "children's centres are services, not schools or settings a framework covers",
        "secure units": "secure units are not schools a framework covers",
        "academy secure 16 to 19": "secure schools are not schools a framework covers",
        "offshore schools": "schools outside England are not the authority's",
        "service children's education": "schools outside England are not the authority's",
        "british schools overseas": "schools outside England are not the authority's",
        "welsh establishment": "schools outside England are not the authority's",
        "online provider": "online providers are not schools a framework covers",
        "institution funded by other government department": "establishments another department funds are not the authority's",
        "miscellaneous": "GIAS gives it no type a framework covers",
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
