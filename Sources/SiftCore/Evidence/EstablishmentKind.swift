/// Each kind of establishment the five frameworks distinguish (evidence-format.md, "Kinds").
public enum EstablishmentKind: String, Sendable, CaseIterable {
    // LA-maintained schools.
    case community, voluntaryAided = "voluntary_aided", voluntaryControlled = "voluntary_controlled"
    case foundation, communitySpecial = "community_special", foundationSpecial = "foundation_special"
    case maintainedNursery = "maintained_nursery", pupilReferralUnit = "pupil_referral_unit"
    // Academies and free schools.
    case academyConverter = "academy_converter", academySponsorLed = "academy_sponsor_led"
    case academySpecial = "academy_special", academyAlternativeProvision = "academy_alternative_provision"
    case freeSchool = "free_school", freeSchoolSpecial = "free_school_special"
    case universityTechnicalCollege = "university_technical_college", studioSchool = "studio_school"
    // Early years and childcare.
    case pviNursery = "pvi_nursery", childminder
    case outOfHoursSchoolRegistered = "out_of_hours_school_registered"
    case outOfHoursChildcareRegistered = "out_of_hours_childcare_registered"

    public var isMaintained: Bool {
        switch self {
        case .community, .voluntaryAided, .voluntaryControlled, .foundation, .communitySpecial,
             .foundationSpecial, .maintainedNursery, .pupilReferralUnit:
            return true
        default:
            return false
        }
    }

    public var isAcademy: Bool {
        switch self {
        case .academyConverter, .academySponsorLed, .academySpecial, .academyAlternativeProvision,
             .freeSchool, .freeSchoolSpecial, .universityTechnicalCollege, .studioSchool:
            return true
        default:
            return false
        }
    }

    public var isSpecial: Bool {
        self == .communitySpecial || self == .foundationSpecial || self == .academySpecial || self == .freeSchoolSpecial
    }

    public var setting: Setting {
        switch self {
        case .pviNursery: return .pvi
        case .childminder: return .childminder
        case .outOfHoursSchoolRegistered, .outOfHoursChildcareRegistered: return .outOfHours
        default: return .school
        }
    }
}

/// The broad kind of provision, which decides which of a framework's allocations apply
/// (Wolverhampton gives schools, PVI settings and childminders different days).
public enum Setting: String, Sendable, CaseIterable {
    case school, pvi, childminder, outOfHours = "out_of_hours"
}

public enum Phase: String, Sendable, CaseIterable {
    case nursery, primary, middle, secondary, allThrough = "all_through"
    case sixteenPlus = "sixteen_plus", notApplicable = "not_applicable"
}
