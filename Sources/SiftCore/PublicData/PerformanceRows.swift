import Foundation

/// The rows of a performance table, with its columns found once.
struct PerformanceRows {
    struct Measure {
        let id: MeasureID
        let value: Int
        let lower: Int?
        let upper: Int?
        let names: (value: String, lower: String?, upper: String?)
    }

    let urn: Int
    let recordType, level, name, laCode: Int?
    let measures: [Measure]
    let year: Int

    init(columns: CSVColumns, stage: KeyStage, year: Int) {
        urn = columns.position(PerformanceTableReader.urnColumns)!
        recordType = columns.position("RECTYPE")
        level = columns.position("geographic_level")
        name = columns.position("SCHNAME", "school_name")
        laCode = columns.position("LEA", "LA", "old_la_code", "la_code")
        measures = stage.columns.compactMap { wanted in
            guard let value = columns.position(wanted.value) else { return nil }
            let lower = columns.position(wanted.lower), upper = columns.position(wanted.upper)
            return Measure(id: wanted.measure, value: value, lower: lower, upper: upper,
                           names: (columns.names[value], lower.map { columns.names[$0] }, upper.map { columns.names[$0] }))
        }
        self.year = year
    }

    func read(_ reader: CSVReader, into table: inout PerformanceYear, laCodes: Set<String>?) throws {
        var seen = URNs()
        var englandRows: [(type: String, record: CSVRecord)] = []
        while let record = try reader.next() {
            let type = recordType.map { record.trimmed($0) ?? "" } ?? level.map { Self.recordType(level: record[$0]) } ?? ""
            if recordType != nil { table.rowsByRecordType[type, default: 0] += 1 }
            // RECTYPE 3 is the authority's total, 4 and 5 England's: no URN, not a school.
            if type == "4" || type == "5" { englandRows.append((type, record)); continue }
            if type == "3" { continue }
            let urn: String
            switch URNs.read(record, column: self.urn) {
            case .success(let read): urn = read
            case .failure(let problem): table.rejected.append(problem); continue
            }
            let la = laCode.map { record.trimmed($0) ?? "" }
            if let laCodes, let la, !laCodes.contains(la) { table.otherAuthorities += 1; continue }
            if let problem = seen.repeated(urn, line: record.line) { table.rejected.append(problem); continue }
            var school = SchoolFigures(line: record.line, urn: urn, name: name.map { record[$0] }, laCode: la, measures: [:])
            for measure in measures {
                school.measures[measure.id] = self.record(measure, of: record, notes: &table.notes)
            }
            table.schools.append(school)
        }
        for (type, record) in englandRows {
            var figures: [MeasureID: Double] = [:]
            for measure in measures {
                if case .figure(let number) = PublicFigure.read(record[measure.value]) { figures[measure.id] = number }
            }
            if type == "4" { table.englandAllSchools = figures } else { table.englandStateFunded = figures }
        }
        // England's state-funded figure is the one schools are compared with where both are
        // given; the file's all-schools figure is kept too.
        table.england = table.englandStateFunded.isEmpty ? table.englandAllSchools : table.englandStateFunded
        for index in table.schools.indices {
            for (id, national) in table.england { table.schools[index].measures[id]?.national = national }
        }
    }

    /// The tidy files say what a row covers in `geographic_level`: a national row is England's
    /// state-funded figure (as `RECTYPE` 5), a local or regional one a total (as `RECTYPE` 3).
    static func recordType(level: String) -> String {
        switch level.trimmingCharacters(in: .whitespaces).lowercased() {
        case "national": return "5"
        case "local authority", "regional", "local authority district", "parliamentary constituency": return "3"
        default: return ""
        }
    }

    /// One measure of one row; a cell that is neither a figure nor a code is noted and read as
    /// not published, so the rest of the row is still taken.
    func record(_ measure: Measure, of row: CSVRecord, notes: inout [RowProblem]) -> MeasureRecord {
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
