import Fluent
import Foundation
import SiftCore
import Vapor

/// Coventry's partnership: schools opting out of support and back in, and the areas of
/// strength schools offer one another.
enum Partnership {
    /// The areas a strength is recorded under: the seed's core criteria and the data it names
    /// ("attendance data, financial sustainability"), with the aspects networks support.
    static let areas = [
        "Leadership and management", "Governance", "Curriculum and teaching", "Early years (EYFS)", "Phonics and early reading",
        "Achievement at key stage 2", "Attendance", "Behaviour and attitudes", "SEND and inclusion", "Safeguarding",
        "Financial sustainability",
    ]

    /// How a strength came to be known, as the seed lists them under "Support from Schools".
    static let sources = [
        ("directory", "Coventry Leaders' Directory"), ("cmo", "CMO feedback"), ("system", "System leadership models"),
        ("network", "Network Leads"),
    ]

    static func optOuts(establishmentID: UUID, on database: any Database) async throws -> [SupportOptOutRecord] {
        try await SupportOptOutRecord.query(on: database).filter(\.$establishment.$id == establishmentID).with(\.$recordedBy).all()
            .sorted { $0.recordedAt > $1.recordedAt }
    }

    /// Records an opt-out or an opt-in. The evidence's `local.optedOut` is set or cleared through
    /// the evidence form's path, so the framework's entitlements and the proposal follow; the
    /// evidence's problems, if any, are returned and nothing is stored.
    static func recordOptOut(_ request: Request, user: User, record: EstablishmentRecord, optedOut: Bool, toldOn: Day?,
                             reason: String, fundingReview: Bool) async throws -> [EvidenceProblem] {
        let members = try await EvidenceEdit.members(of: record, on: request.db)
        var local = (members.first { $0.key == "local" }?.value.members ?? []).filter { $0.key != "optedOut" }
        if optedOut { local.append(.init(key: "optedOut", value: Tree(.bool(true)))) }
        let problems = try await EvidenceEdit.save(EvidenceEdit.replacing("local", with: Tree(.object(local)), in: members), of: record, by: user,
                                                   describing: optedOut ? "opted out of support" : "opted back in to support", request: request)
        guard problems.isEmpty else { return problems }
        let entry = SupportOptOutRecord()
        entry.$authority.id = user.$authority.id
        entry.$establishment.id = try record.requireID()
        entry.optedOut = optedOut
        entry.toldOn = toldOn?.description
        entry.reason = reason
        entry.fundingReview = fundingReview
        entry.$recordedBy.id = user.id
        entry.recordedAt = request.now
        try await entry.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: optedOut ? "support_opted_out" : "support_opted_in",
                               detail: "\(record.urn): \(reason)" + (toldOn.map { "; told the reasons on \($0)" } ?? "")
                                   + (fundingReview ? "; funding to be reviewed" : ""))
        return []
    }

    /// A strength with its establishment and its withdrawal, if any.
    struct Strength: Sendable {
        var record: StrengthRecord
        var withdrawal: StrengthWithdrawalRecord?
    }

    /// The strengths of one establishment, or (with nil) of the whole authority, the latest first.
    static func strengths(authorityID: UUID, establishmentID: UUID?, on database: any Database) async throws -> [Strength] {
        var query = StrengthRecord.query(on: database).filter(\.$authority.$id == authorityID).with(\.$recordedBy).with(\.$establishment)
        if let establishmentID { query = query.filter(\.$establishment.$id == establishmentID) }
        let records = try await query.all()
        let ids = records.compactMap(\.id)
        let withdrawals = ids.isEmpty ? [] : try await StrengthWithdrawalRecord.query(on: database).filter(\.$strength.$id ~~ ids)
            .with(\.$withdrawnBy).all()
        let byStrength = Dictionary(withdrawals.map { ($0.$strength.id, $0) }, uniquingKeysWith: { first, _ in first })
        return records.sorted { $0.recordedAt > $1.recordedAt }.map { Strength(record: $0, withdrawal: byStrength[$0.id!]) }
    }

    static func addStrength(_ request: Request, user: User, record: EstablishmentRecord, area: String, detail: String, via: String) async throws {
        let strength = StrengthRecord()
        strength.$authority.id = user.$authority.id
        strength.$establishment.id = try record.requireID()
        strength.area = area
        strength.detail = detail
        strength.identifiedVia = via
        strength.$recordedBy.id = user.id
        strength.recordedAt = request.now
        try await strength.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "strength_recorded",
                               detail: "\(record.urn): \(area)")
    }

    static func withdraw(_ request: Request, user: User, record: EstablishmentRecord, strength: StrengthRecord, reason: String) async throws {
        let withdrawal = StrengthWithdrawalRecord()
        withdrawal.$strength.id = try strength.requireID()
        withdrawal.reason = reason
        withdrawal.$withdrawnBy.id = user.id
        withdrawal.withdrawnAt = request.now
        try await withdrawal.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "strength_withdrawn",
                               detail: "\(record.urn): \(strength.area): \(reason)")
    }
}
