import Foundation

/// How far each annual run under way has got, so its page can show progress while the
/// proposals are worked out and stored. A run's proposals are stored in one transaction,
/// so until they are, the progress is known only to the server doing the work; once they
/// are, every server sees the run itself.
actor RunProgressBoard {
    struct Progress: Sendable, Equatable {
        enum Phase: String, Sendable { case reading = "Reading the evidence", proposing = "Proposing categories", storing = "Storing the proposals", finished, failed }
        var phase: Phase
        var done: Int
        var total: Int
        var failure: String?

        /// Whole per cent, for the bar and for those who hear it read out.
        var percent: Int {
            switch phase {
            case .reading: return 0
            case .proposing: return total == 0 ? 50 : done * 50 / total
            case .storing: return 50 + (total == 0 ? 50 : done * 50 / total)
            case .finished, .failed: return 100
            }
        }
    }

    private var runs: [String: Progress] = [:]

    static func key(authorityID: UUID, year: Int) -> String { "\(authorityID.uuidString)/\(year)" }

    /// Marks a run as begun; false if that authority's year is already under way here.
    func begin(_ key: String) -> Bool {
        if let current = runs[key], current.phase != .failed, current.phase != .finished { return false }
        runs[key] = Progress(phase: .reading, done: 0, total: 0)
        return true
    }

    func update(_ key: String, phase: Progress.Phase, done: Int, total: Int) {
        runs[key] = Progress(phase: phase, done: done, total: total)
    }

    func fail(_ key: String, _ message: String) {
        runs[key] = Progress(phase: .failed, done: 0, total: 0, failure: message)
    }

    func finish(_ key: String) {
        runs[key]?.phase = .finished
    }

    func progress(_ key: String) -> Progress? { runs[key] }
}
