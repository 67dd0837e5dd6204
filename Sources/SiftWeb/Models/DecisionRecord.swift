import Fluent
import Vapor

/// One decision about an establishment's category. Decisions are only ever added: an
/// override or an in-year change is a new record, so the history is never lost.
final class DecisionRecord: Model, @unchecked Sendable {
    static let schema = "decisions"

    enum Status: String, Codable, Sendable {
        case provisional, agreed, overridden
        case inYearChange = "in_year_change"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "academic_year") var academicYear: Int
    @Field(key: "category") var category: String
    @OptionalField(key: "designation") var designation: String?
    @Enum(key: "status") var status: Status
    @OptionalField(key: "reason") var reason: String?
    @OptionalParent(key: "decided_by") var decidedBy: User?
    /// Where the framework's constraint would refuse the category and allows an exception:
    /// the constraints it is an exception to, by id.
    @OptionalField(key: "exception") var exception: String?
    @Field(key: "decided_at") var decidedAt: Date

    init() {}

    init(authorityID: UUID, establishmentID: UUID, academicYear: Int, category: String, designation: String?,
         status: Status, reason: String?, decidedBy: UUID?, at: Date) {
        self.$authority.id = authorityID
        self.$establishment.id = establishmentID
        self.academicYear = academicYear
        self.category = category
        self.designation = designation
        self.status = status
        self.reason = reason
        self.$decidedBy.id = decidedBy
        self.decidedAt = at
    }
}
