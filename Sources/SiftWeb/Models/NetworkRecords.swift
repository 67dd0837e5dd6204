import Fluent
import Foundation

/// A network, consortium, locality or cluster of an authority's establishments, named as its
/// framework names them (`groups:`), kept by its administrators.
final class NetworkRecord: Model, @unchecked Sendable {
    static let schema = "networks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Field(key: "name") var name: String
    /// The phase it is for (`Phase`), nil for every phase.
    @OptionalField(key: "phase") var phase: String?
    /// Who leads it, as the authority names them ("Jo Bloggs, head of Fenmoor Primary").
    @OptionalField(key: "lead") var lead: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(authorityID: UUID, name: String, phase: String?, lead: String?, at: Date) {
        self.$authority.id = authorityID
        self.name = name
        self.phase = phase
        self.lead = lead
        self.createdAt = at
    }
}

/// An establishment joining a network from a day, or leaving every network (no network).
/// Appended, never edited: the latest from a day is in force from then, and the earlier ones
/// are its history, so funding follows the network it was in on each date.
final class NetworkMembershipRecord: Model, @unchecked Sendable {
    static let schema = "network_memberships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @OptionalParent(key: "network_id") var network: NetworkRecord?
    /// The first day in it (yyyy-mm-dd); nil where it was in it before networks were recorded.
    @OptionalField(key: "from_day") var fromDay: String?
    /// "form", the name of the file it came from, or how it was kept before.
    @Field(key: "source") var source: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(authorityID: UUID, establishmentID: UUID, networkID: UUID?, from: String?, source: String, by userID: UUID?, at: Date) {
        self.$authority.id = authorityID
        self.$establishment.id = establishmentID
        self.$network.id = networkID
        self.fromDay = from
        self.source = source
        self.$recordedBy.id = userID
        self.recordedAt = at
    }
}

struct CreateNetworks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NetworkRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("name", .string, .required)
            .field("phase", .string)
            .field("lead", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "authority_id", "name")
            .create()
        try await database.schema(NetworkMembershipRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("establishment_id", .uuid, .required, .references(EstablishmentRecord.schema, "id"))
            .field("network_id", .uuid, .references(NetworkRecord.schema, "id"))
            .field("from_day", .string)
            .field("source", .string, .required)
            .field("recorded_by", .uuid, .references(User.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        // Networks kept as a name on each establishment before become records, each school a
        // member since before records were kept.
        // Only the id: later migrations add columns the model reads.
        for authority in try await Authority.query(on: database).field(\.$id).all() {
            try await Networks.reconcile(authorityID: authority.requireID(), source: "kept before networks were records", at: Date(), on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NetworkMembershipRecord.schema).delete()
        try await database.schema(NetworkRecord.schema).delete()
    }
}
