import Foundation

/// Renders categorisation results for `sift categorise`: text for people, JSON for
/// programs (documented in docs/results-format.md), CSV for spreadsheets.
public enum ResultRendering {
    public struct Report: Sendable {
        public struct FrameworkInfo: Sendable {
            public var id: String
            public var name: String
            public var authority: String
        }
        public struct Problem: Sendable {
            public var urn: String
            public var field: String
            public var message: String
        }
        public struct Summary: Sendable {
            public var establishments: Int
            public var categorised: Int
            public var uncategorised: Int
            /// Unknown facts leave the category open: an officer decides.
            public var undetermined: Int
            /// Outside the framework's phases or kinds: not categorised by it.
            public var notCovered: Int = 0
            public var rejected: Int
            public var withGaps: Int
            public var awaitingJudgement: Int
            public var byCategory: [String: Int]
        }
        public var format = "sift-results/1"
        public var framework: FrameworkInfo
        public var results: [CategorisationResult]
        public var problems: [Problem]
        public var summary: Summary
    }

    public static func report(framework: Framework, results: [CategorisationResult], problems: [EvidenceProblem], rejected: Int) -> Report {
        var byCategory: [String: Int] = [:]
        for result in results { if let code = result.category?.code { byCategory[code, default: 0] += 1 } }
        return Report(
            framework: .init(id: framework.id, name: framework.name, authority: framework.authority),
            results: results,
            problems: problems.map { .init(urn: $0.urn, field: $0.field, message: $0.message) },
            summary: .init(establishments: results.count + rejected,
                           categorised: results.filter { $0.status == .categorised }.count,
                           uncategorised: results.filter { $0.status == .uncategorised }.count,
                           undetermined: results.filter { $0.status == .undetermined }.count,
                           notCovered: results.filter { $0.status == .notCovered }.count,
                           rejected: rejected,
                           withGaps: results.filter(\.hasGaps).count,
                           awaitingJudgement: results.filter { $0.judgement != nil }.count,
                           byCategory: byCategory))
    }

    public static func json(_ report: Report) -> String {
        var out = ""
        writeJSON(report) { out += $0 }
        return out
    }

    /// Writes the report's JSON in pieces, a few hundred results at a time, so a national
    /// run's output never has to be held whole.
    public static func writeJSON(_ report: Report, to emit: (String) -> Void) {
        var head = TreeWriter.json(.object(report.headTree), indent: true)
        head.removeLast(2)  // the newline and closing brace: the results follow
        emit(head + ",\n  \"results\": [")
        var chunk = ""
        for (index, result) in report.results.enumerated() {
            chunk += (index == 0 ? "\n    " : ",\n    ") + TreeWriter.json(result.tree, indent: true, depth: 2)
            if chunk.utf8.count > 1 << 20 { emit(chunk); chunk = "" }
        }
        emit(chunk + (report.results.isEmpty ? "],\n" : "\n  ],\n"))
        let tail = TreeWriter.json(.object(report.tailTree), indent: true)
        emit("  " + tail.dropFirst(4))
        emit("\n")
    }

    public static let csvHeader = [
        "urn", "name", "kind", "status", "category", "category_name", "designation", "indicator",
        "judgement_alternatives", "deciding_rows", "citations", "not_applied", "entitlements", "plan_total", "funding",
    ]

    public static func csv(_ report: Report) -> String {
        var lines = [CSVField.row(csvHeader)]
        for result in report.results {
            lines.append(CSVField.row([
                result.urn, result.name, result.kind, result.status.rawValue,
                result.category?.code ?? "", result.category?.name ?? "", result.designation?.code ?? "", result.indicator ?? "",
                result.judgement?.alternatives.joined(separator: " or ") ?? "",
                result.reasons.map { "\($0.table):\($0.row)" }.joined(separator: "; "),
                result.reasons.compactMap(\.cite).joined(separator: "; "),
                result.notApplied.map { "\($0.row): \($0.why)" }.joined(separator: "; "),
                result.entitlements.map(EntitlementText.short).joined(separator: "; "),
                result.plan.map { Tree.format($0.total) } ?? "",
                result.funding.map { "\($0.id)=\($0.amount.map(Tree.format) ?? "not set")" }.joined(separator: "; "),
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func text(_ report: Report) -> String {
        var out: [String] = ["\(report.framework.name) (\(report.framework.id))", ""]
        for result in report.results { out.append(contentsOf: text(result)); out.append("") }
        if !report.problems.isEmpty {
            out.append("Evidence not read:")
            for problem in report.problems { out.append("  establishment \(problem.urn): \(problem.field): \(problem.message)") }
            out.append("")
        }
        let s = report.summary
        let counts = s.byCategory.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        out.append("\(s.establishments) establishments: \(s.categorised) categorised (\(counts)), \(s.uncategorised) uncategorised, \(s.undetermined) undetermined, \(s.notCovered) not covered by the framework, \(s.rejected) not read, \(s.withGaps) with evidence gaps, \(s.awaitingJudgement) awaiting a professional judgement.")
        return out.joined(separator: "\n") + "\n"
    }

    static func text(_ result: CategorisationResult) -> [String] {
        var out: [String] = []
        let heading = result.category.map { "\($0.code) — \($0.name)" }
            ?? (result.status == .undetermined ? "undetermined" : result.status == .notCovered ? "not covered" : "uncategorised")
        var extra = ""
        if let designation = result.designation { extra += ", designation \(designation.code)" }
        if let indicator = result.indicator { extra += ", indicator \(indicator)" }
        out.append("\(result.urn) \(result.name) [\(result.kind)]: \(heading)\(extra)")
        if let why = result.notCovered { out.append("  \(why)") }
        if !result.flags.isEmpty {
            out.append("  data flags\(result.dataYear.map { " (\($0))" } ?? ""): " + flagSummary(result.flags))
        }
        if let trend = result.dataTrend {
            out.append("  data trend worked out: \(trend.description)\(trend.overridden ? "; the trend the authority recorded stands instead" : "")")
        }
        for reason in result.reasons { out.append(contentsOf: ReasonText.lines(reason, indent: "  ")) }
        if let judgement = result.judgement {
            out.append("  professional judgement: choose between \(judgement.alternatives.joined(separator: " and ")); proposed \(judgement.proposed). \(judgement.why)")
        }
        for open in result.undetermined {
            let possible = open.possible.map { $0 ?? "none" }.joined(separator: " or ")
            out.append("  undetermined: table \(open.table) could be \(possible); not known: "
                       + open.open.map { "\($0.fact) (row \($0.row): \($0.why))" }.joined(separator: "; "))
        }
        for stop in result.passedOver { out.append(ReasonText.line(stop, indent: "  ")) }
        for gap in result.notApplied { out.append("  not applied: row \(gap.row): \(gap.why)") }
        if !result.entitlements.isEmpty {
            out.append("  support: " + result.entitlements.map(EntitlementText.short).joined(separator: "; "))
        }
        if let plan = result.plan {
            out.append("  plan: \(Tree.format(plan.total)) of \(Tree.format(plan.allocation)) \(plan.unit) over \(plan.activities.count) activities")
        }
        for line in result.funding {
            out.append("  funding \(line.id): \(line.amount.map { "£" + Tree.format($0) } ?? "no amount") \(line.note.map { "(\($0))" } ?? "")")
        }
        return out
    }
}

extension ResultRendering {
    /// "ks2_rwm: flagged, two years running; eyfs: not flagged; ks2_writing: not published, no flag".
    static func flagSummary(_ flags: [FlagOutcome]) -> String {
        flags.map { flag in
            let state: String
            if let status = flag.status { state = status.replacing("_", with: " ") + ", no flag" }
            else if flag.trend == true { state = "flagged, two years running" }
            else if flag.latest == true { state = "flagged this year" }
            else if flag.latest == nil || flag.trend == nil { state = "could not be judged" + (flag.unjudged.map { ": \($0)" } ?? "") }
            else { state = "not flagged" }
            return "\(flag.id): \(state)"
        }.joined(separator: "; ")
    }
}

/// Short wording of an entitlement: "3 cmo visits a year", then the framework's own words.
public enum EntitlementText {
    public static func short(_ item: EntitlementItem) -> String {
        let amount: String
        if let value = item.amount { amount = Tree.format(value) }
        else if let low = item.min, let high = item.max { amount = "\(Tree.format(low))–\(Tree.format(high))" }
        else if let high = item.max { amount = "up to \(Tree.format(high))" }
        else if let low = item.min { amount = "at least \(Tree.format(low))" }
        else { amount = "" }
        let frequency = item.frequency.map { " (\($0.replacing("_", with: " ")))" } ?? ""
        if amount.isEmpty, let text = item.text { return text + frequency }
        let per = item.per == "once" ? "" : " a \(item.per.replacing("_", with: "-"))"
        let kind = item.kind.replacing("_", with: " ")
        // "3 cmo visits", "2 focused support (days)": the unit only where the kind does not say it.
        let stem = item.unit.hasSuffix("s") ? String(item.unit.dropLast()) : item.unit
        let named = item.unit == "offer" || item.unit == "plan" || kind.contains(stem) ? kind : "\(kind) (\(item.unit))"
        let base = [amount, named]
            .filter { !$0.isEmpty }.joined(separator: " ") + per + frequency
        return item.text.map { "\(base): \($0)" } ?? base
    }
}
