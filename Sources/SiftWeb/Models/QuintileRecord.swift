import Fluent
import Foundation
import SiftCore

/// One year's national quintiles of one measure for an authority: worked out from a
/// national file it imported, or entered by an administrator. Appended, never changed; the
/// latest for a measure and year is the one in force.
final class QuintileRecord: Model, @unchecked Sendable {
    static let schema = "national_quintiles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Field(key: "measure") var measure: String
    @Field(key: "year") var year: Int
    @Field(key: "q4_from") var q4From: Double
    @Field(key: "q3_from") var q3From: Double
    @Field(key: "q2_from") var q2From: Double
    @Field(key: "q1_from") var q1From: Double
    /// "entered", or the national file they were worked out from.
    @Field(key: "source") var source: String
    @OptionalParent(key: "entered_by") var enteredBy: User?
    @Field(key: "entered_at") var enteredAt: Date

    init() {}

    init(authorityID: UUID, measure: MeasureID, year: Int, cuts: QuintileCuts, source: String, by userID: UUID?, at time: Date) {
        $authority.id = authorityID
        self.measure = measure.rawValue
        self.year = year
        q4From = cuts.q4From
        q3From = cuts.q3From
        q2From = cuts.q2From
        q1From = cuts.q1From
        self.source = source
        $enteredBy.id = userID
        enteredAt = time
    }

    var cuts: QuintileCuts { QuintileCuts(q4From: q4From, q3From: q3From, q2From: q2From, q1From: q1From) }
}

struct CreateNationalQuintiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(QuintileRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id"))
            .field("measure", .string, .required)
            .field("year", .int, .required)
            .field("q4_from", .double, .required)
            .field("q3_from", .double, .required)
            .field("q2_from", .double, .required)
            .field("q1_from", .double, .required)
            .field("source", .string, .required)
            .field("entered_by", .uuid, .references(User.schema, "id"))
            .field("entered_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(QuintileRecord.schema).delete()
    }
}
