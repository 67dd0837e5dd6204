import Foundation

/// The key stage a performance table reports.
public enum KeyStage: String, Sendable, CaseIterable {
    case ks2, ks4

    /// The columns that say a file is of this key stage, and the measures they hold: the value,
    /// then the lower and upper limits of the 95% confidence interval where there is one. The
    /// first name each file has is used: the `ks2final`/`ks4final` names, then the tidy files'
    /// (KS4's tidy school file is wide, one column per measure; KS2's is long, see `longForm`).
    struct Columns {
        let measure: MeasureID
        let value: [String]
        let lower: [String]
        let upper: [String]
    }

    var columns: [Columns] {
        switch self {
        case .ks2:
            return [
                Columns(measure: .ks2RWMExpected, value: ["PTRWM_EXP"], lower: [], upper: []),
                Columns(measure: .ks2ReadingProgress, value: ["READPROG"], lower: ["READPROG_LOWER"], upper: ["READPROG_UPPER"]),
                Columns(measure: .ks2WritingProgress, value: ["WRITPROG"], lower: ["WRITPROG_LOWER"], upper: ["WRITPROG_UPPER"]),
                Columns(measure: .ks2MathsProgress, value: ["MATPROG"], lower: ["MATPROG_LOWER"], upper: ["MATPROG_UPPER"]),
            ]
        case .ks4:
            return [
                // The tidy school file named them `avg_p8score`, `p8score_ci_low`, `avg_att8`, …
                // for 2023/24, and `progress8_average`, `attainment8_average`, … from 2024/25.
                Columns(measure: .progress8, value: ["P8MEA", "progress8_average", "avg_p8score"],
                        lower: ["P8CILOW", "progress8_lower_95_ci", "p8score_ci_low"],
                        upper: ["P8CIUPP", "progress8_upper_95_ci", "p8score_ci_upp"]),
                Columns(measure: .attainment8, value: ["ATT8SCR", "attainment8_average", "avg_att8"], lower: [], upper: []),
            ]
        }
    }

    /// A long tidy file has a row per school and subject: `subject` says which, and the same
    /// columns hold each subject's figures (KS2's school-level file from 2023/24 on).
    struct LongForm {
        let subject: String
        let measure: MeasureID
        let value: String
        let lower: String?
        let upper: String?
    }

    static let subjectColumn = "subject"

    var longForm: [LongForm] {
        switch self {
        case .ks2:
            let progress = ("progress_measure_score", "progress_measure_lower_conf_interval", "progress_measure_upper_conf_interval")
            return [
                LongForm(subject: "Reading, writing and maths", measure: .ks2RWMExpected, value: "expected_standard_pupil_percent",
                         lower: nil, upper: nil),
                LongForm(subject: "Reading", measure: .ks2ReadingProgress, value: progress.0, lower: progress.1, upper: progress.2),
                LongForm(subject: "Writing", measure: .ks2WritingProgress, value: progress.0, lower: progress.1, upper: progress.2),
                LongForm(subject: "Maths", measure: .ks2MathsProgress, value: progress.0, lower: progress.1, upper: progress.2),
            ]
        case .ks4:
            return []
        }
    }

    /// The measures a table of this key stage gives.
    public var measures: [MeasureID] { columns.map(\.measure) }

    /// Whether a header is this key stage's, wide or long.
    func matches(_ columns: CSVColumns) -> Bool {
        if self.columns.contains(where: { columns.position($0.value) != nil }) { return true }
        return columns.has(Self.subjectColumn) && longForm.contains { columns.has($0.value) }
    }
}

/// One school's figures for the year.
public struct SchoolFigures: Sendable {
    public var line: Int
    public var urn: String
    public var name: String?
    public var laCode: String?
    public var measures: [MeasureID: MeasureRecord]
    /// False for an independent or non-maintained special school (`NFTYPE`), which a national
    /// table lists but national quintiles leave out.
    public var isStateFunded = true
}

/// A year of a performance table as read.
public struct PerformanceYear: Sendable {
    public var keyStage: KeyStage
    public var year: Int
    public var schools: [SchoolFigures] = []
    /// England's figures: state-funded schools where the file has them, else all schools
    /// (`RecordType` says which `RECTYPE` each is). Each school's record carries them as its
    /// national figure.
    public var england: [MeasureID: Double] = [:]
    public var englandAllSchools: [MeasureID: Double] = [:]
    public var englandStateFunded: [MeasureID: Double] = [:]
    /// Rows by `RECTYPE` code, as written in the file (see `RecordType` for each key stage's codes).
    public var rowsByRecordType: [String: Int] = [:]
    public var rejected: [RowProblem] = []
    /// Cells left out of a row that was otherwise taken.
    public var notes: [RowProblem] = []
    public var otherAuthorities = 0
    /// Rows of a tidy file for another year, or for a group of pupils rather than all of them.
    public var otherYearRows = 0
    public var otherGroupRows = 0
    public var encoding: CSVEncoding = .utf8

    /// The local authorities the file covers: a national file covers them all.
    public var authorityCount: Int { Set(schools.compactMap(\.laCode)).count }
}

/// Reads DfE performance tables: KS2 (`ks2final`/`ks2revised` and LA extracts, `PTRWM_EXP`,
/// `READPROG` with `_LOWER`/`_UPPER`, …) and KS4 (`P8MEA`, `P8CILOW`, `P8CIUPP`, `ATT8SCR`),
/// and the newer tidy files (`school_urn`, `…_progress_measure_score`, `progress8_average`, …).
public enum PerformanceTableReader {
    static let urnColumns = ["URN", "school_urn"]

    /// - Parameters:
    ///   - keyStage: nil to tell from the columns.
    ///   - year: the academic year the results are for, by the year it ends (2018 for 2017/18).
    public static func read(_ reader: CSVReader, keyStage: KeyStage? = nil, year: Int, laCodes: Set<String>? = nil) throws -> PerformanceYear {
        do {
            var found: (CSVColumns, KeyStage)?
            var looked = 0
            while found == nil, looked < 10, let record = try reader.next() {
                looked += 1
                let columns = CSVColumns(header: record)
                guard columns.position(urnColumns) != nil else { continue }
                let stages = keyStage.map { [$0] } ?? KeyStage.allCases
                if let stage = stages.first(where: { $0.matches(columns) }) {
                    found = (columns, stage)
                }
            }
            guard let (columns, stage) = found else {
                let wanted = (keyStage.map { [$0] } ?? KeyStage.allCases).flatMap { $0.columns.map { $0.value[0] } }
                throw PublicDataError.missingColumns(file: "a \(keyStage.map { $0.rawValue.uppercased() } ?? "KS2 or KS4") performance table",
                                                     columns: ["URN"] + wanted)
            }
            var table = PerformanceYear(keyStage: stage, year: year)
            let rows = PerformanceRows(columns: columns, stage: stage, year: year)
            if rows.measures.isEmpty, let long = PerformanceLongRows(columns: columns, stage: stage, year: year) {
                try long.read(reader, into: &table, laCodes: laCodes)
            } else {
                try rows.read(reader, into: &table, laCodes: laCodes)
            }
            table.encoding = reader.encoding
            return table
        } catch let error as CSVError {
            throw PublicDataError.unreadable(error)
        }
    }
}
