extension FrameworkLoader {
    static let topKeysRequired: Set<String> = [
        "sift_framework", "id", "name", "authority", "source", "categories", "tables", "entitlements", "examples",
    ]
    static let topKeysOptional: Set<String> = [
        "phases", "kinds", "facts", "measures", "data_trend", "inspection_reading", "parameters", "designations", "flags", "derived", "constraints", "indicator", "plans", "funding", "funding_proration", "groups",
    ]

    func readFramework(_ tree: Tree) -> Framework? {
        guard let root = mapping(tree, "the framework", required: Self.topKeysRequired, optional: Self.topKeysOptional) else {
            return nil
        }
        if let version = root["sift_framework"], version.number != 1 {
            issue(version, "sift_framework must be 1 (the only format version)")
        }
        let facts = readDeclaredFacts(root["facts"])
        let measures = readDeclaredMeasures(root["measures"])
        catalog.declaredFacts = facts
        catalog.declaredMeasures = measures
        // A framework whose schools Ofsted does not inspect needs no reading of Ofsted's
        // inspections; its rules then cannot read them either.
        catalog.readsInspections = root["inspection_reading"].map { !$0.isNull } ?? false
        let parameters = readParameters(root["parameters"])
        catalog.parameterIDs = parameters.map(\.id)
        let categories = readCategories(root["categories"], "categories")
        let designations = readCategories(root["designations"], "designations")
        catalog.categoryCodes = Set(categories.map(\.code))
        catalog.designationCodes = Set(designations.map(\.code))
        let reading = readInspectionReading(root["inspection_reading"])
        let dataTrend = readDataTrend(root["data_trend"])
        let flags = readFlags(root["flags"])
        let derived = readDerived(root["derived"])
        let tables = readTables(root["tables"], hasDesignations: !designations.isEmpty)
        let constraints = readConstraints(root["constraints"])
        let indicator = text(root["indicator"], "indicator")
        if let indicator, indicator.contains("{designation}"), designations.isEmpty {
            issue(root["indicator"], "the indicator uses {designation}, but the framework has no designations")
        }
        let phases: [Phase] = list(root["phases"], "phases").compactMap { node in
            guard let text = text(node, "a phase") else { return nil }
            guard let phase = Phase(rawValue: text) else {
                issue(node, "'\(text)' is not a phase; phases are \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return phase
        }
        let kinds = readKinds(root["kinds"])
        let framework = Framework(
            id: text(root["id"], "id") ?? "",
            name: text(root["name"], "name") ?? "",
            authority: text(root["authority"], "authority") ?? "",
            source: text(root["source"], "source") ?? "",
            phases: phases,
            note: text(root["note"], "note"),
            parameters: parameters,
            inspectionReading: reading ?? Self.placeholderReading,
            categories: categories,
            designations: designations,
            flags: flags,
            derived: derived,
            tables: tables,
            constraints: constraints,
            indicator: indicator,
            entitlements: readEntitlements(root["entitlements"]),
            plans: readPlans(root["plans"]),
            funding: readFunding(root["funding"]),
            examples: readExamples(root["examples"]),
            derivedSlots: catalog.derivedIDs,
            file: file,
            fundingProration: readFundingProration(root["funding_proration"]),
            facts: facts, measures: measures, readsInspections: catalog.readsInspections, dataTrend: dataTrend, kinds: kinds,
            grouping: readGrouping(root["groups"]))
        return issues.isEmpty ? framework : nil
    }

    func readFundingProration(_ node: Tree?) -> FundingProration {
        guard let node, let name = text(node, "funding_proration") else { return .days }
        guard let proration = FundingProration(rawValue: name) else {
            issue(node, "funding_proration '\(name)' is not \(FundingProration.allCases.map(\.rawValue).joined(separator: " or "))")
            return .days
        }
        return proration
    }

    static let placeholderReading = InspectionReading(
        ungradedOverall: .none, ungradedNote: nil, reportCardOverall: .none, reportCardLeadership: nil,
        scale: [1, 2, 3, 4, 4], safeguardingNotMet: nil, reportCardNote: nil)

    func readParameters(_ node: Tree?) -> [Parameter] {
        var seen = Set<String>()
        return list(node, "parameters").compactMap { element in
            guard let entry = mapping(element, "a parameter", required: ["id"], optional: ["value", "unit", "description"]),
                  let id = text(entry["id"], "id") else { return nil }
            if !seen.insert(id).inserted { issue(element, "the parameter '\(id)' is defined twice") }
            return Parameter(id: id, value: number(entry["value"], "value"), unit: text(entry["unit"], "unit"),
                             description: text(entry["description"], "description"))
        }
    }

    func readCategories(_ node: Tree?, _ what: String) -> [Category] {
        var seen = Set<String>()
        return list(node, what).enumerated().compactMap { index, element in
            guard let entry = mapping(element, "a category", required: ["code", "name"], optional: ["description", "severity"]),
                  let code = text(entry["code"], "code"), let name = text(entry["name"], "name") else { return nil }
            if !seen.insert(code).inserted { issue(element, "the code '\(code)' is defined twice in \(what)") }
            let severity = integer(entry["severity"], "severity", 1...1000) ?? index + 1
            return Category(code: code, name: name, description: text(entry["description"], "description"), severity: severity)
        }
    }

    func readInspectionReading(_ node: Tree?) -> InspectionReading? {
        guard let node, !node.isNull else { return nil }
        guard let entry = mapping(node, "inspection_reading", required: ["ungraded_2024", "report_card_2025"], optional: []) else { return nil }
        var reading = Self.placeholderReading
        if let ungraded = mapping(entry["ungraded_2024"], "ungraded_2024", required: ["overall"], optional: []) {
            reading.ungradedNote = text(ungraded["note"], "note")
            if let value = text(ungraded["overall"], "overall") {
                if let overall = InspectionReading.UngradedOverall(rawValue: value) {
                    reading.ungradedOverall = overall
                } else {
                    issue(ungraded["overall"], "'\(value)' is not a reading; use \(InspectionReading.UngradedOverall.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
        }
        if let card = mapping(entry["report_card_2025"], "report_card_2025", required: ["overall", "scale"], optional: ["leadership", "safeguarding_not_met"]) {
            reading.reportCardNote = text(card["note"], "note")
            if let value = text(card["overall"], "overall") {
                if let overall = InspectionReading.ReportCardOverall(rawValue: value) {
                    reading.reportCardOverall = overall
                } else {
                    issue(card["overall"], "'\(value)' is not a reading; use \(InspectionReading.ReportCardOverall.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            if let value = text(card["leadership"], "leadership") {
                if let area = ReportCardArea(rawValue: value) { reading.reportCardLeadership = area } else {
                    issue(card["leadership"], "'\(value)' is not a report-card area; areas are \(ReportCardArea.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            if let scale = mapping(card["scale"], "scale", required: Set(ReportCardGrade.allCases.map(\.name)), optional: []) {
                reading.scale = ReportCardGrade.allCases.map { grade in
                    integer(scale[grade.name], "\(grade.name) (a grade)", 1...4) ?? 4
                }
            }
            reading.safeguardingNotMet = integer(card["safeguarding_not_met"], "safeguarding_not_met (a grade)", 1...4)
        }
        return reading
    }
}
