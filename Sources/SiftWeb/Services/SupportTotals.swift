import FluentSQL
import Foundation
import SiftCore

/// Sums of planned and delivered support by establishment and by adviser, worked out by the
/// database so that an authority of thousands of establishments is one query each.
enum SupportTotals {
    /// Amount by unit, by establishment id, for the authority's year; narrowed to a network.
    static func byEstablishment(_ sql: any SQLDatabase, table: String, authorityID: UUID, year: Int, network: String?,
                                onlyInForce: Bool) async throws -> [UUID: [String: Double]] {
        let query = sql.select()
            .column(SQLColumn("establishment_id", table: "t")).column(SQLColumn("unit", table: "t"))
            .column(SQLFunction("SUM", args: SQLColumn("amount", table: "t")), as: "total")
            .from(SQLAlias(SQLIdentifier(table), as: SQLIdentifier("t")))
            .where(SQLColumn("authority_id", table: "t"), .equal, SQLBind(authorityID))
            .where(SQLColumn("academic_year", table: "t"), .equal, SQLBind(year))
            .groupBy(SQLColumn("establishment_id", table: "t")).groupBy(SQLColumn("unit", table: "t"))
        if onlyInForce { query.where(SQLColumn("withdrawn_at", table: "t"), .is, SQLLiteral.null) }
        if let network {
            query.join(SQLAlias(SQLIdentifier(EstablishmentRecord.schema), as: SQLIdentifier("e")),
                       on: SQLColumn("establishment_id", table: "t"), .equal, SQLColumn("id", table: "e"))
                .where(SQLColumn("network", table: "e"), .equal, SQLBind(network))
        }
        var totals: [UUID: [String: Double]] = [:]
        for row in try await query.all() {
            let id = try row.decode(column: "establishment_id", as: UUID.self)
            totals[id, default: [:]][try row.decode(column: "unit", as: String.self)] = try row.decode(column: "total", as: Double.self)
        }
        return totals
    }

    static func names(_ sql: any SQLDatabase, ids: [UUID]) async throws -> [UUID: (urn: String, name: String)] {
        var names: [UUID: (urn: String, name: String)] = [:]
        // A bounded number of binds a statement: SQLite allows 32,766.
        for chunk in stride(from: 0, to: ids.count, by: 5_000) {
            let part = Array(ids[chunk..<min(ids.count, chunk + 5_000)])
            for row in try await sql.select().column("id").column("urn").column("name").from(EstablishmentRecord.schema)
                .where("id", .in, SQLBind.group(part)).all() {
                names[try row.decode(column: "id", as: UUID.self)] = (try row.decode(column: "urn", as: String.self), try row.decode(column: "name", as: String.self))
            }
        }
        return names
    }

    /// What each adviser delivered in the year, most first.
    static func byAdviser(_ sql: any SQLDatabase, authorityID: UUID, year: Int, network: String?) async throws -> [SupportYearController.AdviserRow] {
        let query = sql.select()
            .column(SQLColumn("name", table: "u")).column(SQLColumn("unit", table: "t"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "records")
            .column(SQLFunction("SUM", args: SQLColumn("amount", table: "t")), as: "total")
            .from(SQLAlias(SQLIdentifier(SupportRecord.schema), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")), on: SQLColumn("adviser_id", table: "t"), .equal, SQLColumn("id", table: "u"))
            .where(SQLColumn("authority_id", table: "t"), .equal, SQLBind(authorityID))
            .where(SQLColumn("academic_year", table: "t"), .equal, SQLBind(year))
            .groupBy(SQLColumn("name", table: "u")).groupBy(SQLColumn("unit", table: "t"))
        if let network {
            query.join(SQLAlias(SQLIdentifier(EstablishmentRecord.schema), as: SQLIdentifier("e")),
                       on: SQLColumn("establishment_id", table: "t"), .equal, SQLColumn("id", table: "e"))
                .where(SQLColumn("network", table: "e"), .equal, SQLBind(network))
        }
        var byName: [String: (records: Int, totals: [String: Double])] = [:]
        for row in try await query.all() {
            let name = try row.decode(column: "name", as: String.self)
            byName[name, default: (0, [:])].records += try row.decode(column: "records", as: Int.self)
            byName[name, default: (0, [:])].totals[try row.decode(column: "unit", as: String.self)] = try row.decode(column: "total", as: Double.self)
        }
        return byName.sorted { ($1.value.records, $0.key) < ($0.value.records, $1.key) }
            .map { .init(name: $0.key, records: $0.value.records, delivered: text($0.value.totals)) }
    }

    /// "3 visits, 1.5 days", units in name order; "none" when empty.
    static func text(_ totals: [String: Double]) -> String {
        let parts = totals.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\(Tree.format($0.value)) \($0.key)" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
