import Fluent
import Foundation

/// A meeting held about an establishment (TAS, TAG, TIB, risk assessment meeting), as minuted.
/// Added, never edited.
final class MeetingRecord: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "academic_year") var academicYear: Int
    /// The entitlement kind it meets: tas_meetings, tag_meetings, tib_meetings, ...
    @Field(key: "kind") var kind: String
    @Field(key: "date") var date: String
    @Field(key: "attendees") var attendees: String
    @Field(key: "minutes") var minutes: String
    /// high, medium or low vulnerability against a good judgement from Ofsted, where the meeting ends with one.
    @OptionalField(key: "risk") var risk: String?
    /// For an early years setting: progress against its agreed priorities (Annex 4).
    @OptionalField(key: "progress") var progress: String?
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// One action of an establishment's action plan (Hackney's single action plan, Milton Keynes'
/// TIB action plan, a TAS meeting's improvement priorities): what, who, by when.
final class PlanActionRecord: Model, @unchecked Sendable {
    static let schema = "plan_actions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "academic_year") var academicYear: Int
    @Field(key: "action") var action: String
    @Field(key: "owner") var owner: String
    @Field(key: "due") var due: String
    @OptionalParent(key: "created_by") var createdBy: User?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A term's review of an action: its status and a note. Appended; the latest for a term stands.
final class ActionReviewRecord: Model, @unchecked Sendable {
    static let schema = "plan_action_reviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "action_id") var action: PlanActionRecord
    @Field(key: "term") var term: String
    @Field(key: "status") var status: String
    @Field(key: "note") var note: String
    @OptionalParent(key: "reviewed_by") var reviewedBy: User?
    @Field(key: "reviewed_at") var reviewedAt: Date

    init() {}
}

/// A TIB exit criterion judged met or not, with its evidence. Appended; the latest stands.
final class ExitCriterionRecord: Model, @unchecked Sendable {
    static let schema = "exit_criteria"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "criterion") var criterion: String
    @Field(key: "met") var met: Bool
    @Field(key: "evidence") var evidence: String
    @OptionalParent(key: "judged_by") var judgedBy: User?
    @Field(key: "judged_at") var judgedAt: Date

    init() {}
}

struct CreateMeetings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MeetingRecord.schema).id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("academic_year", .int, .required).field("kind", .string, .required).field("date", .string, .required)
            .field("attendees", .string, .required).field("minutes", .string, .required)
            .field("risk", .string).field("progress", .string)
            .field("recorded_by", .uuid, .references(User.schema, "id")).field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(PlanActionRecord.schema).id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("academic_year", .int, .required).field("action", .string, .required)
            .field("owner", .string, .required).field("due", .string, .required)
            .field("created_by", .uuid, .references(User.schema, "id")).field("created_at", .datetime, .required)
            .create()
        try await database.schema(ActionReviewRecord.schema).id()
            .field("action_id", .uuid, .required, .references(PlanActionRecord.schema, "id"))
            .field("term", .string, .required).field("status", .string, .required).field("note", .string, .required)
            .field("reviewed_by", .uuid, .references(User.schema, "id")).field("reviewed_at", .datetime, .required)
            .create()
        try await database.schema(ExitCriterionRecord.schema).id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("criterion", .string, .required).field("met", .bool, .required).field("evidence", .string, .required)
            .field("judged_by", .uuid, .references(User.schema, "id")).field("judged_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExitCriterionRecord.schema).delete()
        try await database.schema(ActionReviewRecord.schema).delete()
        try await database.schema(PlanActionRecord.schema).delete()
        try await database.schema(MeetingRecord.schema).delete()
    }
}
