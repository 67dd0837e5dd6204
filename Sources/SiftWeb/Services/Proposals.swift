import Foundation
import Fluent
import SiftCore
import Vapor

/// The framework's proposal for an establishment, from its stored evidence.
enum Proposals {
    static func establishment(_ record: EstablishmentRecord) throws -> Establishment {
        let tree = try JSONReader.read(record.evidence)
        switch EvidenceDecoder.decode(tree) {
        case .success(let establishment): return establishment
        case .failure(let problems):
            throw Abort(.internalServerError, reason: "stored evidence for \(record.urn) does not read: \(problems.first?.description ?? "")")
        }
    }

    static func categorise(_ record: EstablishmentRecord, framework: Framework, on date: Day) throws -> CategorisationResult {
        DecisionEngine(framework: framework).categorise(try establishment(record), runDate: date)
    }

    /// Works out and stores the proposal on the record (not saved).
    static func refresh(_ record: EstablishmentRecord, framework: Framework, on date: Day) throws {
        let result = try categorise(record, framework: framework, on: date)
        record.proposedCategory = result.category?.code
        record.proposedDesignation = result.designation?.code
        record.needsJudgement = result.judgement != nil
    }
}

extension Day {
    init(_ date: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: date)
        self = Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
