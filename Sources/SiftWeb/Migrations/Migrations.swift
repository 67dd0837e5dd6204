import Fluent
import FluentSQL

/// Every migration, in the order it runs. Each is reversible.
enum Migrations {
    static let all: [any AsyncMigration] = [
        CreateAuthority(), CreateUser(), CreateUserSession(), CreateEstablishment(), CreateDecision(), CreateAuditEntry(),
        CreateRun(), CreateLetter(), AddCurrentCategoryToEstablishment(), CreateIndexes(), MoveEvidenceToItsOwnTable(),
        CreateSearchWords(), WidenListIndexes(), DropSearchName(), AddAuthorityDataVersion(),
        CreateNationalQuintiles(), CreatePlanActivities(), CreateSupportDelivered(), CreateCapacity(), CreateMeetings(),
        CreateComplianceChecks(), CreatePartnership(), CreateParameterValues(), AddNationalGapsToEstablishment(),
        AddUndeterminedToEstablishment(), AddExceptionToDecision(),
        AddScopeToEstablishment(), CreateEstablishmentLinks(), CreateNetworks(),
        AddTextColumns(name: "AddMoreFrameworksToAuthority", schema: Authority.schema, columns: ["more_frameworks"]),
    ]
}

struct CreateAuthority: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Authority.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("framework_id", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Authority.schema).delete()
    }
}

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("establishment_urn", .string)
            .field("network", .string)
            .field("failed_sign_ins", .int, .required)
            .field("locked_until", .datetime)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}

struct CreateUserSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserSession.schema).delete()
    }
}

struct CreateEstablishment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("urn", .string, .required)
            .field("name", .string, .required)
            .field("search_name", .string, .required)
            .field("kind", .string, .required)
            .field("phase", .string)
            .field("network", .string)
            .field("evidence", .string, .required)
            .field("proposed_category", .string)
            .field("proposed_designation", .string)
            .field("needs_judgement", .bool, .required)
            .field("updated_at", .datetime)
            .unique(on: "authority_id", "urn")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).delete()
    }
}

struct CreateDecision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DecisionRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("academic_year", .int, .required)
            .field("category", .string, .required)
            .field("designation", .string)
            .field("status", .string, .required)
            .field("reason", .string)
            .field("decided_by", .uuid, .references(User.schema, "id"))
            .field("decided_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DecisionRecord.schema).delete()
    }
}

struct CreateAuditEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("authority_id", .uuid, .references(Authority.schema, "id"))
            .field("user_id", .uuid, .references(User.schema, "id"))
            .field("action", .string, .required)
            .field("detail", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}

struct CreateRun: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RunRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("academic_year", .int, .required)
            .field("status", .string, .required)
            .field("started_by", .uuid, .references(User.schema, "id"))
            .field("started_at", .datetime, .required)
            .field("confirmed_by", .uuid, .references(User.schema, "id"))
            .field("confirmed_at", .datetime)
            .unique(on: "authority_id", "academic_year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RunRecord.schema).delete()
    }
}

struct CreateLetter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LetterRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("decision_id", .uuid, .required, .references(DecisionRecord.schema, "id"))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("issued_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LetterRecord.schema).delete()
    }
}

/// The category in force, kept on the establishment so lists need not read every decision;
/// the decisions remain the record.
struct AddCurrentCategoryToEstablishment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).field("current_category", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).deleteField("current_category").update()
    }
}

struct AddNationalGapsToEstablishment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).field("national_gaps", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).deleteField("national_gaps").update()
    }
}

struct AddUndeterminedToEstablishment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).field("undetermined", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).deleteField("undetermined").update()
    }
}

/// A decision a framework's constraint would refuse, made as an exception the framework allows.
struct AddExceptionToDecision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DecisionRecord.schema).field("exception", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DecisionRecord.schema).deleteField("exception").update()
    }
}

/// Why the authority's framework does not cover an establishment, where it does not, and
/// the day it closed, where it has.
struct AddScopeToEstablishment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one at a time.
        try await database.schema(EstablishmentRecord.schema).field("not_covered", .string).update()
        try await database.schema(EstablishmentRecord.schema).field("closed", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).deleteField("closed").update()
        try await database.schema(EstablishmentRecord.schema).deleteField("not_covered").update()
    }
}

/// Optional text columns added to a table, one statement each (SQLite adds one at a time).
/// Fluent records a migration by its name, so each use names itself.
struct AddTextColumns: AsyncMigration {
    let name: String
    let schema: String
    let columns: [String]

    func prepare(on database: any Database) async throws {
        for column in columns { try await database.schema(schema).field(.definition(name: .key(.string(column)), dataType: .string, constraints: [])).update() }
    }

    func revert(on database: any Database) async throws {
        for column in columns.reversed() { try await database.schema(schema).deleteField(.string(column)).update() }
    }
}

/// Indexes for the national scale: the list's order, its filters, and the decisions of an
/// establishment or a year. (Fluent's schema builder makes unique constraints only.)
struct CreateIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("establishments_authority_name", EstablishmentRecord.schema, "authority_id, name, urn"),
        ("establishments_authority_category", EstablishmentRecord.schema, "authority_id, proposed_category"),
        ("establishments_authority_network", EstablishmentRecord.schema, "authority_id, network"),
        ("decisions_establishment", DecisionRecord.schema, "establishment_id, decided_at"),
        ("decisions_authority_year", DecisionRecord.schema, "authority_id, academic_year"),
        ("letters_establishment", LetterRecord.schema, "establishment_id"),
        ("audit_entries_authority_at", AuditEntry.schema, "authority_id, at"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: index.name) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns))").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.raw("DROP INDEX \(unsafeRaw: index.name)").run() }
    }
}

/// Evidence moves out of the establishments table, so that lists and counts do not read
/// each row's evidence (a few kilobytes) to reach the columns after it.
struct MoveEvidenceToItsOwnTable: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EvidenceRecord.schema)
            .id()
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id", onDelete: .cascade))
            .field("evidence", .string, .required)
            .unique(on: "establishment_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("INSERT INTO \(unsafeRaw: EvidenceRecord.schema) (id, establishment_id, evidence) SELECT id, id, evidence FROM \(unsafeRaw: EstablishmentRecord.schema)").run()
        }
        try await database.schema(EstablishmentRecord.schema).deleteField("evidence").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EstablishmentRecord.schema).field("evidence", .string).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("UPDATE \(unsafeRaw: EstablishmentRecord.schema) SET evidence = (SELECT evidence FROM \(unsafeRaw: EvidenceRecord.schema) WHERE establishment_id = \(unsafeRaw: EstablishmentRecord.schema).id)").run()
        }
        try await database.schema(EvidenceRecord.schema).delete()
    }
}
