import SiftCore

/// A public-data import's report as lines for a person to read.
public enum ImportReportText {
    /// A progress bar's line: the bar, the phase, and how far it has gone.
    public static func progressLine(_ phase: String, _ done: Int, _ total: Int, width: Int = 30) -> String {
        let filled = total > 0 ? max(0, min(width, width * done / total)) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(bar) \(phase)" + (total > 0 ? " – \(done) of \(total)" : "")
    }

    /// The rows of kinds no framework covers, a line per kind and reason with how many: "94 ×
    /// Other independent school: independent schools are not the authority's to categorise".
    static func notCoveredGroups(_ rows: [RowProblem]) -> [String] {
        var counts: [String: Int] = [:], order: [String] = []
        for row in rows {
            // The message is "URN n is a "Type": why"; the kind and why are what is shared.
            let shared = row.message.split(separator: " is a ", maxSplits: 1).last.map(String.init) ?? row.message
            if counts[shared] == nil { order.append(shared) }
            counts[shared, default: 0] += 1
        }
        // Most first; kinds as common as each other in the order the file has them.
        let ranked = order.enumerated().sorted { (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset) }.map(\.element)
        return ranked.map { "\(counts[$0]!) × \($0.replacing("\"", with: ""))" }
    }

    public static func lines(_ report: PublicDataImport.Report, dryRun: Bool) -> [String] {
        var lines: [String] = []
        if !report.rejected.isEmpty {
            lines.append("Nothing was stored: \(report.rejected.count) \(report.rejected.count == 1 ? "row was" : "rows were") rejected. "
                         + "Correct \(report.rejected.count == 1 ? "it" : "them") in the file, or take \(report.rejected.count == 1 ? "it" : "them") out, and import the file again.")
            lines += report.rejected.map { "  \($0)" }
        } else if dryRun {
            lines.append("Dry run: nothing was stored. Importing would add \(report.added.count), update \(report.updated.count) and leave \(report.unchanged) unchanged.")
        } else if report.stored {
            lines.append("Stored: \(report.added.count) added, \(report.updated.count) updated, \(report.unchanged) unchanged.")
        } else {
            lines.append("Nothing to store: \(report.unchanged) establishments are already as the file says.")
        }
        if let schools = report.quintilesFrom { lines.append("The file is national: each measure's quintiles were worked out from its \(schools) schools.") }
        if !report.quintilesEntered.isEmpty {
            lines.append("Placed in national quintiles an administrator entered for the year: \(report.quintilesEntered.map(\.label).joined(separator: "; ")).")
        }
        if !report.nationalContextMissing.isEmpty {
            lines.append("Some data flags could not be judged: no national figure or quintile was given for")
            lines += report.nationalContextMissing.map { "  \($0.label) (\($0.establishments) \($0.establishments == 1 ? "establishment" : "establishments"))" }
            lines.append(NationalGaps.remedy)
        }
        if report.encoding == .windows1252 { lines.append("The file was read as Windows-1252 text.") }
        if report.notTheAuthoritys > 0 { lines.append("\(report.notTheAuthoritys) rows are about establishments that are not the authority's: left out.") }
        if report.otherYearRows > 0 { lines.append("\(report.otherYearRows) rows are for other years: left out: import each year on its own.") }
        if report.otherGroupRows > 0 { lines.append("\(report.otherGroupRows) rows are for groups of pupils rather than all pupils: left out.") }
        if report.linksStored > 0 {
            lines.append("\(report.linksStored) \(report.linksStored == 1 ? "link" : "links") between establishments (conversions, amalgamations, splits) \(dryRun ? "would be" : "were") stored.")
        }
        if report.closedNotAdded > 0 { lines.append("\(report.closedNotAdded) establishments closed before they were the authority's: not added.") }
        if !report.notCovered.isEmpty {
            lines.append("\(report.notCovered.count) rows are of kinds no framework covers, left out:")
            lines += notCoveredGroups(report.notCovered).map { "  \($0)" }
        }
        if !report.notes.isEmpty {
            lines.append("\(report.notes.count) cells were left out of rows otherwise taken:")
            lines += report.notes.prefix(50).map { "  \($0)" }
            if report.notes.count > 50 { lines.append("  … and \(report.notes.count - 50) more") }
        }
        // Only what was stored, or would be on a dry run: a refused file added nothing.
        if report.rejected.isEmpty, !report.added.isEmpty, report.added.count <= 20 {
            lines.append("\(dryRun ? "Would add" : "Added"): \(report.added.joined(separator: ", "))")
        }
        return lines
    }
}
