extension EstablishmentReader {
    static let inspectionKeys: Set<String> = [
        "date", "framework", "type", "overallEffectiveness", "leadershipAndManagement", "qualityOfEducation",
        "behaviourAndAttitudes", "personalDevelopment", "earlyYears", "sixthForm", "safeguarding",
        "categoryOfConcern", "earlyYearsRequirements", "reportCard", "reportCardDates", "outcome", "outcomeText", "urnAtInspection",
    ]

    static let judgementKeys: [(String, KeyJudgement)] = [
        ("leadershipAndManagement", .leadershipAndManagement), ("qualityOfEducation", .qualityOfEducation),
        ("behaviourAndAttitudes", .behaviourAndAttitudes), ("personalDevelopment", .personalDevelopment),
        ("earlyYears", .earlyYears), ("sixthForm", .sixthForm),
    ]

    /// The first day of the 2024 ungraded period and of the renewed report-card framework.
    static let ungradedFrom = Day(year: 2024, month: 9, day: 1)!
    static let reportCardsFrom = Day(year: 2025, month: 11, day: 10)!

    mutating func readInspections() -> [Inspection] {
        guard let node = tree["inspections"], !node.isNull else { return [] }
        guard let list = node.elements else { problem("inspections", "expected a list, found \(node.kindName)", node); return [] }
        var inspections: [Inspection] = []
        for (index, element) in list.enumerated() {
            if let inspection = readInspection(element, field: "inspections[\(index)]") { inspections.append(inspection) }
        }
        inspections.sort { $0.date < $1.date }
        for (earlier, later) in zip(inspections, inspections.dropFirst()) where earlier.date == later.date {
            problem("inspections", "two inspections are dated \(later.date); give one per date", node)
        }
        return inspections
    }

    private mutating func readInspection(_ node: Tree, field: String) -> Inspection? {
        guard let members = node.members else { problem(field, "expected an object, found \(node.kindName)", node); return nil }
        checkKeys(members, known: Self.inspectionKeys, prefix: field + ".")
        guard let dateNode = node["date"], !dateNode.isNull else { problem(field + ".date", "required, but missing", node); return nil }
        guard let date = optionalDay(dateNode, field + ".date") else { return nil }
        guard let frameworkNode = node["framework"], !frameworkNode.isNull else {
            problem(field + ".framework", "required: graded, ungraded_2024, report_card_2025, early_years or ungraded_inspection", node)
            return nil
        }
        guard let framework: InspectionFramework = optionalEnum(frameworkNode, field + ".framework") else { return nil }
        var inspection = Inspection(date: date, framework: framework)
        inspection.type = optionalText(node["type"], field + ".type")
        inspection.overallEffectiveness = readGrade(node["overallEffectiveness"], field + ".overallEffectiveness")
        for (key, judgement) in Self.judgementKeys {
            if let grade = readGrade(node[key], "\(field).\(key)") { inspection.keyJudgements[judgement] = grade }
        }
        inspection.safeguarding = readSafeguarding(node["safeguarding"], field + ".safeguarding")
        inspection.categoryOfConcern = optionalEnum(node["categoryOfConcern"], field + ".categoryOfConcern") ?? .none
        inspection.earlyYearsRequirements = optionalEnum(node["earlyYearsRequirements"], field + ".earlyYearsRequirements")
        if let card = node["reportCard"], !card.isNull {
            readReportCard(card, field: field + ".reportCard", into: &inspection)
        }
        if let dates = node["reportCardDates"], !dates.isNull {
            readAreaDates(dates, field: field + ".reportCardDates", into: &inspection)
        }
        inspection.outcome = optionalEnum(node["outcome"], field + ".outcome")
        inspection.outcomeText = optionalText(node["outcomeText"], field + ".outcomeText")
        inspection.urnAtInspection = optionalText(node["urnAtInspection"], field + ".urnAtInspection")
        checkConsistency(inspection, field: field, node: node)
        return inspection
    }

    private mutating func checkConsistency(_ inspection: Inspection, field: String, node: Tree) {
        switch inspection.framework {
        case .graded:
            if inspection.overallEffectiveness == nil {
                problem(field + ".overallEffectiveness", "a graded inspection needs its overall effectiveness grade", node)
            }
            if inspection.date >= Self.ungradedFrom {
                problem(field + ".framework", "graded inspections of schools ended in August 2024; an inspection on \(inspection.date) is ungraded_2024 or report_card_2025", node)
            }
        case .ungraded2024:
            if inspection.overallEffectiveness != nil {
                problem(field + ".overallEffectiveness", "inspections from September 2024 give no overall grade; remove it or correct the framework", node)
            }
            if inspection.date < Self.ungradedFrom || inspection.date >= Self.reportCardsFrom {
                problem(field + ".date", "the ungraded_2024 framework ran from 2024-09-01 to 2025-11-09, but this inspection is dated \(inspection.date)", node)
            }
        case .reportCard2025:
            if inspection.reportCard.isEmpty {
                problem(field + ".reportCard", "a report-card inspection needs its evaluation areas", node)
            }
            if inspection.overallEffectiveness != nil {
                problem(field + ".overallEffectiveness", "report cards give no overall grade", node)
            }
            if inspection.date < Self.reportCardsFrom {
                problem(field + ".date", "report cards began on 2025-11-10, but this inspection is dated \(inspection.date)", node)
            }
        case .earlyYears:
            if inspection.overallEffectiveness == nil && inspection.earlyYearsRequirements == nil {
                problem(field, "an early-years inspection needs overallEffectiveness or earlyYearsRequirements (met / not_met)", node)
            }
        case .ungradedInspection:
            if !inspection.keyJudgements.isEmpty {
                problem(field, "an ungraded inspection gives an outcome, not judgements: its school's judgements stand from the inspection before", node)
            }
        }
        if inspection.framework != .ungradedInspection && (inspection.outcome != nil || inspection.outcomeText != nil) {
            problem(field + ".outcome", "only ungraded inspections (ungraded_inspection) have an outcome", node)
        }
        if inspection.framework != .reportCard2025 && !inspection.reportCard.isEmpty {
            problem(field + ".reportCard", "only report_card_2025 inspections have report cards", node)
        }
        if inspection.framework == .reportCard2025 && !inspection.keyJudgements.isEmpty {
            problem(field, "report cards have evaluation areas, not the key judgements of earlier frameworks", node)
        }
        if inspection.categoryOfConcern != .none, let grade = inspection.overallEffectiveness, grade != 4 {
            problem(field + ".categoryOfConcern", "\(inspection.categoryOfConcern.rawValue) goes with an inadequate (4) overall grade, but the grade given is \(grade)", node)
        }
    }

    /// A grade as a number 1–4 or in words.
    mutating func readGrade(_ node: Tree?, _ field: @autoclosure () -> String) -> Int? {
        guard let node, !node.isNull else { return nil }
        if let number = node.number {
            guard let grade = Int(exactly: number), (1...4).contains(grade) else {
                problem(field(), "a grade is 1 (outstanding) to 4 (inadequate), found \(Tree.format(number))", node)
                return nil
            }
            return grade
        }
        let words = ["outstanding": 1, "good": 2, "requires_improvement": 3, "satisfactory": 3, "inadequate": 4]
        if let text = node.text, let grade = words[String(text.lowercased().map { $0 == " " ? "_" : $0 })] { return grade }
        problem(field(), "'\(node.text ?? node.kindName)' is not a grade: use 1–4 or outstanding, good, requires_improvement, satisfactory, inadequate", node)
        return nil
    }

    private mutating func readSafeguarding(_ node: Tree?, _ field: @autoclosure () -> String) -> MetOrNotMet? {
        guard let node, !node.isNull else { return nil }
        switch node.text {
        case "met", "effective": return .met
        case "not_met", "not_effective", "ineffective": return .notMet
        default:
            problem(field(), "'\(node.text ?? node.kindName)' is not one of: met, not_met, effective, not_effective", node)
            return nil
        }
    }

    private mutating func readAreaDates(_ node: Tree, field: String, into inspection: inout Inspection) {
        guard let members = node.members else { problem(field, "expected an object, found \(node.kindName)", node); return }
        let areas = Dictionary(uniqueKeysWithValues: ReportCardArea.allCases.map { ($0.evidenceKey, $0) })
        checkKeys(members, known: Set(areas.keys), prefix: field + ".")
        for member in members {
            guard let area = areas[member.key], let day = optionalDay(member.value, "\(field).\(member.key)") else { continue }
            inspection.areaDates[area] = day
        }
    }

    private mutating func readReportCard(_ node: Tree, field: String, into inspection: inout Inspection) {
        guard let members = node.members else { problem(field, "expected an object, found \(node.kindName)", node); return }
        let areas = Dictionary(uniqueKeysWithValues: ReportCardArea.allCases.map { ($0.evidenceKey, $0) })
        checkKeys(members, known: Set(areas.keys), prefix: field + ".")
        for member in members {
            guard let area = areas[member.key] else { continue }
            let grades = Dictionary(uniqueKeysWithValues: ReportCardGrade.allCases.map { ($0.name, $0) })
            if let text = member.value.text, let grade = grades[text] {
                inspection.reportCard[area] = grade
            } else {
                problem("\(field).\(member.key)", "'\(member.value.text ?? member.value.kindName)' is not one of: exceptional, strong_standard, expected_standard, needs_attention, urgent_improvement", member.value)
            }
        }
    }
}
