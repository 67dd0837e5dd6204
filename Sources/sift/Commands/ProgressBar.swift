import Foundation
import SiftWeb
import Synchronization

/// A progress bar on the terminal's error stream, redrawn in place; silent when the error
/// stream is not a terminal (a log file, CI), where the final report says enough.
final class ProgressBar: Sendable {
    let isTerminal = isatty(FileHandle.standardError.fileDescriptor) == 1
    private let drawn = Mutex(false)

    func update(_ phase: String, _ done: Int, _ total: Int) {
        guard isTerminal else { return }
        drawn.withLock { $0 = true }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + ImportReportText.progressLine(phase, done, total)).utf8))
    }

    /// Clears the bar, once, before the report is printed.
    func finish() {
        guard isTerminal, drawn.withLock({ wasDrawn in defer { wasDrawn = false }; return wasDrawn }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
