import Foundation
/// Every path of the site, in one place: routes are registered and links are built from
/// these, so a renamed path cannot leave a dead link behind.
enum SiteRoute {
    case overview
    case signIn
    case signOut
    case establishments
    case establishmentsCSV
    case establishment(urn: String)

    var path: String {
        switch self {
        case .overview: return "/"
        case .signIn: return "/sign-in"
        case .signOut: return "/sign-out"
        case .establishments: return "/establishments"
        case .establishmentsCSV: return "/establishments.csv"
        case .establishment(let urn): return "/establishments/\(urn.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? urn)"
        }
    }

    /// The path's parts for registering a route.
    static let establishmentPattern: [String] = ["establishments", ":urn"]
}
