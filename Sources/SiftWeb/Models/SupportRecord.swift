import Fluent
import FluentSQL
import Foundation

/// Support delivered to an establishment: a visit or meeting that took place, counted against
/// its plan. Added, never edited, except that its notes can be shared with the school.
final class SupportRecord: Model, @unchecked Sendable {
    static let schema = "support_delivered"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "academic_year") var academicYear: Int
    /// The planned activity it delivers, if any: unplanned support is recorded too.
    @OptionalParent(key: "plan_activity_id") var planActivity: PlanActivityRecord?
    @Field(key: "date") var date: String
    /// visit, meeting, review, support, other.
    @Field(key: "kind") var kind: String
    @Field(key: "amount") var amount: Double
    @Field(key: "unit") var unit: String
    /// The adviser who delivered it.
    @OptionalParent(key: "adviser_id") var adviser: User?
    @Field(key: "notes") var notes: String
    @Field(key: "outcome") var outcome: String
    /// When the notes were shared with the school's own users; until then they see only that it took place.
    @OptionalField(key: "shared_at") var sharedAt: Date?
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

struct CreateSupportDelivered: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SupportRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("academic_year", .int, .required)
            .field("plan_activity_id", .uuid, .references(PlanActivityRecord.schema, "id"))
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("amount", .double, .required)
            .field("unit", .string, .required)
            .field("adviser_id", .uuid, .references(User.schema, "id"))
            .field("notes", .string, .required)
            .field("outcome", .string, .required)
            .field("shared_at", .datetime)
            .field("recorded_by", .uuid, .references(User.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await SupportIndexes.create(on: database, table: SupportRecord.schema)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupportRecord.schema).delete()
    }
}

/// A plan or delivery table is read by establishment and year, and summed by authority and year.
enum SupportIndexes {
    static func create(on database: any Database, table: String) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "\(table)_by_establishment").on(table).column("establishment_id").column("academic_year").run()
        try await sql.create(index: "\(table)_by_authority").on(table).column("authority_id").column("academic_year").run()
    }
}
