import Fluent
import Vapor

/// Who did what, when, in which authority. Appended, never changed.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "authority_id") var authority: Authority?
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "action") var action: String
    @Field(key: "detail") var detail: String
    @Field(key: "at") var at: Date

    init() {}

    init(authorityID: UUID?, userID: UUID?, action: String, detail: String, at: Date) {
        self.$authority.id = authorityID
        self.$user.id = userID
        self.action = action
        self.detail = detail
        self.at = at
    }
}
