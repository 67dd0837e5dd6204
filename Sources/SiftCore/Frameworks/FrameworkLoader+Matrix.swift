extension FrameworkLoader {
    /// A table written as a grid (framework-format.md, "Lookup tables"):
    ///
    ///     matrix:
    ///       rows: derived.standards_group
    ///       columns: la.improvement_capacity
    ///       grid:
    ///         - ["",  A,     B,      C,      D]
    ///         - ["1", green, green,  yellow, amber]
    ///
    /// The first line names the columns, each later line starts with its row's value. Each cell
    /// becomes a row of the table (`<table>-<row>-<column>`) whose condition is the two facts'
    /// values, so a grid is decided, undetermined and explained as any table is.
    func readMatrix(_ node: Tree, table: String, output: DecisionTable.Output, citation: Citation) -> (MatrixLayout, [DecisionRow])? {
        guard let entry = mapping(node, "matrix", required: ["rows", "columns", "grid"], optional: []),
              let rowFact = text(entry["rows"], "rows"), let columnFact = text(entry["columns"], "columns") else { return nil }
        guard let rowDomain = axisDomain(entry["rows"], rowFact), let columnDomain = axisDomain(entry["columns"], columnFact) else { return nil }
        let lines = list(entry["grid"], "grid")
        guard let header = lines.first, let headerCells = header.elements, headerCells.count >= 2 else {
            issue(entry["grid"] ?? node, "the grid's first line names its columns: [\"\", A, B, C]")
            return nil
        }
        let columnValues = headerCells.dropFirst().compactMap { axisValue($0, of: columnFact, in: columnDomain) }
        guard columnValues.count == headerCells.count - 1 else { return nil }
        var layout = MatrixLayout(rowFact: rowFact, columnFact: columnFact, rowValues: [], columnValues: columnValues, cells: [])
        var rows: [DecisionRow] = []
        for line in lines.dropFirst() {
            guard let cells = line.elements else { issue(line, "each line of the grid is a list: [row value, then a cell per column]"); continue }
            guard cells.count == headerCells.count else {
                issue(line, "this line has \(cells.count - 1) cells, but the grid has \(columnValues.count) columns: every cell needs an outcome")
                continue
            }
            guard let rowValue = axisValue(cells[0], of: rowFact, in: rowDomain) else { continue }
            if layout.rowValues.contains(rowValue) { issue(cells[0], "the row '\(rowValue)' is in the grid twice"); continue }
            var outcomes: [String] = []
            for (column, cell) in zip(columnValues, cells.dropFirst()) {
                guard let then = outcome(cell, output: output) else { continue }
                outcomes.append(then)
                let source = "\(rowFact) == \(Self.literal(rowValue)) and \(columnFact) == \(Self.literal(column))"
                do {
                    let when = try ExpressionParser.parseCondition(source, catalog: catalog)
                    rows.append(DecisionRow(id: "\(table)-\(rowValue)-\(column)", when: when, whenText: source, then: then,
                                            judgement: nil, citation: citation, line: cell.line,
                                            gridCell: GridCell(row: rowValue, column: column)))
                } catch {
                    issue(cell, "this cell's condition \(error.message)")
                }
            }
            layout.rowValues.append(rowValue)
            layout.cells.append(outcomes)
        }
        if layout.rowValues.isEmpty { issue(entry["grid"], "the grid has no rows: after the line of columns, a line per row value") }
        for (axis, values, domain, line) in [("row", layout.rowValues, rowDomain, entry["grid"]), ("column", columnValues, columnDomain, header)] {
            let missing = domain.subtracting(values)
            if !missing.isEmpty {
                issue(line, "the grid has no \(axis) for \(missing.sorted().map { "'\($0)'" }.joined(separator: ", ")): every value \(axis == "row" ? rowFact : columnFact) can take needs one")
            }
        }
        layout.complete = !rowDomain.isEmpty && !columnDomain.isEmpty
            && rowDomain.isSubset(of: layout.rowValues) && columnDomain.isSubset(of: columnValues)
        return (layout, rows)
    }

    /// The values an axis's fact can take, when they are a closed list (empty when any number
    /// or text may come, so the grid's own values are all there is to check).
    private func axisDomain(_ node: Tree?, _ path: String) -> Set<String>? {
        if path.hasPrefix("derived."), let outcomes = tableOutcomes[String(path.dropFirst(8))] { return outcomes }
        switch catalog.resolve(path) {
        case .failure(let error): issue(node, "\(error.message)"); return nil
        case .success(let (_, domain)):
            switch domain {
            case .bool: return ["true", "false"]
            case .text(let values?): return values
            case .text(nil), .number: return []
            }
        }
    }

    private func axisValue(_ node: Tree, of path: String, in domain: Set<String>) -> String? {
        guard let value = node.bool.map({ $0 ? "true" : "false" }) ?? text(node, "a value of \(path)") else { return nil }
        if !domain.isEmpty, !domain.contains(value) {
            issue(node, "'\(value)' is not a value \(path) can take; it takes \(domain.sorted().joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// A value as a rule writes it: a number or true/false bare, a word quoted.
    private static func literal(_ value: String) -> String {
        Double(value) != nil || value == "true" || value == "false" ? value : "'\(value)'"
    }
}
