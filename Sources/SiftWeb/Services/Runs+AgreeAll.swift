import Fluent
import Foundation
import SiftCore
import Vapor

extension Runs {
    /// Agrees at once every proposal the framework decided and no one has yet: not those left
    /// undetermined, nor those asking for a professional judgement. Each is checked against
    /// the framework's constraints on the evidence as it is now; if any would break one,
    /// nothing is agreed and every breach is named. Returns how many were agreed.
    static func agreeAll(_ request: Request, user: User, run: RunRecord) async throws -> Int {
        let authorityID = user.$authority.id, year = run.academicYear, database = request.db
        let latest = try await latest(database, authorityID: authorityID, year: year)
        let pending = latest.values.filter { $0.status == .provisional && $0.category != undecided }
        guard !pending.isEmpty else { return 0 }
        let records = Dictionary(uniqueKeysWithValues: try await EstablishmentRecord.query(on: database)
            .filter(\.$authority.$id == authorityID).filter(\.$id ~~ pending.map { $0.$establishment.id }).all().map { (try $0.requireID(), $0) })
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: database), on: database)
        let evidence = try await EvidenceStore.texts(authorityID: authorityID, on: database)
        let previous = try await PreviousCategories.before(year, authorityID: authorityID, on: database)
        let today = Day(request.now)
        var agreed: [DecisionRecord] = [], changed: [EstablishmentRecord] = [], breaches: [String] = []
        for proposal in pending.sorted(by: { ($0.decidedAt, $0.category) < ($1.decidedAt, $1.category) }) {
            let id = proposal.$establishment.id
            guard let record = records[id], !record.needsJudgement, let text = evidence[id] else { continue }
            let establishment = PreviousCategories.apply(previous[id], to: try Proposals.establishment(record, evidence: text))
            // Closed, or no longer covered, since the proposal: it leaves the year, with no decision.
            if let closed = establishment.closed, closed <= today { continue }
            if engine.framework.notCovering(establishment) != nil { continue }
            if let breach = engine.breaches(of: proposal.category, for: establishment, runDate: today).first {
                breaches.append("\(record.name) (URN \(record.urn)): \(breach.sentence)")
                continue
            }
            agreed.append(DecisionRecord(authorityID: authorityID, establishmentID: id, academicYear: year, category: proposal.category,
                                         designation: proposal.designation, status: .agreed, reason: nil, decidedBy: user.id, at: request.now))
            record.currentCategory = proposal.category
            changed.append(record)
        }
        guard breaches.isEmpty else {
            let shown = breaches.prefix(20).joined(separator: " ")
            throw Abort(.unprocessableEntity, reason: "Nothing was agreed: \(breaches.count) proposals would break the framework's rules on the evidence as it is now. "
                        + "Decide each of them first. \(shown)\(breaches.count > 20 ? " … and \(breaches.count - 20) more." : "")")
        }
        let decisions = agreed, updated = changed
        let proposalIDs = Dictionary(uniqueKeysWithValues: pending.map { ($0.$establishment.id, $0.id) })
        try await database.transaction { database in
            // Someone may have decided one of them while they were checked: then nothing is agreed.
            let now = try await Runs.latest(database, authorityID: authorityID, year: year)
            if decisions.contains(where: { now[$0.$establishment.id]?.id != proposalIDs[$0.$establishment.id] ?? nil }) {
                throw Abort(.unprocessableEntity, reason: "Nothing was agreed: some of these proposals were decided by someone else while they were being checked. Look at the review and agree again.")
            }
            for chunk in stride(from: 0, to: decisions.count, by: 500) {
                try await Array(decisions[chunk..<min(decisions.count, chunk + 500)]).create(on: database)
            }
            for record in updated { try await record.save(on: database) }
        }
        try await Audit.record(request, authorityID: authorityID, userID: user.id, action: "proposals_agreed",
                               detail: "\(label(year)): \(decisions.count) proposals agreed at once")
        return decisions.count
    }
}
