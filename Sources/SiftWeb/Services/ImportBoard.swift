import Foundation
import NIOConcurrencyHelpers

/// Uploaded files being imported on this server, and the reports of those finished, so the
/// upload's page can follow the work and then show the report. As with an annual run, the
/// progress is known only to the server doing the work; the audit log is the lasting record.
/// Finished imports are forgotten after `keptFor`.
final class ImportBoard: Sendable {
    struct Job: Sendable {
        enum Outcome: Sendable {
            case report(PublicDataImport.Report)
            /// The file as a whole was refused (not the kind chosen, unreadable), with why.
            case refused(String)
        }

        let authorityID: UUID
        let fileName: String
        let dryRun: Bool
        let startedAt: Date
        var phase = "Reading the file"
        var done = 0
        var total = 0
        var outcome: Outcome?
        var finishedAt: Date?

        /// Whole per cent over all the import's phases, for the bar.
        var percent: Int {
            if outcome != nil { return 100 }
            let stages = PublicDataImport.Phase.allCases
            let stage = stages.firstIndex { $0.rawValue == phase } ?? 0
            return min(100, (stage * 100 + (total > 0 ? done * 100 / total : 0)) / stages.count)
        }
    }

    static let keptFor: TimeInterval = 60 * 60
    private let jobs = NIOLockedValueBox<[UUID: Job]>([:])

    /// Records an import as begun, forgetting those finished long ago.
    func begin(authorityID: UUID, fileName: String, dryRun: Bool, at time: Date) -> UUID {
        let id = UUID()
        jobs.withLockedValue { jobs in
            jobs = jobs.filter { _, job in job.finishedAt.map { time.timeIntervalSince($0) < Self.keptFor } ?? true }
            jobs[id] = Job(authorityID: authorityID, fileName: fileName, dryRun: dryRun, startedAt: time)
        }
        return id
    }

    /// Where the import has got. A report after the import has finished is ignored.
    func update(_ id: UUID, phase: String, done: Int, total: Int) {
        jobs.withLockedValue { jobs in
            guard var job = jobs[id], job.outcome == nil else { return }
            job.phase = phase
            job.done = done
            job.total = total
            jobs[id] = job
        }
    }

    func finish(_ id: UUID, _ outcome: Job.Outcome, at time: Date) {
        jobs.withLockedValue { jobs in
            jobs[id]?.outcome = outcome
            jobs[id]?.finishedAt = time
        }
    }

    func job(_ id: UUID) -> Job? { jobs.withLockedValue { $0[id] } }
}
