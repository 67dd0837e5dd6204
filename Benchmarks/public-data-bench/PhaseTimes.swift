import Foundation
import Synchronization
import SiftWeb

/// When each phase of an import began, from its progress reports: where the time goes.
final class PhaseTimes: Sendable {
    private let started = Mutex<[(String, ContinuousClock.Instant)]>([("opening and reading", ContinuousClock.now)])

    var progress: PublicDataImport.Progress {
        PublicDataImport.Progress { phase, _, _ in
            let now = ContinuousClock.now
            self.started.withLock { if $0.last?.0 != phase { $0.append((phase, now)) } }
        }
    }

    func summary(ending end: ContinuousClock.Instant) -> String {
        let marks = started.withLock { $0 }
        return zip(marks, marks.dropFirst().map(\.1) + [end]).map { mark, next in
            let duration = next - mark.1
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%@ %.2f s", mark.0, seconds)
        }.joined(separator: "; ")
    }
}
