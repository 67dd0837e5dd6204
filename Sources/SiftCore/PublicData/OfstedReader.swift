/// One school's inspections as an Ofsted management-information file gives them: the latest,
/// and the graded inspection before it (or, in the report-card layout, the latest graded one
/// kept alongside).
public struct OfstedSchoolInspections: Sendable {
    public var line: Int
    public var urn: String
    /// Oldest first.
    public var inspections: [Inspection]
}

public struct OfstedFile: Sendable {
    public var schools: [OfstedSchoolInspections] = []
    public var rejected: [RowProblem] = []
    public var notes: [RowProblem] = []
    public var encoding: CSVEncoding = .utf8
}

/// Reads Ofsted's management-information CSV of state-funded school inspections in each of
/// its layouts: graded inspections with an overall effectiveness (to August 2024), the
/// 2024/25 inspections with key judgements and no overall grade, and the renewed framework's
/// report cards (from 10 November 2025). Which framework an inspection was made under is
/// told by its date, as the evidence format requires. A title line above the header is
/// tolerated; grades are read as codes or as words, and 9 or a blank means not applicable.
public enum OfstedReader {
    static let required = [["URN"], OfstedColumns.date]

    public static func read(_ reader: CSVReader) throws -> OfstedFile {
        do {
            guard let columns = try CSVColumns.find(in: reader, requiredEach: required) else {
                throw PublicDataError.missingColumns(file: "an Ofsted management-information file", columns: ["URN", "Inspection start date"])
            }
            let read = OfstedColumns(columns)
            var file = OfstedFile()
            var seen = URNs()
            while let record = try reader.next() {
                let urn: String
                switch URNs.read(record, column: read.urn) {
                case .success(let read): urn = read
                case .failure(let problem): file.rejected.append(problem); continue
                }
                if let problem = seen.repeated(urn, line: record.line) { file.rejected.append(problem); continue }
                switch read.inspections(record) {
                case .failure(let problem): file.rejected.append(problem)
                case .success(let (inspections, notes)):
                    file.notes += notes
                    file.schools.append(OfstedSchoolInspections(line: record.line, urn: urn, inspections: inspections))
                }
            }
            file.encoding = reader.encoding
            return file
        } catch let error as CSVError {
            throw PublicDataError.unreadable(error)
        }
    }
}
