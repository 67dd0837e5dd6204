extension FrameworkLoader {
    func readFlags(_ node: Tree?) -> FlagSpec? {
        guard let node, !node.isNull else { return nil }
        guard let entry = mapping(node, "flags", required: ["items"], optional: ["trend_years"]) else { return nil }
        var spec = FlagSpec(trendYears: .consecutivePublished, items: [], groups: [])
        if let value = text(entry["trend_years"], "trend_years") {
            if let years = FlagSpec.TrendYears(rawValue: value) { spec.trendYears = years } else {
                issue(entry["trend_years"], "trend_years is consecutive_published or consecutive_calendar")
            }
        }
        var flagCatalog = catalog
        flagCatalog.measureFieldsInScope = true
        for element in list(entry["items"], "flags.items") {
            guard let item = mapping(element, "a flag", required: ["id", "measure", "when"], optional: ["group", "cite"]),
                  let id = text(item["id"], "id") else { continue }
            if catalog.flagIDs.contains(id) { issue(element, "the flag '\(id)' is defined twice") }
            guard let measureName = text(item["measure"], "measure") else { continue }
            guard let measure = MeasureID(rawValue: measureName) else {
                issue(item["measure"], "'\(measureName)' is not a measure; measures are \(MeasureID.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            guard let source = text(item["when"], "when") else { continue }
            let when: Expression
            do { when = try ExpressionParser.parseCondition(source, catalog: flagCatalog) } catch {
                issue(item["when"], "when \(error.message)")
                continue
            }
            let group = text(item["group"], "group") ?? id
            if !spec.groups.contains(group) { spec.groups.append(group) }
            spec.items.append(FlagItem(id: id, measure: measure, when: when, whenText: source,
                                       group: spec.groups.firstIndex(of: group)!, citation: citation(item)))
            catalog.flagIDs.append(id)
        }
        return spec
    }

    func readDerived(_ node: Tree?) -> [DerivedRule] {
        list(node, "derived").compactMap { element in
            guard let item = mapping(element, "a derived rule", required: ["id"], optional: ["when", "value", "cite"]),
                  let id = text(item["id"], "id") else { return nil }
            let isNumber = item["value"].map { !$0.isNull } ?? false
            guard isNumber != (item["when"].map { !$0.isNull } ?? false) else {
                issue(element, "a derived rule has either when: (a condition, true or false) or value: (a number), not \(isNumber ? "both" : "neither")")
                return nil
            }
            // Parsed before the id is added: a rule cannot use itself.
            guard let (when, source) = isNumber ? numberValue(item["value"], "value") : condition(item["when"], "when") else { return nil }
            if when.facts.contains(where: { if case .category = $0.ref { return true }; if case .designation = $0.ref { return true }; return false }) {
                issue(item["when"] ?? item["value"], "a derived value is worked out before any table runs, so it cannot use category or designation")
                return nil
            }
            if catalog.derivedIDs.contains(id) { issue(element, "'\(id)' is defined twice"); return nil }
            catalog.derivedIDs.append(id)
            return DerivedRule(id: id, slot: catalog.derivedIDs.count - 1, when: when, whenText: source, citation: citation(item), isNumber: isNumber)
        }
    }

    func readTables(_ node: Tree?, hasDesignations: Bool) -> [DecisionTable] {
        var outputs = Set<String>()
        var rowIDs = Set<String>()
        let tables: [DecisionTable] = list(node, "tables").compactMap { element in
            guard let entry = mapping(element, "a table", required: ["id", "sets"], optional: ["rows", "matrix", "otherwise", "cite"]),
                  let id = text(entry["id"], "id"), let sets = text(entry["sets"], "sets") else { return nil }
            if !outputs.insert(sets).inserted { issue(entry["sets"], "two tables set '\(sets)'") }
            let output: DecisionTable.Output
            switch sets {
            case "category": output = .category
            case "designation":
                if !hasDesignations { issue(entry["sets"], "a table sets designation, but the framework lists no designations") }
                output = .designation
            default:
                if catalog.derivedIDs.contains(sets) {
                    issue(entry["sets"], "'\(sets)' is already the name of a derived value; a table's output needs a name of its own")
                }
                output = .derived(slot: catalog.derivedIDs.count, name: sets)
            }
            var matrix: MatrixLayout?
            if entry["rows"] == nil || entry["rows"]!.isNull, entry["matrix"] == nil || entry["matrix"]!.isNull {
                issue(element, "a table needs rows (a list of conditions) or a matrix (a grid)")
            }
            var rows: [DecisionRow] = []
            rows += list(entry["rows"], "rows").compactMap { rowNode in
                guard let row = mapping(rowNode, "a row", required: ["id", "when", "then"], optional: ["judgement", "cite"]),
                      let rowID = text(row["id"], "id") else { return nil }
                if !rowIDs.insert(rowID).inserted { issue(rowNode, "the row id '\(rowID)' is used twice") }
                guard let (when, source) = condition(row["when"], "when") else { return nil }
                guard let then = outcome(row["then"], output: output) else { return nil }
                var judgement: Judgement?
                if let judgementNode = mapping(row["judgement"], "judgement", required: ["alternatives", "why"], optional: []) {
                    let alternatives = list(judgementNode["alternatives"], "alternatives").compactMap { outcome($0, output: output) }
                    if !alternatives.contains(then) {
                        issue(judgementNode, "the alternatives must include the proposed outcome '\(then)'")
                    }
                    if alternatives.count < 2 { issue(judgementNode, "a judgement needs at least two alternatives") }
                    judgement = Judgement(alternatives: alternatives, why: text(judgementNode["why"], "why") ?? "")
                }
                return DecisionRow(id: rowID, when: when, whenText: source, then: then, judgement: judgement,
                                   citation: citation(row), line: rowNode.line)
            }
            // Rows listed under `rows:` are tried before the grid's cells: exceptions first.
            if let matrixNode = entry["matrix"], !matrixNode.isNull,
               let (layout, cellRows) = readMatrix(matrixNode, table: id, output: output, citation: citation(entry)) {
                matrix = layout
                rows += cellRows
            }
            var otherwise: Outcome?
            if let otherwiseNode = mapping(entry["otherwise"], "otherwise", required: ["then"], optional: ["cite"]),
               let value = outcome(otherwiseNode["then"], output: output) {
                otherwise = Outcome(value: value, citation: citation(otherwiseNode))
            }
            if case .derived = output {
                catalog.derivedIDs.append(sets)
                tableOutcomes[sets] = Set(rows.map(\.then) + [otherwise?.value].compactMap { $0 })
            }
            return DecisionTable(id: id, output: output, rows: rows, otherwise: otherwise, note: text(entry["note"], "note"), matrix: matrix)
        }
        if !tables.contains(where: { $0.output == .category }) {
            issue(node, "no table sets category")
        }
        return tables
    }

    func outcome(_ node: Tree?, output: DecisionTable.Output) -> String? {
        switch output {
        case .category: return categoryCode(node, "the outcome")
        case .designation:
            guard let code = text(node, "the outcome") else { return nil }
            guard catalog.designationCodes.contains(code) else {
                issue(node, "'\(code)' is not a designation; designations are \(catalog.designationCodes.sorted().joined(separator: ", "))")
                return nil
            }
            return code
        case .derived: return text(node, "the outcome")
        }
    }

    /// The roles that decide categories, and so may be allowed an exception.
    static let exceptionRoles = ["administrator", "officer"]

    func readConstraints(_ node: Tree?) -> [Constraint] {
        list(node, "constraints").compactMap { element in
            guard let entry = mapping(element, "a constraint", required: ["id", "categories", "require"], optional: ["cite", "exception_by"]),
                  let id = text(entry["id"], "id") else { return nil }
            let categories = list(entry["categories"], "categories").compactMap { categoryCode($0, "a constrained category") }
            guard let (require, source) = condition(entry["require"], "require") else { return nil }
            // Only where the seed allows an exception does the file name who may make it.
            let exceptionBy = list(entry["exception_by"], "exception_by").compactMap { node -> String? in
                guard let role = text(node, "a role") else { return nil }
                guard Self.exceptionRoles.contains(role) else {
                    issue(node, "'\(role)' is not a role that decides categories: use \(Self.exceptionRoles.joined(separator: " or "))")
                    return nil
                }
                return role
            }
            return Constraint(id: id, categories: categories, require: require, requireText: source, citation: citation(entry), exceptionBy: exceptionBy)
        }
    }
}
