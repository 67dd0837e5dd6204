/// `sift frameworks diff` for people: a summary, the moves matrix, then each changed
/// establishment with its reasons under the old framework and under the new.
extension FrameworkComparison {
    public func text(problems: [EvidenceProblem] = [], notRead: Int = 0) -> String {
        var out = ["old: \(old.name) (\(old.id))", "new: \(new.name) (\(new.id))", "", summaryLine(notRead: notRead), ""]
        out.append(contentsOf: matrixLines())
        out.append("")
        if changes.isEmpty { out.append(contentsOf: ["No establishment changes category or designation.", ""]) }
        for change in changes { out.append(contentsOf: lines(change)); out.append("") }
        if !problems.isEmpty {
            out.append("Evidence not read:")
            for problem in problems { out.append("  establishment \(problem.urn): \(problem.field): \(problem.message)") }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    func summaryLine(notRead: Int) -> String {
        let year = dataYear.map { ", data year \($0)" } ?? ""
        let set = overrides.isEmpty ? "" : ", with " + overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\(Tree.format($0.value))" }.joined(separator: ", ")
        let skipped = notRead > 0 ? "; \(notRead) not read" : ""
        return "\(compared) establishments compared at \(runDate)\(year)\(set): \(unchanged) unchanged, \(changed) changed "
            + "(\(categoryChanged) in category, \(changed - categoryChanged) in designation only)\(skipped)."
    }

    /// Old categories down the side, new across the top, so the diagonal is what stays put.
    func matrixLines() -> [String] {
        let (rows, columns) = matrixAxes
        func label(_ code: String?) -> String { code ?? "none" }
        let side = max(3, rows.map { label($0).count }.max() ?? 0)
        let widths = columns.map { column in
            max(label(column).count, rows.map { String(count(from: $0, to: column)).count }.max() ?? 1)
        }
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        func padRight(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var out = ["Moves (old category down, new category across\(rows.contains(nil) || columns.contains(nil) ? "; none: no category" : "")):"]
        out.append("  " + pad("", side) + zip(columns, widths).map { "  " + pad(label($0), $1) }.joined())
        for row in rows {
            let cells = zip(columns, widths).map { column, width in
                let value = count(from: row, to: column)
                return "  " + pad(value == 0 ? "." : String(value), width)
            }
            out.append("  " + padRight(label(row), side) + cells.joined())
        }
        return out
    }

    func lines(_ change: Change) -> [String] {
        func short(_ result: CategorisationResult) -> String {
            let category = result.category?.code ?? result.status.rawValue
            return change.designationChanged ? "\(category) (designation \(result.designation?.code ?? "none"))" : category
        }
        var out = ["\(change.urn) \(change.name): \(short(change.old)) → \(short(change.new))"]
        for (side, result) in [("old", change.old), ("new", change.new)] {
            let heading = result.category.map { "\($0.code) — \($0.name)" } ?? result.status.rawValue
            let designation = result.designation.map { ", designation \($0.code)" } ?? ""
            out.append("  \(side) (\(result.framework)): \(heading)\(designation)")
            for reason in result.reasons { out.append(contentsOf: ReasonText.lines(reason, indent: "    ")) }
            for stop in result.passedOver { out.append(ReasonText.line(stop, indent: "    ")) }
            if result.status != .categorised {
                for gap in result.notApplied { out.append("    not applied: row \(gap.row): \(gap.why)") }
            }
        }
        return out
    }
}
