import ArgumentParser
import Foundation
import SiftCore

struct Categorise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Categorise every establishment in an evidence file under a framework.",
        discussion: "Exits 0 when every establishment was read and categorised from complete evidence; 2 when any was not read, lacked evidence a rule needed, or could not be placed.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Option(help: "A bundled framework's id (e.g. coventry-2023) or a framework file.")
    var framework: String

    @Option(help: "The evidence file (JSON; see docs/evidence-format.md).")
    var evidence: String?

    @Flag(help: "Categorise the framework's own worked examples instead of an evidence file, each at its own date.")
    var examples = false

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    @Option(help: "The latest data year to use (the year a school year ends, e.g. 2023 for 2022/23).")
    var year: Int?

    @Option(help: "The date the categorisation is made (yyyy-mm-dd); today by default.")
    var date: String?

    @Option(name: .customLong("set"), help: "Set a framework parameter for this run: NAME=VALUE. Repeatable.")
    var settings: [String] = []

    @Option(help: "Write the output to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if let year, !(2000...2100).contains(year) { throw ValidationError("--year must be an academic year from 2000 to 2100, e.g. 2023 for 2022/23") }
    }

    func run() throws {
        let loaded = try loadFramework(framework)
        let overrides = try parseSettings(settings, framework: loaded)
        let runDate = try parseRunDate(date)
        let set: EvidenceSet
        let results: [CategorisationResult]
        if examples {
            (set, results) = WorkedExamples.categorise(loaded, overrides: overrides)
        } else {
            guard let evidence else { throw ValidationError("give --evidence FILE, or --examples to categorise the framework's worked examples") }
            do {
                set = try EvidenceFile.read(path: evidence)
            } catch {
                // Evidence that cannot be read at all is bad input, like evidence with problems: exit 2.
                printError(error.description)
                throw ExitCode(2)
            }
            results = DecisionEngine(framework: loaded, overrides: overrides).categoriseAll(set.establishments, runDate: runDate, dataYear: year)
        }
        let report = ResultRendering.report(framework: loaded, results: results, problems: set.problems, rejected: set.rejected.count)
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
                throw ValidationError("cannot write the output file \(output)")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        switch format {
        case .text: handle.write(Data(ResultRendering.text(report).utf8))
        case .json: ResultRendering.writeJSON(report) { handle.write(Data($0.utf8)) }
        case .csv: handle.write(Data(ResultRendering.csv(report).utf8))
        }
        if output != nil { try handle.close() }
        for problem in set.problems { printError("evidence: \(problem)") }
        for result in results {
            for gap in result.notApplied where gap.missingKind == "not_recorded" {
                printError("establishment \(result.urn): \(gap.fact): row \(gap.row) could not be applied: \(gap.why)")
            }
            if result.status == .uncategorised {
                printError("establishment \(result.urn): no row of \(loaded.id) placed it; see its not-applied rules")
            }
            for open in result.undetermined {
                printError("establishment \(result.urn): \(open.sets) undetermined: it could be \(open.possible.map { $0 ?? "none" }.joined(separator: " or "))")
            }
        }
        let summary = report.summary
        if summary.rejected > 0 || summary.withGaps > 0 || summary.uncategorised > 0 || summary.undetermined > 0 {
            throw ExitCode(2)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func loadFramework(_ name: String) throws -> Framework {
    do {
        return try BundledFrameworks.load(name)
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}

func parseSettings(_ settings: [String], framework: Framework) throws -> [String: Double] {
    try parseSettings(settings, frameworks: [framework])
}

/// A setting must name a parameter of at least one of the frameworks; each framework then
/// takes the settings that name its own parameters.
func parseSettings(_ settings: [String], frameworks: [Framework]) throws -> [String: Double] {
    var overrides: [String: Double] = [:]
    for setting in settings {
        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Double(parts[1]), value.isFinite else {
            throw ValidationError("--set takes NAME=NUMBER, e.g. --set network_rate_per_pupil=40; got '\(setting)'")
        }
        guard frameworks.contains(where: { $0.parameterIndex(parts[0]) != nil }) else {
            var known: [String] = []
            for id in frameworks.flatMap({ $0.parameters.map(\.id) }) where !known.contains(id) { known.append(id) }
            var ids: [String] = []
            for id in frameworks.map(\.id) where !ids.contains(id) { ids.append(id) }
            let owners = ids.count == 1 ? "its" : "their"
            throw ValidationError("'\(parts[0])' is not a parameter of \(ids.joined(separator: " or ")); \(owners) parameters are \(known.joined(separator: ", "))")
        }
        overrides[parts[0]] = value
    }
    return overrides
}

func parseRunDate(_ text: String?) throws -> Day {
    if let text {
        guard let day = Day(text) else { throw ValidationError("--date '\(text)' is not a date (yyyy-mm-dd)") }
        return day
    }
    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
}
