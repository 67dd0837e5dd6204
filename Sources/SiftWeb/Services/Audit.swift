import Foundation
import Fluent
import Vapor

/// The audit log: who did what, when, in which authority.
enum Audit {
    static func record(_ request: Request, authorityID: UUID?, userID: UUID?, action: String, detail: String) async throws {
        try await AuditEntry(authorityID: authorityID, userID: userID, action: action, detail: detail, at: request.now).save(on: request.db)
    }
}
