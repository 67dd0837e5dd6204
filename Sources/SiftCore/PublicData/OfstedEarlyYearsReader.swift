/// A childcare provider as Ofsted's early-years management information gives it
/// ("Childcare providers and inspections: management information", most recent inspections).
public struct EarlyYearsProvider: Sendable {
    public var line: Int
    /// Ofsted's reference ("EY552211", or digits for older registrations): the setting's key.
    public var urn: String
    public var name: String
    /// False where the file redacts the name (a childminder's) and `name` is made from the reference.
    public var nameGiven: Bool
    public var kind: EstablishmentKind
    public var localAuthority: String?
    public var registeredPerson: String?
    public var places: Int?
    public var registered: Day?
    public var inspection: Inspection?

    public var evidence: Establishment {
        var establishment = Establishment(urn: urn, name: name, kind: kind)
        establishment.authority = localAuthority
        establishment.pupils = places
        establishment.opened = registered
        establishment.registeredPerson = registeredPerson
        if let inspection { establishment.inspections = [inspection] }
        return establishment
    }
}

public struct EarlyYearsFile: Sendable {
    public var providers: [EarlyYearsProvider] = []
    public var rejected: [RowProblem] = []
    /// Providers no framework covers (home childcarers), and those no longer active.
    public var notCovered: [RowProblem] = []
    public var otherAuthorities = 0
    public var encoding: CSVEncoding = .utf8
}

/// Ofsted's reference for a setting: "EY" and six digits, older ones digits only, a few
/// starting "SC" or "CE".
public enum OfstedReference {
    public static func read(_ text: String) -> String? {
        let upper = text.uppercased()
        let digits = upper.hasPrefix("EY") || upper.hasPrefix("SC") || upper.hasPrefix("CE") ? upper.dropFirst(2) : Substring(upper)
        guard (6...8).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return upper
    }
}

/// Reads Ofsted's early-years management information (the CSV as published: a title line and
/// a note line above the header, which starts "Provider URN,Registration Date,Provider Type";
/// the case of its names has varied between releases, and is not read). Childminders' names
/// are "REDACTED" in it: such a one is named by its reference.
public enum OfstedEarlyYearsReader {
    static let required = ["Provider URN", "Provider Type"]

    /// - Parameter localAuthorities: when given, rows of other authorities (by `Local Authority`, any case) are counted, not read.
    public static func read(_ reader: CSVReader, localAuthorities: Set<String>? = nil) throws -> EarlyYearsFile {
        do {
            guard let columns = try CSVColumns.find(in: reader, required: required) else {
                throw PublicDataError.missingColumns(file: "Ofsted's early-years management information", columns: required)
            }
            let read = EarlyYearsRow(columns: columns)
            let wanted = localAuthorities.map { Set($0.map { $0.lowercased() }) }
            var file = EarlyYearsFile()
            var seen = Set<String>()
            while let record = try reader.next() {
                if record.fields.allSatisfy({ $0.isEmpty }) { continue }
                if let wanted, !wanted.contains((record.trimmed(read.authority ?? -1) ?? "").lowercased()) {
                    file.otherAuthorities += 1
                    continue
                }
                switch read.provider(record) {
                case .failure(let problem): file.rejected.append(problem)
                case .success(nil): break
                case .success(let provider?):
                    guard seen.insert(provider.urn).inserted else {
                        file.rejected.append(RowProblem(line: record.line, column: "Provider URN", "\(provider.urn) appears again"))
                        continue
                    }
                    file.providers.append(provider)
                }
                if let problem = read.leftOut(record) { file.notCovered.append(problem) }
            }
            file.encoding = reader.encoding
            return file
        } catch let error as CSVError {
            throw PublicDataError.unreadable(error)
        }
    }
}

struct EarlyYearsRow {
    let urn, type, subtype, status, name, authority, person, places, estimated, registered, inspected, overall, leadership: Int?

    init(columns: CSVColumns) {
        urn = columns.position("Provider URN")
        type = columns.position("Provider Type")
        subtype = columns.position("Provider Subtype")
        status = columns.position("Provider Status")
        name = columns.position("Provider Name")
        authority = columns.position("Local Authority")
        person = columns.position("Registered Person Name")
        places = columns.position("Places")
        estimated = columns.position("Places including Estimates")
        registered = columns.position("Registration Date")
        inspected = columns.position("Most Recent Full: Inspection Date")
        overall = columns.position("Most Recent Full: Overall Effectiveness")
        leadership = columns.position("Effectiveness of Leadership and Management", "Most Recent Full: Effectiveness of Leadership and Management")
    }

    func text(_ record: CSVRecord, _ column: Int?) -> String? {
        guard let column, let value = record.trimmed(column), value.uppercased() != "REDACTED", value.uppercased() != "NULL" else { return nil }
        return value
    }

    /// Why a row is left out rather than read: a home childcarer (care in the child's own
    /// home, which no framework categorises), or a registration no longer active.
    func leftOut(_ record: CSVRecord) -> RowProblem? {
        let kind = (text(record, type) ?? "").lowercased()
        if kind == "home childcarer" {
            return RowProblem(line: record.line, column: "Provider Type", "a home childcarer cares for children in their own home: no framework categorises it")
        }
        if let status = text(record, status), status.lowercased() != "active" {
            return RowProblem(line: record.line, column: "Provider Status", "registration \(status.lowercased()): left out")
        }
        return nil
    }

    /// The kind a provider type and subtype read as; nil for a home childcarer.
    static func kind(type: String, subtype: String?) -> EstablishmentKind? {
        let type = type.lowercased(), subtype = (subtype ?? "").lowercased()
        if type == "home childcarer" { return nil }
        if type == "childminder" { return .childminder }
        if subtype.contains("out of school") || subtype.contains("holiday") { return .outOfHoursChildcareRegistered }
        return .pviNursery
    }

    func provider(_ record: CSVRecord) -> Result<EarlyYearsProvider?, RowProblem> {
        let line = record.line
        guard let raw = text(record, urn), let reference = OfstedReference.read(raw) else {
            return .failure(RowProblem(line: line, column: "Provider URN", "\"\((record.trimmed(urn ?? -1) ?? "").prefix(20))\" is not Ofsted's reference for a provider"))
        }
        guard leftOut(record) == nil else { return .success(nil) }
        guard let kind = Self.kind(type: text(record, type) ?? "", subtype: text(record, subtype)) else { return .success(nil) }
        func day(_ column: Int?, _ label: String) -> Result<Day?, RowProblem> {
            guard let value = text(record, column) else { return .success(nil) }
            guard let day = Day(value) else { return .failure(RowProblem(line: line, column: label, "\"\(value.prefix(20))\" is not a date (dd/mm/yyyy)")) }
            return .success(day)
        }
        let registeredDay: Day?, inspectedDay: Day?
        switch (day(registered, "Registration Date"), day(inspected, "Most Recent Full: Inspection Date")) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
        case (.success(let from), .success(let on)): (registeredDay, inspectedDay) = (from, on)
        }
        func grade(_ column: Int?, _ label: String) -> Result<Int?, RowProblem> {
            guard let value = text(record, column) else { return .success(nil) }
            let words = ["outstanding": 1, "good": 2, "requires improvement": 3, "satisfactory": 3, "inadequate": 4]
            guard let grade = Int(value).flatMap({ (1...4).contains($0) ? $0 : nil }) ?? words[value.lowercased()] else {
                return .failure(RowProblem(line: line, column: label, "\"\(value.prefix(30))\" is not a grade (1 to 4)"))
            }
            return .success(grade)
        }
        var inspection: Inspection?
        switch (grade(overall, "Most Recent Full: Overall Effectiveness"), grade(leadership, "Effectiveness of Leadership and Management")) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
        case (.success(let overallGrade), .success(let leadershipGrade)):
            if let inspectedDay {
                var read = Inspection(date: inspectedDay, framework: .earlyYears)
                read.overallEffectiveness = overallGrade
                if let leadershipGrade { read.keyJudgements[.leadershipAndManagement] = leadershipGrade }
                // An inspection with no grade met or did not meet the requirements; the file does not say which.
                if overallGrade != nil { inspection = read }
            }
        }
        var places: Int?
        for column in [estimated, self.places] where places == nil {
            if let value = text(record, column) {
                guard let count = Int(value), count >= 0 else {
                    return .failure(RowProblem(line: line, column: "Places", "\"\(value.prefix(20))\" is not a number of places"))
                }
                places = count
            }
        }
        let name = text(record, self.name) ?? "\(kind == .childminder ? "Childminder" : "Setting") \(reference)"
        return .success(EarlyYearsProvider(line: line, urn: reference, name: name, nameGiven: text(record, self.name) != nil, kind: kind, localAuthority: text(record, authority),
                                           registeredPerson: text(record, person), places: places, registered: registeredDay, inspection: inspection))
    }
}
