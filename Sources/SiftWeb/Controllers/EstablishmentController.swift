import Foundation
import Fluent
import SiftCore
import Vapor

/// The establishment list (search, filter, sort, pages), one establishment's page, and the
/// list as CSV. Every lookup goes through `EstablishmentScope`.
struct EstablishmentController {
    static let pageSize = 50

    struct Filters: Content {
        var q: String?
        var category: String?
        var kind: String?
        var phase: String?
        var network: String?
        var page: Int?
    }

    func filtered(_ request: Request, _ user: User, _ filters: Filters, withinNameRange: Bool = false) -> QueryBuilder<EstablishmentRecord> {
        let query = EstablishmentScope.query(for: user, on: request.db)
        if let text = filters.q, !text.isEmpty {
            SearchWords.filter(query, text: text, authorityID: user.$authority.id, withinNameRange: withinNameRange)
        }
        if let category = filters.category, !category.isEmpty { query.filter(\.$proposedCategory == category) }
        if let kind = filters.kind, !kind.isEmpty { query.filter(\.$kind == kind) }
        if let phase = filters.phase, !phase.isEmpty { query.filter(\.$phase == phase) }
        if let network = filters.network, !network.isEmpty { query.filter(\.$network == network) }
        return query
    }

    /// One page of the filtered establishments, in name order, with the counts to page by.
    struct Page {
        var records: [EstablishmentSummary]
        var total: Int
        var page: Int
        var pageCount: Int
    }

    func page(_ request: Request, _ user: User, _ filters: Filters) async throws -> Page {
        let kept = request.sift.listOrders
        guard kept.isKeeping else { return try await pageByCounting(request, user, filters) }
        let order = try await kept.answer(Self.key(request, user, "order", filters)) {
            ListOrder(places: try await ListOrder.places(of: filtered(request, user, filters)), pageSize: Self.pageSize)
        }
        let page = min(max(filters.page ?? 1, 1), order.pageCount)
        let records = try await order.read(page: page, scope: EstablishmentScope.query(for: user, on: request.db),
                                           filtered: filtered(request, user, filters, withinNameRange: true))
        return Page(records: records, total: order.total, page: page, pageCount: order.pageCount)
    }

    /// Where nothing is kept (PostgreSQL, where the data version does not move): a count, then
    /// the page by OFFSET.
    private func pageByCounting(_ request: Request, _ user: User, _ filters: Filters) async throws -> Page {
        // Counting a column the list's indexes hold lets the database count from the index alone.
        let total = try await filtered(request, user, filters).count(\.$urn)
        let pageCount = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(filters.page ?? 1, 1), pageCount)
        let records = try await filtered(request, user, filters).sort(\.$name).sort(\.$urn)
            .range(((page - 1) * Self.pageSize)..<(page * Self.pageSize)).summaries()
        return Page(records: records, total: total, page: page, pageCount: pageCount)
    }

    /// What an answer about the user's establishments depends on: their scope and the filters.
    static func key(_ request: Request, _ user: User, _ question: String, _ filters: Filters = .init()) throws -> KeptAnswers.Key {
        let scope = [user.role.rawValue, user.network ?? "", user.establishmentURN ?? ""]
        let narrowing = [SearchWords.split(filters.q ?? "").prefix(SearchWords.mostWordsSearched).joined(separator: " "),
                         filters.category ?? "", filters.kind ?? "", filters.phase ?? "", filters.network ?? ""]
        return .init(authorityID: user.$authority.id, dataVersion: try request.requireUser().dataVersion,
                     question: ([question] + scope + narrowing).joined(separator: "\u{1F}"))
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let filters = try request.query.decode(Filters.self)
        let authority = try await user.$authority.get(on: request.db)
        // Every category of every framework the authority runs.
        let categories = try request.sift.categories(of: authority)
        let found = try await page(request, user, filters)
        let (records, total, page, pageCount) = (found.records, found.total, found.page, found.pageCount)
        let networks = try await request.sift.keptAnswers.answer(Self.key(request, user, "networks")) {
            try await EstablishmentScope.networks(for: user, on: request.db)
        }
        func link(page: Int) -> String {
            var parts: [String] = []
            for (name, value) in [("q", filters.q), ("category", filters.category), ("kind", filters.kind), ("phase", filters.phase), ("network", filters.network)] {
                if let value, !value.isEmpty { parts.append("\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            }
            parts.append("page=\(page)")
            return SiteRoute.establishments.path + "?" + parts.joined(separator: "&")
        }
        let rows = records.map { record in
            EstablishmentListContext.Row(
                urn: record.urn, name: record.name, href: SiteRoute.establishment(urn: record.urn).path,
                kind: record.kind.spacedWords, phase: (record.phase ?? "").spacedWords,
                network: record.network ?? "", category: record.proposedCategory ?? "",
                categoryName: record.proposedCategory.flatMap { code in categories.first { $0.code == code }?.name } ?? "Not categorised", judgement: record.needsJudgement,
                nationalGaps: record.nationalGaps != nil, undetermined: record.undetermined != nil)
        }
        let context = EstablishmentListContext(
            layout: try await LayoutContext.make(request, title: "Establishments", current: .establishments),
            query: filters.q ?? "",
            categoryOptions: HTMLFragment.options(categories.map { ($0.code, "\($0.code) – \($0.name)") }, selected: filters.category),
            kindOptions: HTMLFragment.options(EstablishmentKind.allCases.map { ($0.rawValue, $0.rawValue.spacedWords) }, selected: filters.kind),
            phaseOptions: HTMLFragment.options(Phase.allCases.map { ($0.rawValue, $0.rawValue.spacedWords) }, selected: filters.phase),
            networkOptions: HTMLFragment.options(networks.map { ($0, $0) }, selected: filters.network),
            rowCount: rows.count, rows: rows.map(\.html).joined(),
            total: total, page: page, pageCount: pageCount,
            previousHref: page > 1 ? link(page: page - 1) : nil, nextHref: page < pageCount ? link(page: page + 1) : nil,
            exportHref: SiteRoute.establishmentsCSV.path,
            addHref: user.role == .officer || user.role == .administrator ? SiteRoute.newEstablishment.path : nil)
        return try await request.view.render("establishments", context).encodeResponse(for: request)
    }

    func csv(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let records = try await EstablishmentScope.query(for: user, on: request.db).sort(\.$name).sort(\.$urn).summaries()
        var lines = [CSVField.row(["urn", "name", "kind", "phase", "network", "proposed_category", "proposed_designation", "needs_judgement"])]
        for record in records {
            lines.append(CSVField.row([record.urn, record.name, record.kind, record.phase ?? "", record.network ?? "",
                                       record.proposedCategory ?? "", record.proposedDesignation ?? "", record.needsJudgement ? "yes" : "no"]))
        }
        let response = Response(status: .ok, body: .init(string: lines.joined(separator: "\n") + "\n"))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"establishments.csv\"")
        return response
    }
}
