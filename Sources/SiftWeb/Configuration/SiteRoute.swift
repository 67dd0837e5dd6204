import Foundation
/// Every path of the site, in one place: routes are registered and links are built from
/// these, so a renamed path cannot leave a dead link behind.
enum SiteRoute: Equatable {
    case overview
    case signIn
    case signOut
    case establishments
    case establishmentsCSV
    case establishment(urn: String)
    case runs
    case run(year: Int)
    case runDecision(year: Int, urn: String)
    case runConfirm(year: Int)
    case runAgreeAll(year: Int)
    case runProgress(year: Int)
    case recategorise(urn: String)
    case letter(id: String)
    case decisionsCSV
    case addInspection(urn: String)
    case establishmentLinks(urn: String)
    case establishmentFacts(urn: String)
    case newEstablishment
    case networks, newNetwork, assignNetworks
    case network(id: String)
    case editNetwork(id: String)
    case networkMembers(id: String)
    case measures(urn: String)
    case localEvidence(urn: String)
    case audit
    case imports
    case importJob(id: String)
    case quintiles
    case users
    case newUser
    case user(id: String)
    case userPassword(id: String)
    case support(urn: String)
    case supportPlan(urn: String)
    case supportExtra(urn: String)
    case supportMove(urn: String)
    case supportDelivered(urn: String)
    case supportShare(urn: String)
    case supportYear
    case supportPlanAll
    case capacity
    case meetings(urn: String)
    case capacityDays
    case capacityAssign
    case capacityConversion
    case whatIf
    case compliance(urn: String)
    case complianceImport
    case localEvidenceImport
    case partnership(urn: String)
    case partnershipOptOut(urn: String)
    case partnershipStrengths(urn: String)
    case partnershipWithdraw(urn: String)
    case strengthsDirectory
    case funding
    case fundingCSV
    case fundingNetworksCSV
    case parameters

    var path: String {
        switch self {
        case .overview: return "/"
        case .signIn: return "/sign-in"
        case .signOut: return "/sign-out"
        case .establishments: return "/establishments"
        case .establishmentsCSV: return "/establishments.csv"
        case .establishment(let urn): return "/establishments/\(Self.escape(urn))"
        case .runs: return "/runs"
        case .run(let year): return "/runs/\(year)"
        case .runDecision(let year, let urn): return "/runs/\(year)/\(Self.escape(urn))"
        case .runConfirm(let year): return "/runs/\(year)/confirm"
        case .runAgreeAll(let year): return "/runs/\(year)/agree-all"
        case .runProgress(let year): return "/runs/\(year)/progress"
        case .recategorise(let urn): return "/establishments/\(Self.escape(urn))/recategorise"
        case .letter(let id): return "/letters/\(id)"
        case .decisionsCSV: return "/decisions.csv"
        case .addInspection(let urn): return "/establishments/\(Self.escape(urn))/evidence/inspection"
        case .establishmentLinks(let urn): return "/establishments/\(Self.escape(urn))/links"
        case .establishmentFacts(let urn): return "/establishments/\(Self.escape(urn))/evidence/establishment"
        case .newEstablishment: return "/establishments/new"
        case .networks: return "/networks"
        case .newNetwork: return "/networks/new"
        case .assignNetworks: return "/networks/assign"
        case .network(let id): return "/networks/\(Self.escape(id))"
        case .editNetwork(let id): return "/networks/\(Self.escape(id))/edit"
        case .networkMembers(let id): return "/networks/\(Self.escape(id))/members"
        case .measures(let urn): return "/establishments/\(Self.escape(urn))/evidence/measures"
        case .localEvidence(let urn): return "/establishments/\(Self.escape(urn))/evidence/authority"
        case .audit: return "/audit"
        case .imports: return "/imports"
        case .importJob(let id): return "/imports/\(Self.escape(id))"
        case .quintiles: return "/quintiles"
        case .users: return "/users"
        case .newUser: return "/users/new"
        case .user(let id): return "/users/\(Self.escape(id))"
        case .userPassword(let id): return "/users/\(Self.escape(id))/password"
        case .support(let urn): return "/establishments/\(Self.escape(urn))/support"
        case .supportPlan(let urn): return "/establishments/\(Self.escape(urn))/support/plan"
        case .supportExtra(let urn): return "/establishments/\(Self.escape(urn))/support/extra"
        case .supportMove(let urn): return "/establishments/\(Self.escape(urn))/support/move"
        case .supportDelivered(let urn): return "/establishments/\(Self.escape(urn))/support/delivered"
        case .supportShare(let urn): return "/establishments/\(Self.escape(urn))/support/share"
        case .supportYear: return "/support"
        case .supportPlanAll: return "/support/plan"
        case .capacity: return "/capacity"
        case .meetings(let urn): return "/establishments/\(Self.escape(urn))/meetings"
        case .capacityDays: return "/capacity/days"
        case .capacityAssign: return "/capacity/assign"
        case .capacityConversion: return "/capacity/conversion"
        case .whatIf: return "/what-if"
        case .compliance(let urn): return "/establishments/\(Self.escape(urn))/compliance"
        case .complianceImport: return "/compliance/import"
        case .localEvidenceImport: return "/evidence/import"
        case .partnership(let urn): return "/establishments/\(Self.escape(urn))/partnership"
        case .partnershipOptOut(let urn): return "/establishments/\(Self.escape(urn))/partnership/opt-out"
        case .partnershipStrengths(let urn): return "/establishments/\(Self.escape(urn))/partnership/strengths"
        case .partnershipWithdraw(let urn): return "/establishments/\(Self.escape(urn))/partnership/strengths/withdraw"
        case .strengthsDirectory: return "/strengths"
        case .funding: return "/funding"
        case .fundingCSV: return "/funding.csv"
        case .fundingNetworksCSV: return "/funding/networks.csv"
        case .parameters: return "/parameters"
        }
    }

    private static func escape(_ part: String) -> String {
        part.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? part
    }
}
