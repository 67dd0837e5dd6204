/// The columns of an Ofsted management-information file, found once, and one row read into
/// inspections. Each column is known by the names Ofsted's layouts have given it.
struct OfstedColumns {
    static let date = ["Inspection start date", "Inspection date", "Inspection start date of latest inspection"]
    static let ungradedFrom = Day(year: 2024, month: 9, day: 1)!
    static let reportCardsFrom = Day(year: 2025, month: 11, day: 10)!

    let urn: Int
    let start, type, overall, concern, safeguarding: Int?
    let previousDate, previousOverall: Int?
    let judgements: [(KeyJudgement, Int, String)]
    let areas: [(ReportCardArea, Int, String)]

    init(_ columns: CSVColumns) {
        urn = columns.position("URN")!
        start = columns.position(Self.date)
        type = columns.position("Inspection type")
        overall = columns.position("Overall effectiveness")
        concern = columns.position("Category of concern")
        safeguarding = columns.position("Safeguarding is effective?", "Safeguarding standards", "Safeguarding")
        previousDate = columns.position("Previous graded inspection start date", "Previous inspection start date",
                                        "Latest graded inspection start date", "Date of latest graded inspection")
        previousOverall = columns.position("Previous graded inspection overall effectiveness", "Previous full inspection overall effectiveness",
                                           "Previous inspection overall effectiveness", "Latest graded inspection overall effectiveness")
        let judgementNames: [(KeyJudgement, [String])] = [
            (.qualityOfEducation, ["Quality of education"]),
            (.behaviourAndAttitudes, ["Behaviour and attitudes"]),
            (.personalDevelopment, ["Personal development"]),
            (.leadershipAndManagement, ["Effectiveness of leadership and management", "Leadership and management"]),
            (.earlyYears, ["Early years provision (where applicable)", "Early years provision"]),
            (.sixthForm, ["Sixth form provision (where applicable)", "Sixth form provision"]),
        ]
        judgements = judgementNames.compactMap { judgement, names in columns.position(names).map { (judgement, $0, names[0]) } }
        let areaNames: [(ReportCardArea, [String])] = [
            (.inclusion, ["Inclusion"]),
            (.curriculumAndTeaching, ["Curriculum and teaching"]),
            (.achievement, ["Achievement"]),
            (.attendanceAndBehaviour, ["Attendance and behaviour"]),
            (.personalDevelopmentAndWellbeing, ["Personal development and well-being", "Personal development and wellbeing"]),
            (.earlyYears, ["Early years", "Early years (where applicable)"]),
            (.sixthForm, ["Sixth form", "Sixth form (where applicable)", "Post-16 provision"]),
            (.leadershipAndGovernance, ["Leadership and governance"]),
        ]
        areas = areaNames.compactMap { area, names in columns.position(names).map { (area, $0, names[0]) } }
    }

    /// A grade on the 4-point scale, as a code or words; nil for 9, a blank or "not judged".
    static func grade(_ text: String?) -> Int?? {
        guard let text else { return .some(nil) }
        switch text.lowercased() {
        case "1", "outstanding": return 1
        case "2", "good": return 2
        case "3", "requires improvement", "satisfactory": return 3
        case "4", "inadequate": return 4
        case "9", "not judged", "not applicable", "na", "n/a", "null", "none": return .some(nil)
        default: return nil
        }
    }

    static func cardGrade(_ text: String?) -> ReportCardGrade?? {
        guard let text else { return .some(nil) }
        switch text.lowercased() {
        case "1", "exceptional": return .exceptional
        case "2", "strong standard", "strong": return .strongStandard
        case "3", "expected standard", "expected": return .expectedStandard
        case "4", "needs attention": return .needsAttention
        case "5", "urgent improvement": return .urgentImprovement
        case "9", "not applicable", "na", "n/a", "null", "not judged": return .some(nil)
        default: return nil
        }
    }

    func inspections(_ record: CSVRecord) -> Result<([Inspection], [RowProblem]), RowProblem> {
        let line = record.line
        var notes: [RowProblem] = []
        var inspections: [Inspection] = []
        func unreadable(_ column: String, _ value: String?) -> RowProblem {
            RowProblem(line: line, column: column, "\"\(value?.prefix(40) ?? "")\" is not a grade Ofsted gives")
        }
        // The graded inspection before the latest, or kept beside a report card.
        if let dateText = record.trimmed(previousDate ?? -1) {
            guard let date = Day(dateText) else { return .failure(RowProblem(line: line, column: "Previous inspection start date", "\"\(dateText)\" is not a date")) }
            let text = record.trimmed(previousOverall ?? -1)
            guard let grade = Self.grade(text) else { return .failure(unreadable("Previous inspection overall effectiveness", text)) }
            if let grade, date < Self.ungradedFrom {
                var earlier = Inspection(date: date, framework: .graded)
                earlier.overallEffectiveness = grade
                inspections.append(earlier)
            }
        }
        guard let dateText = record.trimmed(start ?? -1) else { return .success((inspections, notes)) }  // not yet inspected
        guard let date = Day(dateText) else { return .failure(RowProblem(line: line, column: "Inspection start date", "\"\(dateText)\" is not a date")) }
        let framework: InspectionFramework = date >= Self.reportCardsFrom ? .reportCard2025 : date >= Self.ungradedFrom ? .ungraded2024 : .graded
        var inspection = Inspection(date: date, framework: framework)
        inspection.type = record.trimmed(type ?? -1)
        switch record.trimmed(concern ?? -1)?.lowercased() {
        case "special measures": inspection.categoryOfConcern = .specialMeasures
        case "serious weaknesses": inspection.categoryOfConcern = .seriousWeaknesses
        case "requires significant improvement": inspection.categoryOfConcern = .requiresSignificantImprovement
        default: break
        }
        switch record.trimmed(safeguarding ?? -1)?.lowercased() {
        case "yes", "met", "effective": inspection.safeguarding = .met
        case "no", "not met", "not effective", "ineffective": inspection.safeguarding = .notMet
        default: break
        }
        switch framework {
        case .graded, .ungraded2024:
            for (judgement, column, name) in judgements {
                let text = record.trimmed(column)
                guard let grade = Self.grade(text) else { return .failure(unreadable(name, text)) }
                if let grade { inspection.keyJudgements[judgement] = grade }
            }
            if framework == .graded {
                let text = record.trimmed(overall ?? -1)
                guard let grade = Self.grade(text) else { return .failure(unreadable("Overall effectiveness", text)) }
                guard let grade else {
                    notes.append(RowProblem(line: line, column: "Overall effectiveness", "a graded inspection of \(date) without its overall grade: left out"))
                    return .success((inspections, notes))
                }
                inspection.overallEffectiveness = grade
            }
        case .reportCard2025, .earlyYears:
            for (area, column, name) in areas {
                let text = record.trimmed(column)
                guard let grade = Self.cardGrade(text) else { return .failure(unreadable(name, text)) }
                if let grade { inspection.reportCard[area] = grade }
            }
            if inspection.reportCard.isEmpty {
                notes.append(RowProblem(line: line, column: "Inspection start date", "a report-card inspection of \(date) without its evaluation areas: left out"))
                return .success((inspections, notes))
            }
        }
        inspections.append(inspection)
        return .success((inspections.sorted { $0.date < $1.date }, notes))
    }
}
