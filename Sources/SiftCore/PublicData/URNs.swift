/// URNs as public files give them: each checked, and each taken once a file.
struct URNs {
    private var seen: [String: Int] = [:]

    /// The row's URN, or why it has none: a blank cell, or text that is not a URN.
    static func read(_ record: CSVRecord, column: Int?) -> Result<String, RowProblem> {
        guard let urn = record.trimmed(column ?? -1) else { return .failure(RowProblem(line: record.line, column: "URN", "no URN")) }
        guard urn.count <= 7, urn.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return .failure(RowProblem(line: record.line, column: "URN", "\"\(urn.prefix(40))\" is not a URN"))
        }
        return .success(urn)
    }

    /// The problem when the URN was on an earlier line of the file; otherwise it is noted.
    mutating func repeated(_ urn: String, line: Int) -> RowProblem? {
        if let first = seen[urn] { return RowProblem(line: line, column: "URN", "URN \(urn) appears again (first on line \(first))") }
        seen[urn] = line
        return nil
    }
}
