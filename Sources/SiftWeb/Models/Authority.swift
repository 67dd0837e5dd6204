import Fluent
import Vapor

/// A local authority: a tenant whose data no other sees, running one framework.
final class Authority: Model, @unchecked Sendable {
    static let schema = "authorities"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "framework_id") var frameworkID: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, name: String, frameworkID: String) {
        self.id = id
        self.code = code
        self.name = name
        self.frameworkID = frameworkID
    }
}
