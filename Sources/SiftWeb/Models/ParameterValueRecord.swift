import Fluent
import Foundation

/// A value an authority's administrator set for one of its framework's parameters (a funding
/// rate, a weight, a threshold the file leaves open). Appended, never changed: the row of the
/// latest revision for a parameter is the one in force. A row without a value withdraws the
/// authority's own, so the framework file's applies again.
final class ParameterValueRecord: Model, @unchecked Sendable {
    static let schema = "parameter_values"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    /// Values belong to the framework they were set for: another framework's parameter of the
    /// same name may mean something else.
    @Field(key: "framework_id") var frameworkID: String
    @Field(key: "parameter") var parameter: String
    @OptionalField(key: "value") var value: Double?
    /// One number per change an administrator makes, shared by its rows, so the latest is
    /// known even when two changes carry the same time.
    @Field(key: "revision") var revision: Int
    @OptionalParent(key: "set_by") var setBy: User?
    @Field(key: "set_at") var setAt: Date

    init() {}

    init(authorityID: UUID, frameworkID: String, parameter: String, value: Double?, revision: Int, by userID: UUID?, at time: Date) {
        $authority.id = authorityID
        self.frameworkID = frameworkID
        self.parameter = parameter
        self.value = value
        self.revision = revision
        $setBy.id = userID
        setAt = time
    }
}

struct CreateParameterValues: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ParameterValueRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("framework_id", .string, .required)
            .field("parameter", .string, .required)
            .field("value", .double)
            .field("revision", .int, .required)
            .field("set_by", .uuid, .references(User.schema, "id"))
            .field("set_at", .datetime, .required)
            // Two administrators saving at once cannot both take the same revision.
            .unique(on: "authority_id", "parameter", "revision")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ParameterValueRecord.schema).delete()
    }
}
