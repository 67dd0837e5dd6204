import ArgumentParser
import Foundation
import SiftCore

struct GenerateEvidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-evidence",
        abstract: "Write a fictional evidence file of any size (for trying Sift out and for benchmarks).")

    @Option(help: "How many establishments.") var count = 100
    @Option(help: "Random seed: the same seed gives the same file.") var seed: UInt64 = 1
    @Option(help: "The latest academic year of results.") var year = 2025
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("--count must be from 1 to 1,000,000") }
    }

    func run() throws {
        let json = TreeWriter.json(SyntheticEvidence(count: count, seed: seed, latestYear: year).tree(), indent: true) + "\n"
        if let output { try json.write(toFile: output, atomically: true, encoding: .utf8) } else { print(json, terminator: "") }
    }
}
