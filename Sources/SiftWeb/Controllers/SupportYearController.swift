import Fluent
import FluentSQL
import Foundation
import SiftCore
import Vapor

/// The authority's year of support: delivered against planned for each establishment with a
/// plan, and what each adviser delivered. Officers, administrators and read-only users see
/// the authority; a network lead sees their network; a school's user has its own page instead.
struct SupportYearController {
    struct Row: Encodable, Sendable {
        var urn: String
        var name: String
        var href: String
        var planned: String
        var delivered: String
        var behind: Bool
    }

    struct AdviserRow: Encodable, Sendable {
        var name: String
        var records: Int
        var delivered: String
    }

    struct Context: Encodable, Sendable {
        var layout: LayoutContext
        var year: Int
        var yearLabel: String
        var years: [FormLink]
        var rows: [Row]
        var advisers: [AdviserRow]
        var totals: [String]
        var page: Int
        var pageCount: Int
        var previous: String?
        var next: String?
        var planAllAction: String?
        var notice: String?
    }

    static let pageSize = 50

    /// Makes the plan of every establishment whose category is agreed for the year and has none.
    func planAll(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let year = SupportController.year(try? request.content.get(String.self, at: "year"), now: request.now)
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
        let made = try await SupportPlans.createAll(request, user: user, year: year, engine: engine)
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "year", value: String(year)),
                                 URLQueryItem(name: "done", value: "\(made.plans) plans were made, with \(made.activities) activities.")]
        return request.redirect(to: SiteRoute.supportYear.path + (components.string ?? ""))
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard user.role != .schoolUser else { throw Abort(.notFound) }
        guard let sql = request.db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "support is kept in an SQL database") }
        let year = SupportController.year(try? request.query.get(String.self, at: "year"), now: request.now)
        let network = user.role == .networkLead ? (user.network ?? EstablishmentScope.nothing) : nil
        let planned = try await SupportTotals.byEstablishment(sql, table: PlanActivityRecord.schema, authorityID: user.$authority.id,
                                                              year: year, network: network, onlyInForce: true)
        let delivered = try await SupportTotals.byEstablishment(sql, table: SupportRecord.schema, authorityID: user.$authority.id,
                                                                year: year, network: network, onlyInForce: false)
        let ids = Array(Set(planned.keys).union(delivered.keys))
        let names = try await SupportTotals.names(sql, ids: ids)
        let ordered = ids.compactMap { id in names[id].map { (id, $0) } }.sorted { ($0.1.name, $0.1.urn) < ($1.1.name, $1.1.urn) }
        let paging = Paging(count: ordered.count, size: Self.pageSize, requested: try? request.query.get(Int.self, at: "page"))
        let shown = paging.rows(of: ordered)
        let rows = shown.map { id, establishment in
            let plan = planned[id] ?? [:], done = delivered[id] ?? [:]
            return Row(urn: establishment.urn, name: establishment.name, href: SiteRoute.support(urn: establishment.urn).path + "?year=\(year)",
                       planned: SupportTotals.text(plan), delivered: SupportTotals.text(done),
                       behind: plan.contains { unit, amount in (done[unit] ?? 0) < amount })
        }
        let advisers = try await SupportTotals.byAdviser(sql, authorityID: user.$authority.id, year: year, network: network)
        let sum = { (totals: [UUID: [String: Double]]) in totals.values.reduce(into: [String: Double]()) { all, one in all.merge(one, uniquingKeysWith: +) } }
        let base = SiteRoute.supportYear.path + "?year=\(year)"
        let context = Context(
            layout: try await LayoutContext.make(request, title: "Support in \(Runs.label(year))", current: .supportYear),
            year: year, yearLabel: Runs.label(year),
            years: [year - 1, year + 1].map { FormLink(label: Runs.label($0), href: SiteRoute.supportYear.path + "?year=\($0)") },
            rows: Array(rows), advisers: advisers,
            totals: ["\(ordered.count) establishments with support planned or delivered",
                     "Planned: \(SupportTotals.text(sum(planned)))", "Delivered: \(SupportTotals.text(sum(delivered)))"],
            page: paging.page, pageCount: paging.pageCount, previous: paging.previous(base), next: paging.next(base),
            planAllAction: user.role == .officer || user.role == .administrator ? SiteRoute.supportPlanAll.path : nil,
            notice: try? request.query.get(String.self, at: "done"))
        return try await request.view.render("support-year", context).encodeResponse(for: request)
    }
}
