import Fluent
import Foundation
import SiftCore
import Vapor

/// The directory of who can support whom (Coventry, "Support from Schools": areas of strength
/// shared "via Coventry Leaders' Directory"). Every signed-in user of the authority sees the
/// whole authority's directory, school users included, since it is for schools to find support;
/// it lists names and strengths, never categories or evidence.
struct StrengthsController {
    static let pageSize = 50

    func directory(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let q = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let area = ((try? request.query.get(String.self, at: "area")) ?? "").trimmingCharacters(in: .whitespaces)
        let page = max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)
        let all = try await Partnership.strengths(authorityID: user.$authority.id, establishmentID: nil, on: request.db)
            .filter { $0.withdrawal == nil }
        let words = q.split(whereSeparator: \.isWhitespace).map(String.init)
        let found = all.filter { strength in
            let text = [strength.record.establishment.name, strength.record.establishment.urn, strength.record.area, strength.record.detail]
                .joined(separator: " ")
            return (area.isEmpty || strength.record.area == area)
                && words.allSatisfy { text.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }.sorted { ($0.record.area, $0.record.establishment.name) < ($1.record.area, $1.record.establishment.name) }
        let visible = Set(try await EstablishmentScope.query(for: user, on: request.db).all(\.$urn))
        let pages = max(1, (found.count + Self.pageSize - 1) / Self.pageSize)
        let shown = found.dropFirst((min(page, pages) - 1) * Self.pageSize).prefix(Self.pageSize)
        func link(_ number: Int) -> String {
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "q", value: q), URLQueryItem(name: "area", value: area), URLQueryItem(name: "page", value: String(number))]
            return SiteRoute.strengthsDirectory.path + (components.string ?? "")
        }
        let areas = Array(Set(Partnership.areas + all.map(\.record.area))).sorted()
        let context = StrengthsContext(
            layout: try await LayoutContext.make(request, title: "Areas of strength", current: .strengthsDirectory),
            action: SiteRoute.strengthsDirectory.path, q: q, areas: [.init(value: "", label: "Any area", selected: area.isEmpty)] + areas.map { .init(value: $0, label: $0, selected: $0 == area) },
            count: found.count,
            rows: shown.map { strength in
                let school = strength.record.establishment
                return .init(name: school.name, urn: school.urn,
                             href: visible.contains(school.urn) ? SiteRoute.partnership(urn: school.urn).path : nil,
                             area: strength.record.area, detail: strength.record.detail, via: strength.record.identifiedVia,
                             recorded: Day(strength.record.recordedAt).description)
            },
            previous: page > 1 ? link(min(page, pages) - 1) : nil, next: page < pages ? link(page + 1) : nil,
            pageLabel: "Page \(min(page, pages)) of \(pages)")
        return try await request.view.render("strengths", context).encodeResponse(for: request)
    }
}

struct StrengthsContext: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var name, urn: String
        var href: String?
        var area, detail, via, recorded: String
    }

    var layout: LayoutContext
    var action: String
    var q: String
    var areas: [FormField.Option]
    var count: Int
    var rows: [Row]
    var previous, next: String?
    var pageLabel: String
}
