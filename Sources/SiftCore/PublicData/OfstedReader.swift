/// One school's inspections as an Ofsted management-information file gives them: up to three
/// per row (the latest, the latest or previous graded, the latest ungraded), oldest first.
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
/// its layouts: the legacy one (to August 2024, `Overall effectiveness` and `Previous …`), the
/// 2024/25 one (graded inspections without an overall grade from September 2024, ungraded
/// inspections' outcomes) and the renewed framework's (report cards from 10 November 2025,
/// beside the latest graded inspection under the previous framework and the latest ungraded
/// one). Which framework an inspection was made under is told by its date, as the evidence
/// format requires. A title line above the header is tolerated; `NULL` or a blank cell is
/// empty, `9` a judgement that does not apply.
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
                case .failure(let problem):
                    // A line of notes under the table (the 2024/25 file ends with some) is not a school.
                    if record.trimmed(read.urn) == nil && (0..<record.count).filter({ record.trimmed($0) != nil }).count <= 2 {
                        file.notes.append(RowProblem(line: record.line, "no URN and next to nothing else: not a school's row, left out"))
                    } else {
                        file.rejected.append(problem)
                    }
                    continue
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
