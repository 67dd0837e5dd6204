import Fluent
import Foundation
import Vapor

/// A letter as issued: its text is stored when it is issued and shown exactly so after,
/// whatever later changes to the framework, the evidence or the templates.
final class LetterRecord: Model, @unchecked Sendable {
    static let schema = "letters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Parent(key: "decision_id") var decision: DecisionRecord
    @Field(key: "title") var title: String
    /// The letter's HTML, rendered from escaped values when it was issued.
    @Field(key: "body") var body: String
    @Field(key: "issued_at") var issuedAt: Date

    init() {}
}
