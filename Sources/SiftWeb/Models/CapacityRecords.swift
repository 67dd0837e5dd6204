import Fluent
import Foundation

/// The days an adviser has for support in one term of a year. Appended; the latest for an
/// adviser, year and term is in force.
final class AdviserDaysRecord: Model, @unchecked Sendable {
    static let schema = "adviser_days"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "user_id") var adviser: User
    @Field(key: "academic_year") var academicYear: Int
    @Field(key: "term") var term: String
    @Field(key: "days") var days: Double
    @OptionalParent(key: "set_by") var setBy: User?
    @Field(key: "set_at") var setAt: Date

    init() {}
}

/// An establishment's adviser from a date. Appended; the latest is in force, and one with no
/// adviser ends an assignment.
final class AdviserAssignmentRecord: Model, @unchecked Sendable {
    static let schema = "adviser_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @OptionalParent(key: "user_id") var adviser: User?
    @OptionalParent(key: "assigned_by") var assignedBy: User?
    @Field(key: "assigned_at") var assignedAt: Date

    init() {}
}

/// The days one unit of planned support takes an adviser, as the authority sets it. Appended;
/// the latest for a unit is in force.
final class DayConversionRecord: Model, @unchecked Sendable {
    static let schema = "day_conversions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Field(key: "unit") var unit: String
    @Field(key: "days") var days: Double
    @OptionalParent(key: "set_by") var setBy: User?
    @Field(key: "set_at") var setAt: Date

    init() {}
}

struct CreateCapacity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AdviserDaysRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("academic_year", .int, .required)
            .field("term", .string, .required)
            .field("days", .double, .required)
            .field("set_by", .uuid, .references(User.schema, "id"))
            .field("set_at", .datetime, .required)
            .create()
        try await database.schema(AdviserAssignmentRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("user_id", .uuid, .references(User.schema, "id"))
            .field("assigned_by", .uuid, .references(User.schema, "id"))
            .field("assigned_at", .datetime, .required)
            .create()
        try await database.schema(DayConversionRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("unit", .string, .required)
            .field("days", .double, .required)
            .field("set_by", .uuid, .references(User.schema, "id"))
            .field("set_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DayConversionRecord.schema).delete()
        try await database.schema(AdviserAssignmentRecord.schema).delete()
        try await database.schema(AdviserDaysRecord.schema).delete()
    }
}
