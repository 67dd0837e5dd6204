/// How Ofsted's management-information files write each kind of cell. `NULL` or a blank
/// cell means there is nothing there; `9` and "Not applicable" mean a judgement that does not
/// apply (early years in a school without them, say).
enum OfstedCell {
    /// The cell's text; nil when blank or `NULL`.
    static func value(_ record: CSVRecord, _ column: OfstedInspectionColumns.Column) -> String? {
        guard let text = record.trimmed(column.position), text.uppercased() != "NULL" else { return nil }
        return text
    }

    /// A grade on the 4-point scale, as a code or words; `.some(nil)` where none applies.
    static func grade(_ text: String?) -> Int?? {
        guard let text else { return .some(nil) }
        switch text.lowercased() {
        case "1", "outstanding": return 1
        case "2", "good": return 2
        case "3", "requires improvement", "satisfactory": return 3
        case "4", "inadequate": return 4
        case "9", "not judged", "not applicable", "na", "n/a", "none": return .some(nil)
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
        case "9", "not applicable", "na", "n/a", "not judged": return .some(nil)
        default: return nil
        }
    }

    /// `SM`, `SWK` and `RSI` as the files write them, or the categories' names.
    static func concern(_ text: String) -> CategoryOfConcern? {
        switch text.lowercased() {
        case "sm", "special measures": return .specialMeasures
        case "swk", "sw", "serious weaknesses": return .seriousWeaknesses
        case "rsi", "requires significant improvement": return .requiresSignificantImprovement
        case "none", "no", "9", "not applicable": return CategoryOfConcern.none
        default: return nil
        }
    }

    static func safeguarding(_ text: String) -> MetOrNotMet?? {
        switch text.lowercased() {
        case "yes", "met", "effective": return .met
        case "no", "not met", "not effective", "ineffective": return .notMet
        case "9", "not applicable", "na": return .some(nil)
        default: return nil
        }
    }

    /// Every outcome of an ungraded inspection Ofsted's files have used, and its reading. The
    /// school's grade stands whatever the outcome; where the words state it ("School remains
    /// Good"), that grade is kept with the inspection.
    static let ungradedOutcomes: [String: (outcome: UngradedOutcome, grade: Int?)] = [
        "school remains outstanding": (.maintained, 1),
        "school remains good": (.maintained, 2),
        "school remains good (improving) - s5 next": (.improving, 2),
        "school remains outstanding (improving) - s5 next": (.improving, 1),
        "school remains good (concerns) - s5 next": (.concerns, 2),
        "school remains outstanding (concerns) - s5 next": (.concerns, 1),
        "standards maintained": (.maintained, nil),
        "improved significantly": (.improving, nil),
        "some aspects not as strong": (.concerns, nil),
    ]

    static func ungradedOutcome(_ text: String) -> (outcome: UngradedOutcome, grade: Int?)? {
        ungradedOutcomes[text.lowercased().split(separator: " ").joined(separator: " ")]
    }
}
