import Fluent
import Foundation
import SiftCore

/// One activity of an establishment's plan for an academic year. Rows are added, never
/// removed: moving an activity or re-planning after a change of category withdraws the row
/// (who, when, why) and adds its replacement, so the plan's history stays readable.
final class PlanActivityRecord: Model, @unchecked Sendable {
    static let schema = "plan_activities"

    enum Origin: String, Codable, Sendable {
        /// From the framework, for the category decided.
        case framework
        /// Agreed beyond the framework's plan.
        case extra
        /// An earlier activity moved to another term.
        case moved
        /// From the new category, after an in-year change.
        case replanned
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "academic_year") var academicYear: Int
    @Field(key: "term") var term: String
    @Field(key: "activity") var activity: String
    @Field(key: "amount") var amount: Double
    @Field(key: "unit") var unit: String
    @OptionalField(key: "kind") var kind: String?
    @Field(key: "category") var category: String
    @OptionalField(key: "cite") var cite: String?
    @Enum(key: "origin") var origin: Origin
    /// Why an extra activity was agreed or an activity moved.
    @OptionalField(key: "note") var note: String?
    @OptionalParent(key: "created_by") var createdBy: User?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @OptionalParent(key: "withdrawn_by") var withdrawnBy: User?
    @OptionalField(key: "withdrawn_reason") var withdrawnReason: String?

    init() {}

    init(authorityID: UUID, establishmentID: UUID, year: Int, item: PlanItem, origin: Origin, note: String?, by userID: UUID?, at time: Date) {
        $authority.id = authorityID
        $establishment.id = establishmentID
        academicYear = year
        term = item.term.rawValue
        activity = item.activity
        amount = item.amount
        unit = item.unit
        kind = item.kind
        category = item.category
        cite = item.cite
        self.origin = origin
        self.note = note
        $createdBy.id = userID
        createdAt = time
    }

    var item: PlanItem {
        PlanItem(term: PlanTerm(rawValue: term) ?? .year, activity: activity, amount: amount, unit: unit, kind: kind, category: category, cite: cite)
    }
}

struct CreatePlanActivities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanActivityRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("academic_year", .int, .required)
            .field("term", .string, .required)
            .field("activity", .string, .required)
            .field("amount", .double, .required)
            .field("unit", .string, .required)
            .field("kind", .string)
            .field("category", .string, .required)
            .field("cite", .string)
            .field("origin", .string, .required)
            .field("note", .string)
            .field("created_by", .uuid, .references(User.schema, "id"))
            .field("created_at", .datetime, .required)
            .field("withdrawn_at", .datetime)
            .field("withdrawn_by", .uuid, .references(User.schema, "id"))
            .field("withdrawn_reason", .string)
            .create()
        try await SupportIndexes.create(on: database, table: PlanActivityRecord.schema)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanActivityRecord.schema).delete()
    }
}
