/// One row of an Ofsted management-information file read into inspections: each block of
/// columns that holds an inspection gives one, with its own date, oldest first. Where two
/// blocks give the same date (the 2024/25 layout repeats the latest graded inspection), the
/// fuller block's reading is kept.
extension OfstedColumns {
    func inspections(_ record: CSVRecord) -> Result<([Inspection], [RowProblem]), RowProblem> {
        var notes: [RowProblem] = []
        var found: [(role: OfstedInspectionColumns.Role, inspection: Inspection)] = []
        for block in blocks {
            switch block.inspection(in: record) {
            case .failure(let problem): return .failure(problem)
            case .success(let (inspection, note)):
                if let note { notes.append(note) }
                guard let inspection else { continue }
                if let index = found.firstIndex(where: { $0.inspection.date == inspection.date }) {
                    if block.role < found[index].role { found[index] = (block.role, inspection) }
                } else {
                    found.append((block.role, inspection))
                }
            }
        }
        return .success((found.map(\.inspection).sorted { $0.date < $1.date }, notes))
    }
}

extension OfstedInspectionColumns {
    static let ungradedFrom = Day(year: 2024, month: 9, day: 1)!
    static let reportCardsFrom = Day(year: 2025, month: 11, day: 10)!

    /// The inspection this block holds in the row: nil, with perhaps a note, when it holds
    /// none or one that cannot be kept; a problem when a cell is not what Ofsted writes there.
    func inspection(in record: CSVRecord) -> Result<(Inspection?, RowProblem?), RowProblem> {
        let line = record.line
        func problem(_ column: Column, _ message: String) -> RowProblem { RowProblem(line: line, column: column.name, message) }
        guard let dateText = OfstedCell.value(record, date) else { return .success((nil, nil)) }
        guard let day = Day(dateText) else {
            return .failure(problem(date, "\"\(dateText.prefix(40))\" is not a date: Ofsted writes dd/mm/yyyy, or NULL where there is none"))
        }
        if role == .ungraded {
            // An ungraded inspection that became a graded one is that graded inspection.
            if let converted, OfstedCell.value(record, converted)?.lowercased() == "yes" { return .success((nil, nil)) }
            return ungradedInspection(on: day, record)
        }
        var inspection = Inspection(date: day, framework: framework(of: day))
        inspection.type = type.flatMap { OfstedCell.value(record, $0) }
        if let concern, let text = OfstedCell.value(record, concern) {
            guard let category = OfstedCell.concern(text) else {
                return .failure(problem(concern, "\"\(text.prefix(40))\" is not a category of concern Ofsted gives: SM, SWK, RSI or their names"))
            }
            inspection.categoryOfConcern = category
        }
        if let safeguarding, let text = OfstedCell.value(record, safeguarding) {
            guard let reading = OfstedCell.safeguarding(text) else {
                return .failure(problem(safeguarding, "\"\(text.prefix(40))\" is not how Ofsted records safeguarding: Met, Not met, Yes, No or 9"))
            }
            inspection.safeguarding = reading
        }
        inspection.urnAtInspection = predecessorURN(record)
        switch inspection.framework {
        case .reportCard2025:
            return reportCard(inspection, record)
        default:
            return graded(inspection, record)
        }
    }

    /// Which framework an inspection was made under, by its date (as the evidence format
    /// requires): report cards from 10 November 2025, no overall grade from September 2024.
    func framework(of day: Day) -> InspectionFramework {
        if day >= Self.reportCardsFrom && !areas.isEmpty { return .reportCard2025 }
        return day >= Self.ungradedFrom ? .ungraded2024 : .graded
    }

    /// The URN an inspection was of when Ofsted says it does not relate to this school.
    func predecessorURN(_ record: CSVRecord) -> String? {
        guard let relates, OfstedCell.value(record, relates)?.lowercased() == "no", let urnAt else { return nil }
        return OfstedCell.value(record, urnAt)
    }

    private func graded(_ inspection: Inspection, _ record: CSVRecord) -> Result<(Inspection?, RowProblem?), RowProblem> {
        var inspection = inspection
        for (judgement, column) in judgements {
            let text = OfstedCell.value(record, column)
            guard let grade = OfstedCell.grade(text) else {
                return .failure(RowProblem(line: record.line, column: column.name, "\"\(text?.prefix(40) ?? "")\" is not a grade Ofsted gives: 1 to 4, or 9 where it does not apply"))
            }
            if let grade { inspection.keyJudgements[judgement] = grade }
        }
        let text = overall.flatMap { OfstedCell.value(record, $0) }
        guard let grade = OfstedCell.grade(text) else {
            return .failure(RowProblem(line: record.line, column: overall?.name, "\"\(text?.prefix(40) ?? "")\" is not a grade Ofsted gives: 1 to 4, or Not judged"))
        }
        switch inspection.framework {
        case .graded:
            guard let grade else {
                let note = RowProblem(line: record.line, column: overall?.name ?? date.name,
                                      "\(role.label), of \(inspection.date.longText), has no overall grade although it was made before September 2024: left out")
                return .success((nil, note))
            }
            inspection.overallEffectiveness = grade
        default:
            // From September 2024 inspections gave no overall grade: a figure in the column is
            // not kept, so the framework's own reading of the key judgements decides.
            if grade != nil {
                let note = RowProblem(line: record.line, column: overall?.name,
                                      "\(role.label), of \(inspection.date.longText), gives an overall grade although inspections from September 2024 have none: the grade is not kept")
                return .success((inspection, note))
            }
        }
        return .success((inspection, nil))
    }

    private func reportCard(_ inspection: Inspection, _ record: CSVRecord) -> Result<(Inspection?, RowProblem?), RowProblem> {
        var inspection = inspection
        for (area, column, dateColumn) in areas {
            let text = OfstedCell.value(record, column)
            guard let grade = OfstedCell.cardGrade(text) else {
                return .failure(RowProblem(line: record.line, column: column.name,
                                           "\"\(text?.prefix(40) ?? "")\" is not a report-card grade: Exceptional, Strong standard, Expected standard, Needs attention, Urgent improvement or Not applicable"))
            }
            guard let grade else { continue }
            inspection.reportCard[area] = grade
            if let dateColumn, let text = OfstedCell.value(record, dateColumn) {
                guard let graded = Day(text) else {
                    return .failure(RowProblem(line: record.line, column: dateColumn.name, "\"\(text.prefix(40))\" is not a date: Ofsted writes dd/mm/yyyy"))
                }
                if graded != inspection.date { inspection.areaDates[area] = graded }
            }
        }
        if inspection.reportCard.isEmpty {
            let note = RowProblem(line: record.line, column: date.name, "a report card of \(inspection.date.longText) without its evaluation areas: left out")
            return .success((nil, note))
        }
        return .success((inspection, nil))
    }

    private func ungradedInspection(on day: Day, _ record: CSVRecord) -> Result<(Inspection?, RowProblem?), RowProblem> {
        var inspection = Inspection(date: day, framework: .ungradedInspection)
        inspection.type = "Ungraded inspection"
        inspection.urnAtInspection = predecessorURN(record)
        guard let outcome, let text = OfstedCell.value(record, outcome) else { return .success((inspection, nil)) }
        inspection.outcomeText = text
        guard let reading = OfstedCell.ungradedOutcome(text) else {
            let note = RowProblem(line: record.line, column: outcome.name,
                                  "\"\(text.prefix(60))\" is not an outcome Sift knows: kept as written, and the school's grade stands")
            return .success((inspection, note))
        }
        inspection.outcome = reading.outcome
        inspection.overallEffectiveness = reading.grade
        return .success((inspection, nil))
    }
}
