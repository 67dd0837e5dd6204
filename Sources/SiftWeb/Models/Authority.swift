import Fluent
import Vapor

/// A local authority: a tenant whose data no other sees, running one framework, or several,
/// each for what it covers (`DecisionEngine+Alongside`).
final class Authority: Model, @unchecked Sendable {
    static let schema = "authorities"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// Its first framework: the one tried first, whose words name its networks and whose
    /// categories the authority's pages list.
    @Field(key: "framework_id") var frameworkID: String
    /// Its other frameworks, comma-separated, each for what those before it do not cover.
    @OptionalField(key: "more_frameworks") var moreFrameworks: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, name: String, frameworkID: String) {
        self.id = id
        self.code = code
        self.name = name
        self.frameworkID = frameworkID
    }

    /// Every framework it runs, in the order they are tried.
    var frameworkIDs: [String] {
        [frameworkID] + (moreFrameworks ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
