import Fluent
import FluentSQL
import Foundation
import Vapor

/// New establishments and their evidence inserted a few hundred rows a statement. Saving
/// models one at a time cost most of an import of a national file (45,000 new schools).
enum BulkInsert {
    static let rowsPerStatement = 200

    /// An id to bind. SQLite keeps a UUID as its text, which binding the text gives without
    /// the general encoder: a national import binds a million of them. PostgreSQL's uuid
    /// column takes the UUID itself.
    static func bind(_ id: UUID, for sql: any SQLDatabase) -> SQLBind {
        sql.dialect.name == "sqlite" ? SQLBind(id.uuidString) : SQLBind(id)
    }

    /// Gives each record an id, inserts the records and their evidence (one text each, in the
    /// same order), and marks the records as stored. Run it inside the import's transaction.
    static func establishments(_ records: [EstablishmentRecord], evidence: [String], at now: Date, on database: any Database) async throws {
        precondition(records.count == evidence.count, "one evidence text per establishment")
        guard let sql = database as? any SQLDatabase else {
            for (record, text) in zip(records, evidence) {
                try await record.create(on: database)
                try await EvidenceRecord(establishmentID: try record.requireID(), evidence: text).create(on: database)
            }
            return
        }
        for record in records where record.id == nil { record.id = UUID() }
        for start in stride(from: 0, to: records.count, by: rowsPerStatement) {
            let batch = start..<min(start + rowsPerStatement, records.count)
            let rows = sql.insert(into: EstablishmentRecord.schema)
                .columns("id", "authority_id", "urn", "name", "kind", "phase", "network", "proposed_category", "proposed_designation",
                         "needs_judgement", "current_category", "updated_at")
            let texts = sql.insert(into: EvidenceRecord.schema).columns("id", "establishment_id", "evidence")
            for index in batch {
                let record = records[index], id = try record.requireID()
                rows.values([bind(id, for: sql), bind(record.$authority.id, for: sql), SQLBind(record.urn), SQLBind(record.name), SQLBind(record.kind),
                             SQLBind(record.phase), SQLBind(record.network), SQLBind(record.proposedCategory), SQLBind(record.proposedDesignation),
                             SQLBind(record.needsJudgement), SQLBind(record.currentCategory), SQLBind(now)] as [any SQLExpression])
                texts.values([bind(id, for: sql), bind(id, for: sql), SQLBind(evidence[index])] as [any SQLExpression])
            }
            try await rows.run()
            try await texts.run()
        }
        for record in records { record.$id.exists = true }
    }
}
