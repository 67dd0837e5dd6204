import Fluent
import Foundation

/// One check of one item of an establishment's compliance dashboard (Wolverhampton, Annex 5):
/// its RAG status, the day it was checked and a note. Appended, never edited: the latest for
/// an item is in force and the earlier ones are its history.
final class ComplianceCheckRecord: Model, @unchecked Sendable {
    static let schema = "compliance_checks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "item") var item: String
    @Field(key: "status") var status: String
    /// The day it was checked, as `YYYY-MM-DD`.
    @Field(key: "checked_on") var checkedOn: String
    @Field(key: "note") var note: String
    /// "form" or the name of the file it was imported from.
    @Field(key: "source") var source: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

struct CreateComplianceChecks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ComplianceCheckRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("item", .string, .required)
            .field("status", .string, .required)
            .field("checked_on", .string, .required)
            .field("note", .string, .required)
            .field("source", .string, .required)
            .field("recorded_by", .uuid, .references(User.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ComplianceCheckRecord.schema).delete()
    }
}
