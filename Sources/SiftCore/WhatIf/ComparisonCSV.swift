/// `sift frameworks diff --format csv`: one row per changed establishment, for a
/// spreadsheet. Cells go through `CSVField`, so a school name cannot run as a formula.
extension FrameworkComparison {
    public static let csvHeader = [
        "urn", "name", "old_category", "new_category", "old_designation", "new_designation",
        "old_deciding_rows", "new_deciding_rows",
    ]

    /// A blank category or designation is one the framework did not decide.
    public func csv() -> String {
        var lines = [CSVField.row(Self.csvHeader)]
        for change in changes {
            lines.append(CSVField.row([
                change.urn, change.name,
                change.old.category?.code ?? "", change.new.category?.code ?? "",
                change.old.designation?.code ?? "", change.new.designation?.code ?? "",
                Self.decidingRows(change.old), Self.decidingRows(change.new),
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "designation:D-A; category:C1-ofsted", as `sift categorise` writes its deciding rows.
    static func decidingRows(_ result: CategorisationResult) -> String {
        result.reasons.map { "\($0.table):\($0.row)" }.joined(separator: "; ")
    }
}
