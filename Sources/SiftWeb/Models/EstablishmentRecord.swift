import Fluent
import Vapor

/// An establishment of one authority, with its evidence in the documented evidence format.
final class EstablishmentRecord: Model, @unchecked Sendable {
    static let schema = "establishments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    @Field(key: "urn") var urn: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "phase") var phase: String?
    @OptionalField(key: "network") var network: String?
    /// The framework's proposal from the evidence, kept so lists need not re-run the engine.
    @OptionalField(key: "proposed_category") var proposedCategory: String?
    @OptionalField(key: "proposed_designation") var proposedDesignation: String?
    @Field(key: "needs_judgement") var needsJudgement: Bool
    /// The latest agreed, overridden or in-year category: a copy of the decisions' record.
    @OptionalField(key: "current_category") var currentCategory: String?
    /// The measures and years whose flags could not be judged for want of a national figure,
    /// quintile or threshold ("ks2_rwm_expected 2018, …"), kept with the proposal.
    @OptionalField(key: "national_gaps") var nationalGaps: String?
    /// The categories still possible when unknown facts leave the proposal undetermined
    /// ("1 or 2"); nil when the framework decided or placed it nowhere.
    @OptionalField(key: "undetermined") var undetermined: String?
    /// Why the framework does not cover the establishment (its phase or kind): it is then
    /// never proposed a category, support or funding.
    @OptionalField(key: "not_covered") var notCovered: String?
    /// The day it closed (yyyy-mm-dd), from GIAS or its evidence: it leaves the year from then.
    @OptionalField(key: "closed") var closed: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(authorityID: UUID, urn: String, name: String, kind: String, phase: String?, network: String?) {
        self.$authority.id = authorityID
        self.urn = urn
        self.name = name
        self.kind = kind
        self.phase = phase
        self.network = network
        self.needsJudgement = false
    }
}
