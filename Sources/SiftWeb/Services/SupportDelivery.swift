import Fluent
import FluentSQL
import Foundation
import SiftCore
import Vapor

/// Support delivered: recorded by officers, counted against the plan, and totalled for the
/// year per establishment and per adviser.
enum SupportDelivery {
    static let kinds: [(String, String)] = [("visit", "Visit"), ("meeting", "Meeting"), ("review", "Review"), ("support", "Support"), ("other", "Other")]
    static let units = ["visits", "days", "hours", "meetings", "reviews"]

    static func records(establishmentID: UUID, year: Int, on database: any Database) async throws -> [SupportRecord] {
        try await SupportRecord.query(on: database).filter(\.$establishment.$id == establishmentID).filter(\.$academicYear == year)
            .with(\.$adviser).sort(\.$date, .descending).sort(\.$recordedAt, .descending).all()
    }

    /// What was delivered in each unit.
    static func delivered(_ records: [SupportRecord]) -> [String: Double] {
        records.reduce(into: [:]) { $0[$1.unit, default: 0] += $1.amount }
    }

    static func log(_ request: Request, user: User, record: EstablishmentRecord, delivered: SupportRecord) async throws {
        try await delivered.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "support_delivered",
                               detail: "\(record.urn) \(delivered.date): \(delivered.kind), \(Tree.format(delivered.amount)) \(delivered.unit)")
    }

    /// Shares a record's notes with the school's own users.
    static func share(_ request: Request, user: User, record: EstablishmentRecord, delivered: SupportRecord) async throws {
        guard delivered.sharedAt == nil else { return }
        delivered.sharedAt = request.now
        try await delivered.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "support_notes_shared",
                               detail: "\(record.urn) \(delivered.date): notes of the \(delivered.kind) shared with the school")
    }

    /// The advisers an officer can record support against: the authority's officers and administrators.
    static func advisers(authorityID: UUID, on database: any Database) async throws -> [User] {
        try await User.query(on: database).filter(\.$authority.$id == authorityID)
            .filter(\.$role ~~ [.officer, .administrator]).sort(\.$name).all()
    }
}
