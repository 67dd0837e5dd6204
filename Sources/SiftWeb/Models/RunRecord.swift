import Fluent
import Foundation
import Vapor

/// An authority's categorisation of one academic year: proposed, then confirmed once every
/// proposal has been agreed or overridden.
final class RunRecord: Model, @unchecked Sendable {
    static let schema = "runs"

    enum Status: String, Codable, Sendable { case proposed, confirmed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Field(key: "academic_year") var academicYear: Int
    @Enum(key: "status") var status: Status
    @OptionalParent(key: "started_by") var startedBy: User?
    @Field(key: "started_at") var startedAt: Date
    @OptionalParent(key: "confirmed_by") var confirmedBy: User?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?

    init() {}

    init(authorityID: UUID, academicYear: Int, startedBy: UUID?, at: Date) {
        self.$authority.id = authorityID
        self.academicYear = academicYear
        self.status = .proposed
        self.$startedBy.id = startedBy
        self.startedAt = at
    }
}
