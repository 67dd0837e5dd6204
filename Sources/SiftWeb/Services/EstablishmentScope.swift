import Foundation
import Fluent
import FluentSQL
import Vapor

/// The establishments a user may see: their authority's, narrowed to their network for a
/// network lead and to their own establishment for a school user. Every query of
/// establishments goes through here; what is outside it does not exist for that user (404).
enum EstablishmentScope {
    static func query(for user: User, on database: any Database) -> QueryBuilder<EstablishmentRecord> {
        let query = EstablishmentRecord.query(on: database).filter(\.$authority.$id == user.$authority.id)
        switch user.role {
        case .administrator, .officer, .readOnly:
            return query
        case .networkLead:
            return query.filter(\.$network == (user.network ?? Self.nothing))
        case .schoolUser:
            return query.filter(\.$urn == (user.establishmentURN ?? Self.nothing))
        }
    }

    /// The networks of the establishments the user may see, in order.
    static func networks(for user: User, on database: any Database) async throws -> [String] {
        try await query(for: user, on: database).unique().rows(["network"]) { try $0.decode("network", as: String?.self) }
            .compactMap { $0 }.sorted()
    }

    /// A network or URN no establishment has: none is stored empty. (PostgreSQL refuses a NUL
    /// character in text, so it cannot serve.)
    static let nothing = ""

    static func find(urn: String, for user: User, on database: any Database) async throws -> EstablishmentRecord {
        guard let sql = database as? any SQLDatabase else {
            guard let record = try await query(for: user, on: database).filter(\.$urn == urn).first() else { throw Abort(.notFound) }
            return record
        }
        let rows: [any SQLRow]
        switch user.role {
        case .administrator, .officer, .readOnly:
            rows = try await findStatement.rows([user.$authority.id, urn], on: sql)
        case .networkLead:
            guard let network = user.network else { throw Abort(.notFound) }
            rows = try await findInNetworkStatement.rows([user.$authority.id, urn, network], on: sql)
        case .schoolUser:
            guard user.establishmentURN == urn else { throw Abort(.notFound) }
            rows = try await findStatement.rows([user.$authority.id, urn], on: sql)
        }
        guard let row = rows.first else { throw Abort(.notFound) }
        return try record(from: row)
    }

    /// Every column of an establishment, by authority and URN, and for a network lead, network.
    private static let findStatement = FixedStatement.select { select, binds in
        _ = select.column(SQLLiteral.all).from(EstablishmentRecord.schema)
            .where("authority_id", .equal, SQLBind(binds[0])).where("urn", .equal, SQLBind(binds[1])).limit(1)
    }
    private static let findInNetworkStatement = FixedStatement.select { select, binds in
        _ = select.column(SQLLiteral.all).from(EstablishmentRecord.schema)
            .where("authority_id", .equal, SQLBind(binds[0])).where("urn", .equal, SQLBind(binds[1]))
            .where("network", .equal, SQLBind(binds[2])).limit(1)
    }

    /// Every establishment of an authority, read as `record(from:)` reads one: an import of a
    /// national file spent a fifth of its time having Fluent build 17,000 models.
    static func all(authorityID: UUID, on database: any Database) async throws -> [EstablishmentRecord] {
        guard let sql = database as? any SQLDatabase else {
            return try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID).all()
        }
        return try await sql.select().column(SQLLiteral.all).from(EstablishmentRecord.schema)
            .where("authority_id", .equal, SQLBind(authorityID)).all().map(record(from:))
    }

    /// The establishment of a row of `establishments`, filled in by hand: a model built from
    /// query output finds its properties by reflection, a large part of a page's time.
    static func record(from row: any SQLRow) throws -> EstablishmentRecord {
        let record = EstablishmentRecord(
            authorityID: try row.decode(column: "authority_id", as: UUID.self), urn: try row.decode(column: "urn", as: String.self),
            name: try row.decode(column: "name", as: String.self), kind: try row.decode(column: "kind", as: String.self),
            phase: try row.decode(column: "phase", as: String?.self), network: try row.decode(column: "network", as: String?.self))
        record.id = try row.decode(column: "id", as: UUID.self)
        record.proposedCategory = try row.decode(column: "proposed_category", as: String?.self)
        record.proposedDesignation = try row.decode(column: "proposed_designation", as: String?.self)
        record.needsJudgement = try row.decode(column: "needs_judgement", as: Bool.self)
        record.currentCategory = try row.decode(column: "current_category", as: String?.self)
        record.nationalGaps = try row.decode(column: "national_gaps", as: String?.self)
        record.undetermined = try row.decode(column: "undetermined", as: String?.self)
        record.notCovered = try row.decode(column: "not_covered", as: String?.self)
        record.closed = try row.decode(column: "closed", as: String?.self)
        record.updatedAt = try row.decode(column: "updated_at", as: Date?.self)
        // Read from the database: saving it updates the row rather than inserting one.
        record.$id.exists = true
        return record
    }
}
