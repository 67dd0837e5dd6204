import Fluent
import Foundation
import SiftCore
import Vapor

/// The meetings, action plan and exit criteria of an establishment's year.
enum Meetings {
    static let risks = ["high", "medium", "low"]
    static let statuses: [(String, String)] = [("not_started", "Not started"), ("on_track", "On track"), ("at_risk", "At risk"),
                                               ("off_track", "Off track"), ("complete", "Complete")]

    /// What the category decided for the year requires, and whether the establishment is an early years setting.
    static func requirements(_ record: EstablishmentRecord, year: Int, engine: DecisionEngine, on day: Day,
                             database: any Database) async throws -> (requirements: [MeetingRequirement], earlyYears: Bool, category: String?) {
        let establishment = try await Proposals.establishment(record, on: database)
        guard let decision = try await SupportPlans.decision(establishmentID: try record.requireID(), year: year, on: database) else {
            return ([], establishment.kind.setting != .school, nil)
        }
        let result = engine.categorise(establishment, runDate: day, supportFor: decision.category)
        return (MeetingRequirement.all(result.entitlements), establishment.kind.setting != .school, decision.category)
    }

    static func meetings(_ establishmentID: UUID, year: Int, on database: any Database) async throws -> [MeetingRecord] {
        try await MeetingRecord.query(on: database).filter(\.$establishment.$id == establishmentID).filter(\.$academicYear == year)
            .sort(\.$date).all()
    }

    static func actions(_ establishmentID: UUID, year: Int, on database: any Database) async throws -> [(PlanActionRecord, [ActionReviewRecord])] {
        let actions = try await PlanActionRecord.query(on: database).filter(\.$establishment.$id == establishmentID)
            .filter(\.$academicYear == year).sort(\.$createdAt).all()
        let reviews = try await ActionReviewRecord.query(on: database).filter(\.$action.$id ~~ actions.compactMap(\.id)).sort(\.$reviewedAt).all()
        return actions.map { action in (action, reviews.filter { $0.$action.id == action.id }) }
    }

    /// Each exit criterion's latest judgement, by criterion id.
    static func exitJudgements(_ establishmentID: UUID, on database: any Database) async throws -> [String: ExitCriterionRecord] {
        var latest: [String: ExitCriterionRecord] = [:]
        for record in try await ExitCriterionRecord.query(on: database).filter(\.$establishment.$id == establishmentID).sort(\.$judgedAt).all() {
            latest[record.criterion] = record
        }
        return latest
    }

    /// Leaves intervention: the school is recorded as sustaining success in its evidence
    /// (`la.other.sustaining_success`, which Milton Keynes' entitlements read), so its proposal
    /// and support follow.
    static func leaveIntervention(_ request: Request, user: User, record: EstablishmentRecord) async throws -> [EvidenceProblem] {
        let members = try await EvidenceEdit.members(of: record, on: request.db)
        var local = members.first { $0.key == "local" }?.value.members ?? []
        var other = local.first { $0.key == "other" }?.value.members ?? []
        other = EvidenceEdit.replacing("sustaining_success", with: Tree(.bool(true)), in: other)
        local = EvidenceEdit.replacing("other", with: Tree(.object(other)), in: local)
        let problems = try await EvidenceEdit.save(EvidenceEdit.replacing("local", with: Tree(.object(local)), in: members), of: record, by: user,
                                                   describing: "left intervention: sustaining success", request: request)
        if problems.isEmpty {
            try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "intervention_left",
                                   detail: "\(record.urn): every exit criterion met; sustaining success")
        }
        return problems
    }
}
