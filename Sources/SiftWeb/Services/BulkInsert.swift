import Fluent
import FluentSQL
import FluentSQLiteDriver
import Foundation
import Vapor

/// New establishments, their evidence and their search words inserted many rows a
/// statement. Saving models one at a time cost most of an import of a national file (45,000
/// new schools); on SQLite the values are bound directly, since SQLKit's serializer and
/// encoder cost more than SQLite's own work for a national file's million values.
enum BulkInsert {
    static let rowsPerStatement = 200

    /// A value of a row, bound as each database takes it.
    enum Value: Sendable {
        case id(UUID)
        case text(String?)
        case int(Int?)
        case double(Double?)
        case bool(Bool?)
        case date(Date)

        /// SQLite keeps a UUID as its text, and Fluent's SQLite driver keeps booleans as 0 and
        /// 1 and dates as seconds since 1970: the same as SQLiteNIO's own conversions.
        var sqlite: SQLiteData {
            switch self {
            case .id(let id): return .text(id.uuidString)
            case .text(let text): return text.map(SQLiteData.text) ?? .null
            case .int(let number): return number.map { .integer($0) } ?? .null
            case .double(let number): return number.map { .float($0) } ?? .null
            case .bool(let flag): return flag.map { .integer($0 ? 1 : 0) } ?? .null
            case .date(let date): return date.sqliteData ?? .null
            }
        }

        /// PostgreSQL's uuid column takes the UUID itself.
        var bind: SQLBind {
            switch self {
            case .id(let id): return SQLBind(id)
            case .text(let text): return SQLBind(text)
            case .int(let number): return SQLBind(number)
            case .double(let number): return SQLBind(number)
            case .bool(let flag): return SQLBind(flag)
            case .date(let date): return SQLBind(date)
            }
        }
    }

    /// Inserts rows of `columns`, `perStatement` rows a statement. Run it inside a transaction.
    static func rows(into table: String, columns: [String], _ rows: [[Value]], perStatement: Int = rowsPerStatement,
                     on database: any Database) async throws {
        if let sqlite = database as? any SQLiteDatabase {
            let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            for start in stride(from: 0, to: rows.count, by: perStatement) {
                let batch = rows[start..<min(start + perStatement, rows.count)]
                let statement = "INSERT INTO \"\(table)\" (\(names)) VALUES " + Array(repeating: placeholders, count: batch.count).joined(separator: ", ")
                var binds: [SQLiteData] = []
                binds.reserveCapacity(batch.count * columns.count)
                for row in batch { for value in row { binds.append(value.sqlite) } }
                try await sqlite.query(statement, binds) { _ in }
            }
        } else if let sql = database as? any SQLDatabase {
            for start in stride(from: 0, to: rows.count, by: perStatement) {
                let insert = sql.insert(into: table).columns(columns)
                for row in rows[start..<min(start + perStatement, rows.count)] { insert.values(row.map(\.bind) as [any SQLExpression]) }
                try await insert.run()
            }
        }
    }

    /// Gives each record an id, inserts the records and their evidence (one text each, in the
    /// same order), and marks the records as stored. Run it inside the import's transaction.
    static func establishments(_ records: [EstablishmentRecord], evidence: [String], at now: Date, on database: any Database) async throws {
        precondition(records.count == evidence.count, "one evidence text per establishment")
        guard database is any SQLDatabase else {
            for (record, text) in zip(records, evidence) {
                try await record.create(on: database)
                try await EvidenceRecord(establishmentID: try record.requireID(), evidence: text).create(on: database)
            }
            return
        }
        for record in records where record.id == nil { record.id = UUID() }
        let rows: [[Value]] = try records.map { record in
            [.id(try record.requireID()), .id(record.$authority.id), .text(record.urn), .text(record.name), .text(record.kind),
             .text(record.phase), .text(record.network), .text(record.proposedCategory), .text(record.proposedDesignation),
             .bool(record.needsJudgement), .text(record.currentCategory), .text(record.nationalGaps), .text(record.undetermined), .text(record.notCovered), .text(record.closed), .date(now)]
        }
        try await Self.rows(into: EstablishmentRecord.schema,
                            columns: ["id", "authority_id", "urn", "name", "kind", "phase", "network", "proposed_category",
                                      "proposed_designation", "needs_judgement", "current_category", "national_gaps", "undetermined", "not_covered", "closed", "updated_at"],
                            rows, on: database)
        let texts: [[Value]] = try zip(records, evidence).map { record, text in
            let id = try record.requireID()
            return [.id(id), .id(id), .text(text)]
        }
        try await Self.rows(into: EvidenceRecord.schema, columns: ["id", "establishment_id", "evidence"], texts, on: database)
        for record in records { record.$id.exists = true }
    }
}
