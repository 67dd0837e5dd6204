import Fluent
import Foundation

/// A school opting out of the support offered, or back in (Coventry, "What happens if a school
/// does not agree with the categorisation and/or does not wish to engage with support?").
/// Appended; the latest is in force.
final class SupportOptOutRecord: Model, @unchecked Sendable {
    static let schema = "support_opt_outs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    /// True for opting out, false for opting back in.
    @Field(key: "opted_out") var optedOut: Bool
    /// The day governors or trustees and leaders were told the reasons for the support offered, `YYYY-MM-DD`.
    @OptionalField(key: "told_on") var toldOn: String?
    @Field(key: "reason") var reason: String
    /// Whether the network funding is to be reviewed, as the seed says it "would be reviewed".
    @Field(key: "funding_review") var fundingReview: Bool
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// An area in which an establishment has strength to share with others (Coventry, "Support
/// from Schools"). Withdrawn by appending a `StrengthWithdrawalRecord`, never deleted.
final class StrengthRecord: Model, @unchecked Sendable {
    static let schema = "strengths"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "area") var area: String
    @Field(key: "detail") var detail: String
    /// How the strength was identified: the seed's directory, CMO feedback, system leadership or network leads.
    @Field(key: "identified_via") var identifiedVia: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// The end of an area of strength: who withdrew it, when and why.
final class StrengthWithdrawalRecord: Model, @unchecked Sendable {
    static let schema = "strength_withdrawals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "strength_id") var strength: StrengthRecord
    @Field(key: "reason") var reason: String
    @OptionalParent(key: "withdrawn_by") var withdrawnBy: User?
    @Field(key: "withdrawn_at") var withdrawnAt: Date

    init() {}
}

struct CreatePartnership: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SupportOptOutRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("opted_out", .bool, .required)
            .field("told_on", .string)
            .field("reason", .string, .required)
            .field("funding_review", .bool, .required)
            .field("recorded_by", .uuid, .references(User.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(StrengthRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("area", .string, .required)
            .field("detail", .string, .required)
            .field("identified_via", .string, .required)
            .field("recorded_by", .uuid, .references(User.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(StrengthWithdrawalRecord.schema)
            .id()
            .field("strength_id", .uuid, .required, .references(StrengthRecord.schema, "id"))
            .field("reason", .string, .required)
            .field("withdrawn_by", .uuid, .references(User.schema, "id"))
            .field("withdrawn_at", .datetime, .required)
            .unique(on: "strength_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StrengthWithdrawalRecord.schema).delete()
        try await database.schema(StrengthRecord.schema).delete()
        try await database.schema(SupportOptOutRecord.schema).delete()
    }
}
