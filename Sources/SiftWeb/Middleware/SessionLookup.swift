import Fluent
import FluentSQL
import Foundation
import Vapor

/// Finds a session, its user and the user's authority in one query, as every request does.
/// The three are read as plain columns and the models filled in by hand: building models
/// from query output finds their properties by reflection, which, with the two further
/// queries, cost more than the rest of a small page.
enum SessionLookup {
    struct Found {
        var session: UserSession
        /// The authority's data version when the request began (`AddAuthorityDataVersion`).
        var dataVersion: Int
    }

    private static let statement = FixedStatement.select { select, binds in
        _ = select
            .column(SQLColumn("id", table: "s"), as: "session_id").column(SQLColumn("csrf_token", table: "s"))
            .column(SQLColumn("created_at", table: "s"), as: "session_created_at").column(SQLColumn("last_seen_at", table: "s"))
            .column(SQLColumn("id", table: "u"), as: "user_id").column(SQLColumn("email", table: "u"))
            .column(SQLColumn("name", table: "u"), as: "user_name").column(SQLColumn("password_hash", table: "u"))
            .column(SQLColumn("role", table: "u")).column(SQLColumn("establishment_urn", table: "u"))
            .column(SQLColumn("network", table: "u")).column(SQLColumn("failed_sign_ins", table: "u"))
            .column(SQLColumn("locked_until", table: "u")).column(SQLColumn("created_at", table: "u"), as: "user_created_at")
            .column(SQLColumn("id", table: "a"), as: "authority_id").column(SQLColumn("code", table: "a"))
            .column(SQLColumn("name", table: "a"), as: "authority_name").column(SQLColumn("framework_id", table: "a"))
            .column(SQLColumn("more_frameworks", table: "a"))
            .column(SQLColumn("created_at", table: "a"), as: "authority_created_at").column(SQLColumn("data_version", table: "a"))
            .from(SQLAlias(SQLIdentifier(UserSession.schema), as: SQLIdentifier("s")))
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")), on: SQLColumn("user_id", table: "s"), .equal, SQLColumn("id", table: "u"))
            .join(SQLAlias(SQLIdentifier(Authority.schema), as: SQLIdentifier("a")), on: SQLColumn("authority_id", table: "u"), .equal, SQLColumn("id", table: "a"))
            .where(SQLColumn("token_hash", table: "s"), .equal, SQLBind(binds[0]))
    }

    static func find(tokenHash: String, on database: any Database) async throws -> Found? {
        guard let sql = database as? any SQLDatabase else {
            return try await UserSession.query(on: database).filter(\.$tokenHash == tokenHash).with(\.$user).first()
                .map { Found(session: $0, dataVersion: 0) }
        }
        guard let row = try await statement.rows([tokenHash], on: sql).first else { return nil }
        let authority = Authority(
            id: try row.decode(column: "authority_id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "authority_name", as: String.self), frameworkID: try row.decode(column: "framework_id", as: String.self))
        authority.createdAt = try row.decode(column: "authority_created_at", as: Date?.self)
        authority.moreFrameworks = try row.decode(column: "more_frameworks", as: String?.self)
        let user = User(
            id: try row.decode(column: "user_id", as: UUID.self), authorityID: try authority.requireID(),
            email: try row.decode(column: "email", as: String.self), name: try row.decode(column: "user_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            role: try row.decode(column: "role", as: Role.self),
            establishmentURN: try row.decode(column: "establishment_urn", as: String?.self), network: try row.decode(column: "network", as: String?.self))
        user.failedSignIns = try row.decode(column: "failed_sign_ins", as: Int.self)
        user.lockedUntil = try row.decode(column: "locked_until", as: Date?.self)
        user.createdAt = try row.decode(column: "user_created_at", as: Date?.self)
        user.$authority.value = authority
        let session = UserSession(
            tokenHash: tokenHash, userID: try user.requireID(), csrfToken: try row.decode(column: "csrf_token", as: String.self),
            now: try row.decode(column: "session_created_at", as: Date.self))
        session.id = try row.decode(column: "session_id", as: UUID.self)
        session.lastSeenAt = try row.decode(column: "last_seen_at", as: Date.self)
        session.$user.value = user
        // They were read from the database: saving one updates it rather than inserting.
        authority.$id.exists = true
        user.$id.exists = true
        session.$id.exists = true
        return Found(session: session, dataVersion: try row.decode(column: "data_version", as: Int.self))
    }
}
