import Fluent
import FluentSQL

/// Each authority's data version: a number SQLite's triggers move on whenever one of the
/// authority's establishments is added, changed or removed, in the same transaction. The
/// words establishments are found by change only with their names, in the same transaction
/// as the establishment itself, so they need no trigger of their own. What is worked out from the establishments (the
/// list's counts) is kept against it and is never read under a later version.
///
/// PostgreSQL keeps the column at 0 and nothing is kept against it there: a counter row
/// moved by triggers would be locked after the rows a statement changed, and two writers of
/// one authority could then deadlock.
struct AddAuthorityDataVersion: AsyncMigration {
    static let triggers: [(name: String, event: String, table: String, row: String)] = [
        ("establishments_added", "INSERT", EstablishmentRecord.schema, "NEW"),
        ("establishments_changed", "UPDATE", EstablishmentRecord.schema, "NEW"),
        ("establishments_removed", "DELETE", EstablishmentRecord.schema, "OLD"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(Authority.schema).field("data_version", .int64, .required, .sql(.default(0))).update()
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        for trigger in Self.triggers {
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: trigger.name) AFTER \(unsafeRaw: trigger.event) ON \(unsafeRaw: trigger.table) BEGIN \
                UPDATE \(unsafeRaw: Authority.schema) SET data_version = data_version + 1 WHERE id = \(unsafeRaw: trigger.row).authority_id; END
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" {
            for trigger in Self.triggers { try await sql.raw("DROP TRIGGER \(unsafeRaw: trigger.name)").run() }
        }
        try await database.schema(Authority.schema).deleteField("data_version").update()
    }
}
