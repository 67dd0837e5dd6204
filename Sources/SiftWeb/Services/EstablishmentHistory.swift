import Fluent
import FluentSQL
import Foundation
import Vapor

/// An establishment's decisions (with who made each) and letters, newest first, read as
/// plain values for its page: one query each, and no model built by reflection per row.
enum EstablishmentHistory {
    struct Decision: Sendable {
        var academicYear: Int
        var category: String
        var status: DecisionRecord.Status
        var reason: String?
        /// Set where the decision is an exception the framework allows to one of its rules.
        var exception: String?
        var decidedBy: String?
        var decidedAt: Date
    }

    struct Letter: Sendable {
        var id: UUID
        var title: String
        var issuedAt: Date
    }

    private static let decisionsStatement = FixedStatement.select { select, binds in
        _ = select
            .column(SQLColumn("academic_year", table: "d")).column(SQLColumn("category", table: "d"))
            .column(SQLColumn("status", table: "d")).column(SQLColumn("reason", table: "d"))
            .column(SQLColumn("exception", table: "d"))
            .column(SQLColumn("decided_at", table: "d")).column(SQLColumn("name", table: "u"), as: "decided_by")
            .from(SQLAlias(SQLIdentifier(DecisionRecord.schema), as: SQLIdentifier("d")))
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")), method: SQLJoinMethod.left,
                  on: SQLColumn("decided_by", table: "d"), .equal, SQLColumn("id", table: "u"))
            .where(SQLColumn("establishment_id", table: "d"), .equal, SQLBind(binds[0]))
            .orderBy(SQLColumn("decided_at", table: "d"), SQLDirection.descending)
    }

    static func decisions(establishmentID: UUID, on database: any Database) async throws -> [Decision] {
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError, reason: "decisions are kept in an SQL database") }
        return try await decisionsStatement.rows([establishmentID], on: sql)
            .map { row in
                Decision(academicYear: try row.decode(column: "academic_year", as: Int.self),
                         category: try row.decode(column: "category", as: String.self),
                         status: try row.decode(column: "status", as: DecisionRecord.Status.self),
                         reason: try row.decode(column: "reason", as: String?.self),
                         exception: try row.decode(column: "exception", as: String?.self),
                         decidedBy: try row.decode(column: "decided_by", as: String?.self),
                         decidedAt: try row.decode(column: "decided_at", as: Date.self))
            }
    }

    static func letters(establishmentID: UUID, on database: any Database) async throws -> [Letter] {
        try await LetterRecord.query(on: database).filter(\.$establishment.$id == establishmentID).sort(\.$issuedAt, .descending)
            .rows(["id", "title", "issued_at"]) { output in
                Letter(id: try output.decode("id", as: UUID.self), title: try output.decode("title", as: String.self),
                       issuedAt: try output.decode("issued_at", as: Date.self))
            }
    }
}
