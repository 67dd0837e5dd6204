import Foundation

/// An establishment as a GIAS download describes it.
public struct GIASEstablishment: Sendable {
    public enum Status: String, Sendable {
        case open, closed
        case proposedToClose = "proposed_to_close"
        case proposedToOpen = "proposed_to_open"
    }

    public var line: Int
    public var urn: String
    public var laCode: String?
    public var laName: String?
    public var establishmentNumber: String?
    public var name: String
    public var typeName: String
    public var typeGroup: String?
    public var kind: EstablishmentKind
    public var status: Status
    public var phase: Phase?
    public var pupils: Int?
    public var headteacher: String?
    public var trust: String?
    /// `ReligiousCharacter (name)` and `Diocese (name)`; "Not applicable" dioceses read as none.
    public var religiousCharacter: String?
    public var diocese: String?
    public var opened: Day?
    public var closed: Day?
    /// From `OfstedRating (name)` and `OfstedLastInsp`, where the file has them.
    public var inspection: Inspection?
    /// From the `Linked establishments` column, where the file has it.
    public var links: [GIASLink] = []

    /// The establishment as evidence: what GIAS knows of it, its latest inspection if given.
    public var evidence: Establishment {
        var establishment = Establishment(urn: urn, name: name, kind: kind)
        establishment.authority = laName
        establishment.phase = phase
        establishment.pupils = pupils
        establishment.opened = opened
        establishment.religiousCharacter = religiousCharacter
        establishment.diocese = diocese
        if let inspection { establishment.inspections = [inspection] }
        return establishment
    }
}

/// What a GIAS file gave: its establishments, and the rows not taken with why.
public struct GIASFile: Sendable {
    public var establishments: [GIASEstablishment] = []
    /// Rows refused: no URN, a name missing, a URN seen before, a date that is not one.
    public var rejected: [RowProblem] = []
    /// Rows of kinds no framework covers (independent schools, colleges, …), left out.
    public var notCovered: [RowProblem] = []
    /// Rows taken with something left out of them (an Ofsted rating without a date).
    public var notes: [RowProblem] = []
    /// Rows of other local authorities, when only some were asked for.
    public var otherAuthorities = 0
    public var encoding: CSVEncoding = .utf8
}

public enum PublicDataError: Error, Equatable, CustomStringConvertible {
    case missingColumns(file: String, columns: [String])
    case unreadable(CSVError)

    public var description: String {
        switch self {
        case .missingColumns(let file, let columns):
            return "this is not \(file): no header row in the first lines names \(columns.joined(separator: ", "))"
        case .unreadable(let error): return error.description
        }
    }
}

/// Reads a GIAS establishment download: the full `edubasealldata` file (with `(code)` and
/// `(name)` columns) or a custom download (`(name)` columns only), any layout since 2017.
public enum GIASReader {
    static let required = ["URN", "EstablishmentName", "TypeOfEstablishment (name)"]

    /// - Parameter laCodes: when given, rows of other local authorities are counted, not read.
    public static func read(_ reader: CSVReader, laCodes: Set<String>? = nil) throws -> GIASFile {
        do {
            guard let columns = try CSVColumns.find(in: reader, required: required) else {
                throw PublicDataError.missingColumns(file: "a GIAS establishment download", columns: required)
            }
            var file = GIASFile()
            var seen = URNs()
            let read = GIASRowReader(columns: columns)
            while let record = try reader.next() {
                if let laCodes, let code = read.text(record, read.laCode), !laCodes.contains(code) {
                    file.otherAuthorities += 1
                    continue
                }
                switch read.establishment(record) {
                case .failure(let problem):
                    file.rejected.append(problem)
                case .success(let (establishment, notes)):
                    if let problem = seen.repeated(establishment.urn, line: record.line) {
                        file.rejected.append(problem)
                        continue
                    }
                    file.notes += notes
                    file.establishments.append(establishment)
                case .notCovered(let problem):
                    file.notCovered.append(problem)
                }
            }
            file.encoding = reader.encoding
            return file
        } catch let error as CSVError {
            throw PublicDataError.unreadable(error)
        }
    }
}

/// One row of a GIAS file read into an establishment, with the columns found once.
struct GIASRowReader {
    enum Outcome {
        case success((GIASEstablishment, [RowProblem]))
        case notCovered(RowProblem)
        case failure(RowProblem)
    }

    let urn, laCode, laName, number, name, type, typeGroup, status, phase, pupils: Int?
    let headTitle, headFirst, headLast, trust, opened, closed, rating, inspected, religion, diocese, links: Int?

    init(columns: CSVColumns) {
        urn = columns.position("URN")
        laCode = columns.position("LA (code)")
        laName = columns.position("LA (name)")
        number = columns.position("EstablishmentNumber")
        name = columns.position("EstablishmentName")
        type = columns.position("TypeOfEstablishment (name)")
        typeGroup = columns.position("EstablishmentTypeGroup (name)")
        status = columns.position("EstablishmentStatus (name)")
        phase = columns.position("PhaseOfEducation (name)")
        pupils = columns.position("NumberOfPupils")
        headTitle = columns.position("HeadTitle (name)", "HeadTitle")
        headFirst = columns.position("HeadFirstName")
        headLast = columns.position("HeadLastName")
        trust = columns.position("Trusts (name)", "Trust (name)")
        opened = columns.position("OpenDate")
        closed = columns.position("CloseDate")
        rating = columns.position("OfstedRating (name)")
        inspected = columns.position("OfstedLastInsp")
        religion = columns.position("ReligiousCharacter (name)")
        diocese = columns.position("Diocese (name)")
        links = columns.position("Linked establishments")
    }

    /// The trimmed text of a column, nil when the file lacks it or the cell is blank.
    func text(_ record: CSVRecord, _ column: Int?) -> String? {
        guard let column else { return nil }
        return record.trimmed(column)
    }

    func establishment(_ record: CSVRecord) -> Outcome {
        let line = record.line
        let urn: String
        switch URNs.read(record, column: self.urn) {
        case .success(let read): urn = read
        case .failure(let problem): return .failure(problem)
        }
        guard let name = text(record, name) else {
            return .failure(RowProblem(line: line, column: "EstablishmentName", "URN \(urn) has no name: GIAS gives every establishment one"))
        }
        let typeName = text(record, type) ?? ""
        guard let kind = GIASKinds.kinds[typeName.lowercased()] else {
            let why = GIASKinds.notCovered[typeName.lowercased()]
                ?? "no bundled framework covers this type of establishment"
            return .notCovered(RowProblem(line: line, column: "TypeOfEstablishment (name)",
                                          "URN \(urn) is a \"\(typeName.isEmpty ? "type not given" : typeName)\": \(why)"))
        }
        var notes: [RowProblem] = []
        func day(_ column: Int?, _ label: String) -> Result<Day?, RowProblem> {
            guard let value = text(record, column) else { return .success(nil) }
            guard let day = Day(value) else { return .failure(RowProblem(line: line, column: label, "\"\(value.prefix(40))\" is not a date (dd-mm-yyyy)")) }
            return .success(day)
        }
        let openedDay: Day?, closedDay: Day?
        switch (day(opened, "OpenDate"), day(closed, "CloseDate")) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
        case (.success(let open), .success(let close)): (openedDay, closedDay) = (open, close)
        }
        var establishment = GIASEstablishment(
            line: line, urn: urn, laCode: text(record, laCode), laName: text(record, laName), establishmentNumber: text(record, number),
            name: name, typeName: typeName, typeGroup: text(record, typeGroup), kind: kind, status: Self.status(text(record, status), closed: closedDay),
            phase: text(record, phase).flatMap { GIASKinds.phases[$0.lowercased()] }, pupils: nil,
            headteacher: [text(record, headTitle), text(record, headFirst), text(record, headLast)].compactMap { $0 }.joined(separator: " "),
            trust: text(record, trust), opened: openedDay, closed: closedDay, inspection: nil)
        if establishment.headteacher == "" { establishment.headteacher = nil }
        establishment.religiousCharacter = text(record, religion)
        establishment.links = GIASLinksReader.column(text(record, links), urn: urn, line: line)
        establishment.diocese = text(record, diocese).flatMap { ["not applicable", "none"].contains($0.lowercased()) ? nil : $0 }
        if let value = text(record, pupils) {
            if let count = Int(value), count >= 0 { establishment.pupils = count } else {
                notes.append(RowProblem(line: line, column: "NumberOfPupils", "\"\(value.prefix(40))\" is not a number of pupils: left out"))
            }
        }
        if let ratingName = text(record, rating) {
            if let grade = GIASKinds.ratings[ratingName.lowercased()], let dateText = text(record, inspected), let date = Day(dateText) {
                var inspection = Inspection(date: date, framework: .graded)
                inspection.overallEffectiveness = grade.grade
                inspection.categoryOfConcern = grade.concern
                establishment.inspection = inspection
            } else {
                notes.append(RowProblem(line: line, column: "OfstedRating (name)",
                                        "the rating \"\(ratingName.prefix(40))\" with the date \"\(text(record, inspected) ?? "")\" is not an inspection: left out"))
            }
        }
        return .success((establishment, notes))
    }

    static func status(_ name: String?, closed: Day?) -> GIASEstablishment.Status {
        switch name?.lowercased() {
        case "closed": return .closed
        case "open, but proposed to close": return .proposedToClose
        case "proposed to open": return .proposedToOpen
        case "open": return .open
        default: return closed == nil ? .open : .closed
        }
    }
}
