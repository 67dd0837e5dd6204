import Fluent
import Foundation
import SiftCore

/// A link between two establishments as GIAS records it (or an officer enters it): what the
/// establishment `linked_urn` is to `urn` ("Predecessor", "Successor - amalgamated", …).
/// Kept by URN: the linked establishment may be one the authority never held.
final class EstablishmentLinkRecord: Model, @unchecked Sendable {
    static let schema = "establishment_links"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Field(key: "urn") var urn: String
    @Field(key: "linked_urn") var linkedURN: String
    @OptionalField(key: "linked_name") var linkedName: String?
    @Field(key: "link_type") var linkType: String
    /// The day the link was made (yyyy-mm-dd), where GIAS gives one.
    @OptionalField(key: "established") var established: String?
    /// The file it came from, or "form" for one an officer entered.
    @Field(key: "source") var source: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    /// The link as GIAS gives it.
    var link: GIASLink {
        GIASLink(line: 0, urn: urn, linkedURN: linkedURN, linkedName: linkedName, type: linkType, established: established.flatMap(Day.init))
    }
}

struct CreateEstablishmentLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EstablishmentLinkRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("urn", .string, .required)
            .field("linked_urn", .string, .required)
            .field("linked_name", .string)
            .field("link_type", .string, .required)
            .field("established", .string)
            .field("source", .string, .required)
            .field("recorded_by", .uuid, .references(User.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .unique(on: "authority_id", "urn", "linked_urn")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EstablishmentLinkRecord.schema).delete()
    }
}
