/// Which rows of a DfE tidy file (explore-education-statistics) are a school's headline
/// figures for the year being imported. Tidy files repeat each school once per year and per
/// pupil group; the older `ks2final`/`ks4final` layouts have none of these columns, so every
/// row passes.
///
/// Reading (issue 5, "the newer tidy files"): the headline row is the one whose
/// `breakdown_topic` is "All pupils" or "Total", whose `breakdown` is "Total", and whose pupil
/// characteristic columns (`sex`, `disadvantage_status`, …), where present, are "Total". A
/// blank cell in any of them is read as the headline too. Rows of other years or groups are
/// counted, never rejected: a three-year file imports one year at a time.
struct TidyRowFilter {
    enum Verdict { case take, otherYear, otherGroup }

    static let headlineTopics: Set<String> = ["all pupils", "total"]
    static let characteristicColumns = ["sex", "disadvantage_status", "disadvantage", "first_language", "fsm_status",
                                        "sen_provision", "sen_status", "ethnicity_major", "ethnicity_minor", "month_of_birth",
                                        "prior_attainment", "mobility"]

    private let timePeriod: Int?
    private let breakdownTopic: Int?
    private let breakdown: Int?
    private let characteristics: [Int]

    init(columns: CSVColumns) {
        timePeriod = columns.position("time_period")
        breakdownTopic = columns.position("breakdown_topic")
        breakdown = columns.position("breakdown")
        characteristics = Self.characteristicColumns.compactMap { columns.position($0) }
    }

    func verdict(_ record: CSVRecord, year: Int) -> Verdict {
        if let timePeriod, let period = record.trimmed(timePeriod), Self.yearEnding(period) != year { return .otherYear }
        if let breakdownTopic, let topic = record.trimmed(breakdownTopic), !Self.headlineTopics.contains(topic.lowercased()) {
            return .otherGroup
        }
        for column in [breakdown].compactMap({ $0 }) + characteristics {
            if let value = record.trimmed(column), value.lowercased() != "total" { return .otherGroup }
        }
        return .take
    }

    /// The academic year a `time_period` is, by the year it ends: `202324`, `2023/24` and
    /// `2023-24` are 2024; a single year (`2024`) is taken as it stands.
    static func yearEnding(_ period: String) -> Int? {
        let digits = period.filter(\.isNumber)
        switch digits.count {
        case 4: return Int(digits)
        case 6: return Int(digits.prefix(4)).map { $0 + 1 }
        case 8: return Int(digits.suffix(4))
        default: return nil
        }
    }
}
