import Fluent
import Foundation
import SiftCore
import Vapor

/// Checks of the compliance dashboard's items: read, checked as they come from a form or a
/// file, and stored with an entry in the audit log.
enum Compliance {
    /// A check as entered, once it reads without a problem.
    struct Entry: Sendable {
        var item: ComplianceItem
        var status: ComplianceStatus
        var checked: Day
        var note: String
    }

    /// A problem with one part of a check: `part` is "item", "status", "checked" or "note".
    struct Problem: Sendable {
        var part: String
        var message: String
    }

    /// What reading a form or a file gives: the value, or every problem found.
    enum Reading<Value, Failure> {
        case value(Value)
        case problems([Failure])
    }

    static let longestNote = 1000

    /// Reads one check; the same rules apply to the form and to every row of a file.
    static func entry(item: String, status: String, checked: String, note: String, today: Day) -> Reading<Entry, Problem> {
        var problems: [Problem] = []
        let chosen = ComplianceItem.named(item)
        if chosen == nil {
            let isRead = ComplianceItem.all.contains { $0.fromInspections && ($0.code == item.lowercased() || $0.label.lowercased() == item.lowercased()) }
            problems.append(.init(part: "item", message: item.trimmingCharacters(in: .whitespaces).isEmpty
                ? "Choose an item of the dashboard"
                : isRead ? "“\(item)” is read from the establishment's inspections, not entered"
                : "“\(item.prefix(60))” is not an item of the dashboard: use one of Annex 5's items, like budget or “Website compliant?”"))
        }
        let rag = ComplianceStatus(text: status)
        if rag == nil { problems.append(.init(part: "status", message: "Choose the status: red, amber or green")) }
        let day = Day(checked.trimmingCharacters(in: .whitespaces))
        if day == nil {
            problems.append(.init(part: "checked", message: "Enter the date it was checked, like 2025-03-14"))
        } else if let day, day > today {
            problems.append(.init(part: "checked", message: "The date it was checked must be today or in the past"))
        }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > longestNote { problems.append(.init(part: "note", message: "The note must be 1,000 characters or fewer")) }
        guard problems.isEmpty, let chosen, let rag, let day else { return .problems(problems) }
        return .value(Entry(item: chosen, status: rag, checked: day, note: text))
    }

    /// Every check of an establishment, the latest first.
    static func checks(establishmentID: UUID, on database: any Database) async throws -> [ComplianceCheckRecord] {
        try await ComplianceCheckRecord.query(on: database).filter(\.$establishment.$id == establishmentID)
            .with(\.$recordedBy).all()
            .sorted { ($0.recordedAt, $0.checkedOn) > ($1.recordedAt, $1.checkedOn) }
    }

    /// Stores checks of establishments of the user's authority, all or none, and audits them.
    static func store(_ request: Request, user: User, entries: [(EstablishmentRecord, Entry)], source: String) async throws {
        let records = try entries.map { establishment, entry in
            let record = ComplianceCheckRecord()
            record.$authority.id = user.$authority.id
            record.$establishment.id = try establishment.requireID()
            record.item = entry.item.code
            record.status = entry.status.rawValue
            record.checkedOn = entry.checked.description
            record.note = entry.note
            record.source = source
            record.$recordedBy.id = user.id
            record.recordedAt = request.now
            return record
        }
        try await request.db.transaction { database in try await records.create(on: database) }
        let fromForm = source == "form"
        let detail = fromForm
            ? entries.map { "\($0.0.urn): \($0.1.item.label) \($0.1.status.label), checked \($0.1.checked)" }[0]
            : "\(entries.count) checks from \(source): " + Set(entries.map(\.0.urn)).sorted().prefix(20).joined(separator: ", ")
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id,
                               action: fromForm ? "compliance_checked" : "compliance_imported", detail: detail)
    }
}
