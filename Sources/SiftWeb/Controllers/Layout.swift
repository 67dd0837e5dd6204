import Foundation
import Fluent
import SiftCore
import Vapor

extension LayoutContext {
    /// The layout for a page, with the navigation its user may use.
    static func make(_ request: Request, title: String, current: SiteRoute?) async throws -> LayoutContext {
        guard let signedIn = request.signedIn else { return LayoutContext(title: title, signedIn: nil, csrf: nil, navigation: []) }
        let user = signedIn.user
        let authority = try await user.$authority.get(on: request.db)
        var navigation: [NavigationItem] = []
        if user.role == .schoolUser, let urn = user.establishmentURN {
            navigation.append(.init(label: "Your establishment", href: SiteRoute.establishment(urn: urn).path, current: current == .establishment(urn: urn)))
            navigation.append(.init(label: "Compliance", href: SiteRoute.compliance(urn: urn).path, current: current == .compliance(urn: urn)))
            navigation.append(.init(label: "Strengths", href: SiteRoute.strengthsDirectory.path, current: current == .strengthsDirectory))
        } else {
            navigation.append(.init(label: "Overview", href: SiteRoute.overview.path, current: current == .overview))
            navigation.append(.init(label: "Establishments", href: SiteRoute.establishments.path, current: current == .establishments))
            let grouping = (try? request.sift.framework(authority.frameworkID).grouping) ?? .unstated
            navigation.append(.init(label: grouping.plural.capitalizedFirst, href: SiteRoute.networks.path, current: current == .networks))
            if user.role == .officer || user.role == .administrator {
                navigation.append(.init(label: "Categorisation", href: SiteRoute.runs.path, current: current == .runs))
                navigation.append(.init(label: "Compliance", href: SiteRoute.complianceImport.path, current: current == .complianceImport))
            }
            navigation.append(.init(label: "Support", href: SiteRoute.supportYear.path, current: current == .supportYear))
            navigation.append(.init(label: "Strengths", href: SiteRoute.strengthsDirectory.path, current: current == .strengthsDirectory))
            if user.role != .networkLead {
                navigation.append(.init(label: "Capacity", href: SiteRoute.capacity.path, current: current == .capacity))
            }
            navigation.append(.init(label: "Funding", href: SiteRoute.funding.path, current: current == .funding))
            if user.role == .administrator {
                navigation.append(.init(label: "Users", href: SiteRoute.users.path, current: current == .users))
                navigation.append(.init(label: "Import", href: SiteRoute.imports.path, current: current == .imports))
                navigation.append(.init(label: "Audit log", href: SiteRoute.audit.path, current: current == .audit))
            }
        }
        return LayoutContext(title: title, signedIn: .init(name: user.name, role: user.role.label, authority: authority.name),
                             csrf: signedIn.session.csrfToken, navigation: navigation)
    }
}
