import Foundation
import Fluent
import Vapor

/// The audit log: who did what, when, in which authority.
enum Audit {
    static func record(_ request: Request, authorityID: UUID?, userID: UUID?, action: String, detail: String) async throws {
        try await record(on: request.db, at: request.now, authorityID: authorityID, userID: userID, action: action, detail: detail)
    }

    static func record(on database: any Database, at time: Date, authorityID: UUID?, userID: UUID?, action: String, detail: String) async throws {
        try await AuditEntry(authorityID: authorityID, userID: userID, action: action, detail: detail, at: time).save(on: database)
    }
}
