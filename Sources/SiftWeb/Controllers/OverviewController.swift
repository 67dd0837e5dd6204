import Foundation
import Fluent
import SiftCore
import Vapor

/// The authority's overview: establishments per category, as an SVG chart and a table.
struct OverviewController {
    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        if user.role == .schoolUser, let urn = user.establishmentURN {
            return request.redirect(to: SiteRoute.establishment(urn: urn).path)
        }
        let authority = try await user.$authority.get(on: request.db)
        let framework = try request.sift.framework(authority.frameworkID)
        let rows = try await EstablishmentScope.query(for: user, on: request.db)
            .field(\.$id).field(\.$proposedCategory).field(\.$needsJudgement).all()
        var counts: [String: Int] = [:]
        for row in rows { if let code = row.proposedCategory { counts[code, default: 0] += 1 } }
        let largest = max(counts.values.max() ?? 1, 1)
        let bars = framework.categories.enumerated().map { index, category in
            let count = counts[category.code] ?? 0
            return OverviewContext.Bar(code: category.code, name: category.name, count: count, y: 8 + index * 36,
                                       width: max(2, count * 480 / largest), labelY: 26 + index * 36,
                                       href: SiteRoute.establishments.path + "?category=" + (category.code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        let context = OverviewContext(
            layout: try await LayoutContext.make(request, title: "Overview", current: .overview),
            authority: authority.name, framework: framework.name, total: rows.count,
            uncategorised: rows.filter { $0.proposedCategory == nil }.count,
            awaitingJudgement: rows.filter(\.needsJudgement).count,
            bars: bars, chartHeight: 16 + framework.categories.count * 36, listHref: SiteRoute.establishments.path)
        return try await request.view.render("overview", context).encodeResponse(for: request)
    }
}
