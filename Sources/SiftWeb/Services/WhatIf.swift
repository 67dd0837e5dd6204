import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import SiftCore
import Vapor

/// A changed framework run beside the one in force over every establishment of an
/// authority, from the evidence stored for each. Nothing is written but an audit entry
/// saying that it was run: no decision, no proposal, no category.
enum WhatIf {
    struct Outcome: Sendable {
        let comparison: FrameworkComparison
        /// URNs whose stored evidence did not read; they are left out of the comparison.
        let notRead: [String]
    }

    static func run(_ request: Request, user: User, authority: Authority, changed: Framework, on day: Day) async throws -> Outcome {
        let inForce = try request.sift.framework(authority.frameworkID)
        let stored = try await storedEvidence(authorityID: try authority.requireID(), on: request.db)
        // The authority's own rates and weights apply to both frameworks wherever they have the parameter.
        let overrides = try await AuthorityParameters.inForce(authorityID: try authority.requireID(), frameworkID: inForce.id, on: request.db)
        // Reading 25,000 evidence texts and categorising them twice is seconds of CPU work:
        // it runs on the thread pool, not on the executor that serves other requests.
        let outcome = try await request.application.threadPool.runIfActive {
            let (establishments, notRead) = read(stored)
            return Outcome(comparison: FrameworkComparison(old: inForce, new: changed, establishments: establishments,
                                                           runDate: day, overrides: overrides),
                           notRead: notRead)
        }
        let comparison = outcome.comparison
        try await Audit.record(request, authorityID: authority.id, userID: user.id, action: "whatif_run",
                               detail: "\(inForce.id) against \(changed.id) at \(day): \(comparison.compared) compared, "
                                   + "\(comparison.unchanged) unchanged, \(comparison.changed) changed"
                                   + (outcome.notRead.isEmpty ? "" : ", \(outcome.notRead.count) not read"))
        return outcome
    }

    /// Every establishment of the authority with stored evidence, by name, as `Runs` reads them.
    static func storedEvidence(authorityID: UUID, on database: any Database) async throws -> [(urn: String, text: String)] {
        let records = try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .sort(\.$name).sort(\.$urn).all()
        let texts = try await EvidenceStore.texts(authorityID: authorityID, on: database)
        return records.compactMap { record in record.id.flatMap { texts[$0] }.map { (record.urn, $0) } }
    }

    /// Reads the texts across the machine's cores, keeping their order: at national scale
    /// reading takes longer than categorising under both frameworks.
    static func read(_ stored: [(urn: String, text: String)]) -> (establishments: [Establishment], notRead: [String]) {
        let chunkSize = 256
        let chunks = (stored.count + chunkSize - 1) / chunkSize
        let read = NIOLockedValueBox([Int: [Establishment?]]())
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let part = stored[(chunk * chunkSize)..<min(stored.count, (chunk + 1) * chunkSize)]
            let establishments = part.map { try? Proposals.establishment(urn: $0.urn, evidence: $0.text) }
            read.withLockedValue { $0[chunk] = establishments }
        }
        let all = read.withLockedValue { parts in (0..<chunks).flatMap { parts[$0] ?? [] } }
        return (all.compactMap { $0 }, zip(stored, all).compactMap { $1 == nil ? $0.urn : nil })
    }
}
