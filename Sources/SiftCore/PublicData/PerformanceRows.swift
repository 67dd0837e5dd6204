import Foundation

/// The rows of a performance table, with its columns found once.
struct PerformanceRows {
    struct Measure {
        let id: MeasureID
        let value: Int
        let lower: Int?
        let upper: Int?
        let names: (value: String, lower: String?, upper: String?)

        init?(_ id: MeasureID, value: [String], lower: [String], upper: [String], in columns: CSVColumns) {
            guard let position = columns.position(value) else { return nil }
            let lowerAt = columns.position(lower), upperAt = columns.position(upper)
            self.id = id
            self.value = position
            self.lower = lowerAt
            self.upper = upperAt
            names = (columns.names[position], lowerAt.map { columns.names[$0] }, upperAt.map { columns.names[$0] })
        }
    }

    let urn: Int
    let recordType, level, name, laCode, laEstab, schoolType: Int?
    let stage: KeyStage
    let tidy: TidyRowFilter
    let measures: [Measure]
    /// Measures the DfE did not publish this year that the file has no column for.
    let unpublished: [MeasureID]
    let year: Int

    init(columns: CSVColumns, stage: KeyStage, year: Int) {
        urn = columns.position(PerformanceTableReader.urnColumns)!
        recordType = columns.position("RECTYPE")
        level = columns.position("geographic_level")
        name = columns.position("SCHNAME", "school_name")
        laCode = columns.position("LEA", "LA", "old_la_code", "la_code")
        laEstab = columns.position("school_laestab", "LAESTAB")
        schoolType = columns.position("NFTYPE", "establishment_type_group")
        self.stage = stage
        tidy = TidyRowFilter(columns: columns)
        measures = stage.columns.compactMap { Measure($0.measure, value: $0.value, lower: $0.lower, upper: $0.upper, in: columns) }
        let read = Set(measures.map(\.id))
        unpublished = stage.measures.filter { stage.unpublished(in: year).contains($0) && !read.contains($0) }
        self.year = year
    }

    /// What a row is: England's figures (all schools, or state-funded), an area's total
    /// (skipped), or a school's.
    enum Row: Equatable { case england(stateFunded: Bool), total, school }

    /// Sorts a row, counting those a tidy file has for other years or pupil groups; nil when
    /// the row is not to be read at all.
    func kind(of record: CSVRecord, in table: inout PerformanceYear) -> Row? {
        switch tidy.verdict(record, year: year) {
        case .otherYear: table.otherYearRows += 1; return nil
        case .otherGroup: table.otherGroupRows += 1; return nil
        case .take: break
        }
        let type: RecordType
        if let recordType {
            let code = record.trimmed(recordType) ?? ""
            table.rowsByRecordType[code, default: 0] += 1
            type = RecordType(code: code, keyStage: table.keyStage)
        } else if let level {
            type = RecordType(geographicLevel: record[level])
        } else {
            type = .school
        }
        switch type {
        case .school: return .school
        case .authorityTotal: return .total
        case .englandAllSchools: return .england(stateFunded: false)
        case .englandStateFunded: return .england(stateFunded: true)
        case .other: return record.trimmed(urn) == nil ? .total : .school
        }
    }

    /// The school's LA code: its own column, or the first three digits of its LAESTAB.
    func authority(of record: CSVRecord) -> String? {
        if let laCode { return record.trimmed(laCode) ?? "" }
        guard let laEstab, let estab = record.trimmed(laEstab), estab.count == 7 else { return nil }
        return String(estab.prefix(3))
    }

    /// A school row's URN and LA code; nil, with the row rejected or counted, when it has no
    /// valid URN or is another authority's.
    func school(of record: CSVRecord, laCodes: Set<String>?, in table: inout PerformanceYear) -> (urn: String, la: String?)? {
        switch URNs.read(record, column: urn) {
        case .failure(let problem):
            table.rejected.append(problem)
            return nil
        case .success(let urn):
            let la = authority(of: record)
            if let laCodes, let la, !laCodes.contains(la) { table.otherAuthorities += 1; return nil }
            return (urn, la)
        }
    }

    func read(_ reader: CSVReader, into table: inout PerformanceYear, laCodes: Set<String>?) throws {
        var seen = URNs()
        var englandRows: [(stateFunded: Bool, record: CSVRecord)] = []
        while let record = try reader.next() {
            switch kind(of: record, in: &table) {
            case .england(let stateFunded): englandRows.append((stateFunded, record)); continue
            case .total, nil: continue
            case .school: break
            }
            guard let (urn, la) = school(of: record, laCodes: laCodes, in: &table) else { continue }
            if let problem = seen.repeated(urn, line: record.line) { table.rejected.append(problem); continue }
            var school = SchoolFigures(line: record.line, urn: urn, name: name.map { record[$0] }, laCode: la, measures: [:])
            school.isStateFunded = stateFunded(record)
            for measure in measures {
                school.measures[measure.id] = Self.record(measure, of: record, year: year, notes: &table.notes)
            }
            for measure in unpublished { school.measures[measure] = MeasureRecord(year: year, status: .notPublished) }
            table.schools.append(school)
        }
        for (stateFunded, record) in englandRows {
            var figures: [MeasureID: Double] = [:]
            for measure in measures {
                if case .figure(let number) = PublicFigure.read(record[measure.value]) { figures[measure.id] = number }
            }
            if stateFunded { table.englandStateFunded = figures } else { table.englandAllSchools = figures }
        }
        Self.carryEngland(into: &table)
    }

    /// England's state-funded figure is the one schools are compared with where both are
    /// given; the file's all-schools figure is kept too.
    static func carryEngland(into table: inout PerformanceYear) {
        table.england = table.englandStateFunded.isEmpty ? table.englandAllSchools : table.englandStateFunded
        for index in table.schools.indices {
            for (id, national) in table.england { table.schools[index].measures[id]?.national = national }
        }
    }

    /// `NFTYPE` codes of schools that are not state-funded (`IND`, `INDSPEC` and `INDSS`
    /// independent and independent special schools, which KS4 tables list, and `NMSS`
    /// non-maintained special schools), and the tidy files' names for the same groups. Their figures are kept for the
    /// schools themselves but left out of national quintiles, which rank state-funded schools.
    static let notStateFunded: Set<String> = ["IND", "INDSPEC", "INDSS", "NMSS",
                                              // the tidy files' `establishment_type_group`
                                              "INDEPENDENT SCHOOLS", "INDEPENDENT SPECIAL SCHOOLS", "NON-MAINTAINED SPECIAL SCHOOLS"]

    func stateFunded(_ record: CSVRecord) -> Bool {
        guard let schoolType, let code = record.trimmed(schoolType) else { return true }
        return !Self.notStateFunded.contains(code.uppercased())
    }

    /// One measure of one row; a cell that is neither a figure nor a code is noted and read as
    /// not published, so the rest of the row is still taken.
    static func record(_ measure: Measure, of row: CSVRecord, year: Int, notes: inout [RowProblem]) -> MeasureRecord {
        func figure(_ column: Int, _ name: String) -> PublicFigure.Reading {
            let reading = PublicFigure.read(row[column])
            if reading == .unreadable {
                notes.append(RowProblem(line: row.line, column: name, "\"\(row[column].prefix(40))\" is not a figure or a code the DfE uses: read as not published"))
            }
            return reading
        }
        switch figure(measure.value, measure.names.value) {
        case .figure(let value):
            var record = MeasureRecord(year: year, status: .published, value: value)
            if let lower = measure.lower, let name = measure.names.lower, case .figure(let limit) = figure(lower, name) { record.lower = limit }
            if let upper = measure.upper, let name = measure.names.upper, case .figure(let limit) = figure(upper, name) { record.upper = limit }
            return record
        case .none(let status):
            return MeasureRecord(year: year, status: status)
        case .unreadable:
            return MeasureRecord(year: year, status: .notPublished)
        }
    }
}
