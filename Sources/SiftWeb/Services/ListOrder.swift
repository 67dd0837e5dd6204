import Fluent
import FluentSQL
import Foundation

/// The order of a filtered establishment list, kept (`KeptAnswers`, SQLite only) so that a
/// page is read by going straight to where it begins. Reading page 400 of 500 by SQL's OFFSET
/// walks past the 19,950 establishments before it, which was most of the list's time.
struct ListOrder: Sendable {
    /// An establishment's place in the list, which is in name order, then URN order.
    struct Place: Sendable {
        var name: String
        var urn: String
    }

    /// How many establishments the filtered list holds.
    let total: Int
    let pageCount: Int
    /// A short list keeps every URN in order, and a page is read by its URNs.
    let urns: [String]?
    /// A long list keeps the first and last place of each page, and a page is read between them.
    let pageBounds: [(first: Place, last: Place)]

    /// Lists up to this long keep every URN: fifty pages of fifty.
    static let mostURNsKept = 2_500

    init(places: [Place], pageSize: Int) {
        total = places.count
        pageCount = max(1, (places.count + pageSize - 1) / pageSize)
        if places.count <= Self.mostURNsKept {
            urns = places.map(\.urn)
            pageBounds = []
        } else {
            urns = nil
            pageBounds = stride(from: 0, to: places.count, by: pageSize).map { start in
                (places[start], places[min(start + pageSize, places.count) - 1])
            }
        }
    }

    /// The places of the establishments `query` finds, in list order.
    static func places(of query: QueryBuilder<EstablishmentRecord>) async throws -> [Place] {
        try await query.sort(\.$name).sort(\.$urn).rows(["name", "urn"]) {
            Place(name: try $0.decode("name", as: String.self), urn: try $0.decode("urn", as: String.self))
        }
    }

    /// Page `page` (from 1, within `pageCount`).
    /// - Parameters:
    ///   - scope: the establishments the user may see, unfiltered: a short list's URNs were
    ///     found by the filters already.
    ///   - filtered: the same with the list's filters.
    func read(page: Int, scope: QueryBuilder<EstablishmentRecord>, filtered: QueryBuilder<EstablishmentRecord>) async throws -> [EstablishmentSummary] {
        let query: QueryBuilder<EstablishmentRecord>
        if let urns {
            let start = (page - 1) * EstablishmentController.pageSize
            query = scope.filter(\.$urn ~~ Array(urns[min(start, urns.count)..<min(start + EstablishmentController.pageSize, urns.count)]))
        } else {
            let bounds = pageBounds[page - 1]
            query = filtered
                .filter(.sql(embed: "\(Self.place) >= (\(bind: bounds.first.name), \(bind: bounds.first.urn))"))
                .filter(.sql(embed: "\(Self.place) <= (\(bind: bounds.last.name), \(bind: bounds.last.urn))"))
        }
        return try await query.sort(\.$name).sort(\.$urn).summaries()
    }

    /// An establishment's place as an SQL row value, which SQLite compares column by column
    /// and finds in the list's indexes (each ends with name, URN).
    private static let place: SQLQueryString =
        "(\(ident: EstablishmentRecord.schema).\(ident: "name"), \(ident: EstablishmentRecord.schema).\(ident: "urn"))"
}
