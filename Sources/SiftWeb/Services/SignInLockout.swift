import Fluent
import FluentSQL
import Foundation
import Vapor

/// A failed sign-in counted by the database itself: `failed_sign_ins + 1` in one statement, so
/// that forty wrong passwords sent at once count forty, not the few a read-then-write would.
enum SignInLockout {
    /// Counts one failure; returns true when it locks the account (the count reached the
    /// threshold, and is started again).
    static func failed(_ user: User, threshold: Int, until: Date, on database: any Database) async throws -> Bool {
        let id = try user.requireID()
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError, reason: "sign-ins are counted in an SQL database") }
        let count = try await sql.update(User.schema)
            .set(SQLIdentifier("failed_sign_ins"), to: SQLBinaryExpression(SQLIdentifier("failed_sign_ins"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(id))
            .returning("failed_sign_ins").first()?.decode(column: "failed_sign_ins", as: Int.self) ?? 0
        guard count >= threshold else { return false }
        // Only the attempt that finds the count at the threshold locks it and starts it again.
        let locked = try await sql.update(User.schema)
            .set("locked_until", to: SQLBind(until)).set("failed_sign_ins", to: SQLBind(0))
            .where("id", .equal, SQLBind(id)).where("failed_sign_ins", .greaterThanOrEqual, SQLBind(threshold))
            .returning("id").all()
        return !locked.isEmpty
    }
}
