import Fluent
import Foundation

/// What the establishment list, its CSV and the API's list show of each establishment,
/// read as plain values (see `QueryBuilder.rows`).
struct EstablishmentSummary: Sendable {
    var urn: String
    var name: String
    var kind: String
    var phase: String?
    var network: String?
    var proposedCategory: String?
    var proposedDesignation: String?
    var currentCategory: String?
    var needsJudgement: Bool
    var nationalGaps: String?
    var undetermined: String?

    static let fields: [FieldKey] = [
        "urn", "name", "kind", "phase", "network", "proposed_category", "proposed_designation", "current_category", "needs_judgement",
        "national_gaps", "undetermined",
    ]

    init(from output: any DatabaseOutput) throws {
        urn = try output.decode("urn", as: String.self)
        name = try output.decode("name", as: String.self)
        kind = try output.decode("kind", as: String.self)
        phase = try output.decode("phase", as: String?.self)
        network = try output.decode("network", as: String?.self)
        proposedCategory = try output.decode("proposed_category", as: String?.self)
        proposedDesignation = try output.decode("proposed_designation", as: String?.self)
        currentCategory = try output.decode("current_category", as: String?.self)
        needsJudgement = try output.decode("needs_judgement", as: Bool.self)
        nationalGaps = try output.decode("national_gaps", as: String?.self)
        undetermined = try output.decode("undetermined", as: String?.self)
    }
}

extension QueryBuilder<EstablishmentRecord> {
    /// The establishments of this query as summaries.
    func summaries() async throws -> [EstablishmentSummary] {
        try await rows(EstablishmentSummary.fields, EstablishmentSummary.init(from:))
    }
}

extension EstablishmentSummary {
    /// The summary of an establishment already read as a model.
    init(_ record: EstablishmentRecord) {
        urn = record.urn
        name = record.name
        kind = record.kind
        phase = record.phase
        network = record.network
        proposedCategory = record.proposedCategory
        proposedDesignation = record.proposedDesignation
        currentCategory = record.currentCategory
        needsJudgement = record.needsJudgement
        nationalGaps = record.nationalGaps
        undetermined = record.undetermined
    }
}
