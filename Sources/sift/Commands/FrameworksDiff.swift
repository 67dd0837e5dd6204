import ArgumentParser
import Foundation
import SiftCore

extension Frameworks {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two frameworks over the same evidence: which establishments would move, and why under each. Nothing is saved.",
            discussion: "Exits 0 when the comparison ran, whether or not anything changed; 2 when any establishment's evidence was not read (the others are still compared).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @Argument(help: "The framework in use: a bundled framework's id (e.g. coventry-2023) or a framework file.")
        var old: String

        @Argument(help: "The changed framework: a bundled framework's id or a framework file.")
        var new: String

        @Option(help: "The evidence file (JSON; see docs/evidence-format.md).")
        var evidence: String

        @Option(help: "Output format: text, json or csv.")
        var format: Format = .text

        @Option(help: "The latest data year to use (the year a school year ends, e.g. 2023 for 2022/23).")
        var year: Int?

        @Option(help: "The date the categorisation is made (yyyy-mm-dd); today by default.")
        var date: String?

        @Option(name: .customLong("set"), help: "Set a parameter for this run, in whichever framework has it: NAME=VALUE. Repeatable.")
        var settings: [String] = []

        func validate() throws {
            if let year, !(2000...2100).contains(year) { throw ValidationError("--year must be an academic year from 2000 to 2100, e.g. 2023 for 2022/23") }
        }

        func run() throws {
            let before = try loadFramework(old)
            let after = try loadFramework(new)
            let overrides = try parseSettings(settings, frameworks: [before, after])
            let runDate = try parseRunDate(date)
            let set: EvidenceSet
            do {
                set = try EvidenceFile.read(path: evidence)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            let comparison = FrameworkComparison(old: before, new: after, establishments: set.establishments,
                                                 runDate: runDate, dataYear: year, overrides: overrides)
            let output: String
            switch format {
            case .text: output = comparison.text(problems: set.problems, notRead: set.rejected.count)
            case .json: output = comparison.json(problems: set.problems, notRead: set.rejected.count)
            case .csv: output = comparison.csv()
            }
            FileHandle.standardOutput.write(Data(output.utf8))
            for problem in set.problems { printError("evidence: \(problem)") }
            if !set.rejected.isEmpty { throw ExitCode(2) }
        }
    }
}
