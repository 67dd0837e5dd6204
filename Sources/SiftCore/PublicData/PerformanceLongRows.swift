/// A long tidy performance table: one row per school and subject (`KeyStage.longForm`), the
/// subject's figures in the same columns on each row. A school's rows are gathered into one
/// `SchoolFigures`; a second row for the same school and subject is rejected, as a repeated
/// URN is in a wide file. Rows for subjects Sift does not use (science, grammar, …) are skipped.
struct PerformanceLongRows {
    let rows: PerformanceRows
    let subject: Int
    /// Each subject Sift reads, by its name in lower case.
    let measures: [String: PerformanceRows.Measure]

    init?(columns: CSVColumns, stage: KeyStage, year: Int) {
        guard let subject = columns.position(KeyStage.subjectColumn) else { return nil }
        var measures: [String: PerformanceRows.Measure] = [:]
        for wanted in stage.longForm {
            measures[wanted.subject.lowercased()] = PerformanceRows.Measure(
                wanted.measure, value: [wanted.value], lower: wanted.lower.map { [$0] } ?? [], upper: wanted.upper.map { [$0] } ?? [],
                in: columns)
        }
        guard !measures.isEmpty else { return nil }
        rows = PerformanceRows(columns: columns, stage: stage, year: year)
        self.subject = subject
        self.measures = measures
    }

    func read(_ reader: CSVReader, into table: inout PerformanceYear, laCodes: Set<String>?) throws {
        var schoolAt: [String: Int] = [:]
        var seen: [String: Int] = [:]
        while let record = try reader.next() {
            guard let kind = rows.kind(of: record, in: &table), kind != .total else { continue }
            guard let measure = measures[(record.trimmed(subject) ?? "").lowercased()] else { continue }
            if case .england(let stateFunded) = kind {
                if case .figure(let number) = PublicFigure.read(record[measure.value]) {
                    if stateFunded { table.englandStateFunded[measure.id] = number } else { table.englandAllSchools[measure.id] = number }
                }
                continue
            }
            guard let (urn, la) = rows.school(of: record, laCodes: laCodes, in: &table) else { continue }
            let key = urn + "/" + measure.id.rawValue
            if let first = seen[key] {
                table.rejected.append(RowProblem(line: record.line, column: "URN",
                                                 "URN \(urn) has \(record[subject]) again (first on line \(first))"))
                continue
            }
            seen[key] = record.line
            let index: Int
            if let found = schoolAt[urn] {
                index = found
            } else {
                index = table.schools.count
                schoolAt[urn] = index
                var school = SchoolFigures(line: record.line, urn: urn, name: rows.name.map { record[$0] }, laCode: la, measures: [:])
                for unpublished in rows.stage.unpublished(in: rows.year) { school.measures[unpublished] = MeasureRecord(year: rows.year, status: .notPublished) }
                table.schools.append(school)
            }
            table.schools[index].measures[measure.id] = PerformanceRows.record(measure, of: record, year: rows.year, notes: &table.notes)
        }
        PerformanceRows.carryEngland(into: &table)
    }
}
