// Reads a CSV file through SiftCore's reader and reports how many records it read and the
// peak resident memory of this process. Tests that bound the reader's memory run it as a
// child of their own, so the figure is the reader's alone, not that of whatever tests run
// beside them in the test process.
import Foundation
import SiftCore

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: csv-read-probe FILE\n".utf8))
    exit(64)
}
do {
    let reader = try CSVReader(path: CommandLine.arguments[1])
    var records = 0
    while try reader.next() != nil { records += 1 }
    print("records \(records)")
    print("peak-resident-kb \(peakResidentKilobytes())")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

/// VmHWM: the most resident memory this process has held since it started.
func peakResidentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return -1 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
}
