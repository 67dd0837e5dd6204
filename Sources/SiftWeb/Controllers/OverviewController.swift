import Foundation
import Fluent
import FluentSQL
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
        let categories = try request.sift.categories(of: authority)
        let tally = try await Self.tally(request, user: user)
        var counts: [String: Int] = [:]
        var total = 0, uncategorised = 0, awaitingJudgement = 0
        for row in tally {
            total += row.count
            if let code = row.category { counts[code, default: 0] += row.count } else { uncategorised += row.count }
            if row.judgement { awaitingJudgement += row.count }
        }
        let largest = max(counts.values.max() ?? 1, 1)
        let bars = categories.enumerated().map { index, category in
            let count = counts[category.code] ?? 0
            return OverviewContext.Bar(code: category.code, name: category.name, count: count, y: 8 + index * 36,
                                       width: max(2, count * 480 / largest), labelY: 26 + index * 36,
                                       href: SiteRoute.establishments.path + "?category=" + (category.code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        let context = OverviewContext(
            layout: try await LayoutContext.make(request, title: "Overview", current: .overview),
            authority: authority.name, framework: try request.sift.frameworkNames(of: authority), total: total,
            uncategorised: uncategorised, awaitingJudgement: awaitingJudgement,
            bars: bars, chartHeight: 16 + categories.count * 36, listHref: SiteRoute.establishments.path)
        return try await request.view.render("overview", context).encodeResponse(for: request)
    }

    struct Tally: Decodable {
        var category: String?
        var judgement: Bool
        var count: Int
    }

    /// Establishments per proposed category and judgement, counted by the database.
    static func tally(_ request: Request, user: User) async throws -> [Tally] {
        guard let sql = request.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        var query = sql.select()
            .column(SQLColumn("proposed_category"), as: "category").column(SQLColumn("needs_judgement"), as: "judgement")
            .column(SQLFunction("count", args: SQLLiteral.all), as: "count")
            .from(EstablishmentRecord.schema)
            .where("authority_id", .equal, user.$authority.id)
        if user.role == .networkLead { query = query.where("network", .equal, user.network ?? "") }
        return try await query.groupBy("proposed_category").groupBy("needs_judgement").all(decoding: Tally.self)
    }
}
