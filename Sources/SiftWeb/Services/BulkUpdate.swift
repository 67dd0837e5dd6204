import Fluent
import FluentSQL
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Establishments an import changed, and their evidence, updated many rows a statement
/// (`UPDATE … FROM (VALUES …)`, which both SQLite and PostgreSQL take). Saving each model in
/// turn cost three statements an establishment, most of an import of a national table.
enum BulkUpdate {
    static let rowsPerStatement = 200

    /// Stores each record's name, kind, phase and proposal. Run it inside the import's transaction.
    static func establishments(_ records: [EstablishmentRecord], at now: Date, on database: any Database) async throws {
        guard database is any SQLDatabase else {
            for record in records { try await record.save(on: database) }
            return
        }
        let rows: [[BulkInsert.Value]] = try records.map { record in
            [.id(try record.requireID()), .text(record.name), .text(record.kind), .text(record.phase), .text(record.proposedCategory),
             .text(record.proposedDesignation), .bool(record.needsJudgement), .text(record.nationalGaps), .text(record.undetermined), .text(record.notCovered), .text(record.closed), .date(now)]
        }
        try await update(EstablishmentRecord.schema, key: "id",
                         columns: ["name", "kind", "phase", "proposed_category", "proposed_designation", "needs_judgement", "national_gaps", "undetermined",
                                   "not_covered", "closed", "updated_at"],
                         rows, on: database)
        for record in records { record.updatedAt = now }
    }

    /// Replaces the evidence of each establishment (by id). Run it inside the import's transaction.
    static func evidence(_ texts: [(UUID, String)], on database: any Database) async throws {
        guard database is any SQLDatabase else {
            for (id, text) in texts {
                let record = EstablishmentRecord()
                record.id = id
                try await EvidenceStore.save(text, for: record, on: database)
            }
            return
        }
        try await update(EvidenceRecord.schema, key: "establishment_id", columns: ["evidence"], texts.map { [.id($0.0), .text($0.1)] }, on: database)
    }

    /// Sets `columns` of the rows whose `key` is each row's first value, from the values
    /// after it.
    static func update(_ table: String, key: String, columns: [String], _ rows: [[BulkInsert.Value]], on database: any Database) async throws {
        let names = [key] + columns
        let assignments = columns.map { "\"\($0)\" = v.\"\($0)\"" }.joined(separator: ", ")
        let head = "UPDATE \"\(table)\" SET \(assignments) FROM (VALUES "
        let tail = ") AS v(\(names.map { "\"\($0)\"" }.joined(separator: ", "))) WHERE \"\(table)\".\"\(key)\" = v.\"\(key)\""
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let batch = rows[start..<min(start + rowsPerStatement, rows.count)]
            if let sqlite = database as? any SQLiteDatabase {
                // SQLite names a VALUES list's columns column1, column2, …: a common table
                // expression gives them the table's names.
                let placeholders = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
                let statement = "WITH v(\(names.map { "\"\($0)\"" }.joined(separator: ", "))) AS (VALUES "
                    + Array(repeating: placeholders, count: batch.count).joined(separator: ", ")
                    + ") UPDATE \"\(table)\" SET \(assignments) FROM v WHERE \"\(table)\".\"\(key)\" = v.\"\(key)\""
                var binds: [SQLiteData] = []
                binds.reserveCapacity(batch.count * names.count)
                for row in batch { for value in row { binds.append(value.sqlite) } }
                try await sqlite.query(statement, binds) { _ in }
            } else if let sql = database as? any SQLDatabase {
                var query = SQLQueryString(head)
                for (index, row) in batch.enumerated() {
                    query.appendLiteral(index == 0 ? "(" : ", (")
                    for (position, value) in row.enumerated() {
                        if position > 0 { query.appendLiteral(", ") }
                        query.appendInterpolation(value.bind)
                    }
                    query.appendLiteral(")")
                }
                query.appendLiteral(tail)
                try await sql.raw(query).run()
            }
        }
    }
}
