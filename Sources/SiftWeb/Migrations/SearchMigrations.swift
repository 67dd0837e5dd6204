import Fluent
import FluentSQL
import Foundation

/// The words establishments are found by (`SearchWords`), filled in for those already stored.
struct CreateSearchWords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SearchWords.table)
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id", onDelete: .cascade))
            .field("authority_id", .uuid, .required)
            .field("word", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX establishment_words_lookup ON \(unsafeRaw: SearchWords.table) (authority_id, word, establishment_id)").run()
        try await sql.raw("CREATE INDEX establishment_words_owner ON \(unsafeRaw: SearchWords.table) (establishment_id)").run()
        // The columns this migration needs, by name: a query of the model would ask for
        // columns that later migrations add.
        let stored = try await sql.select().columns("id", "authority_id", "urn", "name").from(EstablishmentRecord.schema).all().map { row in
            let record = EstablishmentRecord(authorityID: try row.decode(column: "authority_id", as: UUID.self),
                                             urn: try row.decode(column: "urn", as: String.self), name: try row.decode(column: "name", as: String.self),
                                             kind: "", phase: nil, network: nil)
            record.id = try row.decode(column: "id", as: UUID.self)
            return record
        }
        try await SearchWords.replace(for: stored, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SearchWords.table).delete()
    }
}

/// Indexes that answer each filter of the establishment list, its count and its order from
/// the index alone, replacing the narrower ones before them.
struct WidenListIndexes: AsyncMigration {
    static let indexes: [(name: String, columns: String)] = [
        ("establishments_list_category", "authority_id, proposed_category, name, urn"),
        ("establishments_list_network", "authority_id, network, name, urn"),
        ("establishments_list_kind", "authority_id, kind, name, urn"),
        ("establishments_list_phase", "authority_id, phase, name, urn"),
    ]
    static let replaced = ["establishments_authority_category", "establishments_authority_network"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: index.name) ON \(unsafeRaw: EstablishmentRecord.schema) (\(unsafeRaw: index.columns))").run()
        }
        for name in Self.replaced { try await sql.raw("DROP INDEX \(unsafeRaw: name)").run() }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.raw("DROP INDEX \(unsafeRaw: index.name)").run() }
        for (name, columns) in [("establishments_authority_category", "authority_id, proposed_category"), ("establishments_authority_network", "authority_id, network")] {
            try await sql.raw("CREATE INDEX \(unsafeRaw: name) ON \(unsafeRaw: EstablishmentRecord.schema) (\(unsafeRaw: columns))").run()
        }
    }
}

/// Search reads the words table (`SearchWords`): the lower-case copy of each name it used
/// before is derived data no longer read, so it goes.
struct DropSearchName: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).deleteField("search_name").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).field("search_name", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("UPDATE \(unsafeRaw: EstablishmentRecord.schema) SET search_name = lower(name)").run()
    }
}

