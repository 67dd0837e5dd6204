import Fluent
import Vapor

/// What a user may see and do. Checked on the server for every route.
enum Role: String, Codable, CaseIterable, Sendable {
    case administrator, officer
    case networkLead = "network_lead"
    case schoolUser = "school_user"
    case readOnly = "read_only"

    var label: String {
        switch self {
        case .administrator: return "Administrator"
        case .officer: return "Officer"
        case .networkLead: return "Network lead"
        case .schoolUser: return "School user"
        case .readOnly: return "Read only"
        }
    }
}

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "role") var role: Role
    /// For a school user: the one establishment they may see.
    @OptionalField(key: "establishment_urn") var establishmentURN: String?
    /// For a network lead: the network whose establishments they may see.
    @OptionalField(key: "network") var network: String?
    @Field(key: "failed_sign_ins") var failedSignIns: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, authorityID: UUID, email: String, name: String, passwordHash: String, role: Role,
         establishmentURN: String? = nil, network: String? = nil) {
        self.id = id
        self.$authority.id = authorityID
        self.email = email.lowercased()
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.establishmentURN = establishmentURN
        self.network = network
        self.failedSignIns = 0
    }
}
