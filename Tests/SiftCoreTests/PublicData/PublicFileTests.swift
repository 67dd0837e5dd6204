@testable import SiftCore
import Testing

@Suite("Real DfE and GIAS files")
struct PublicFileTests {
    func ks2(_ year: Int) throws -> PerformanceYear {
        try PerformanceTableReader.read(CSVReader(path: RealData.path("ks2/\(year)-936-ks2.csv")), year: year)
    }

    func school(_ urn: String, in table: PerformanceYear) throws -> SchoolFigures {
        try #require(table.schools.first { $0.urn == urn })
    }

    @Test("Surrey's KS2 tables: rows per RECTYPE, England's figures, and named schools' scores read back exactly")
    func surreyKS2() throws {
        let y2016 = try ks2(2016), y2017 = try ks2(2017), y2018 = try ks2(2018)
        #expect(y2016.keyStage == .ks2)
        #expect(y2016.rowsByRecordType == ["1": 219, "2": 13, "3": 1, "4": 1, "5": 1])
        #expect(y2017.rowsByRecordType == ["1": 222, "2": 13, "3": 1, "4": 1, "5": 1])
        #expect(y2018.rowsByRecordType == ["1": 223, "2": 16, "3": 1, "4": 1, "5": 1])
        #expect(y2016.schools.count == 232 && y2016.rejected.isEmpty && y2016.notes.isEmpty)
        #expect(y2016.england[.ks2RWMExpected] == 61 && y2017.england[.ks2RWMExpected] == 64 && y2018.england[.ks2RWMExpected] == 65)
        #expect(y2016.england[.ks2ReadingProgress] == nil)  // blank for England: progress is relative to it

        let eastwick = try school("142999", in: y2016)
        #expect(eastwick.name == "Eastwick Junior School")
        let reading = try #require(eastwick.measures[.ks2ReadingProgress])
        #expect(reading.status == .published && reading.value == -1.6 && reading.lower == -2.9 && reading.upper == -0.3 && reading.year == 2016)
        let maths = try #require(eastwick.measures[.ks2MathsProgress])
        #expect(maths.value == -1.5 && maths.lower == -2.6 && maths.upper == -0.4)
        let combined = try #require(eastwick.measures[.ks2RWMExpected])
        #expect(combined.value == 64 && combined.national == 61)

        // Significantly below average: the upper limit is below zero.
        let weyfield = try #require(try school("139070", in: y2018).measures[.ks2ReadingProgress])
        #expect(weyfield.value == -5.7 && weyfield.lower == -7.9 && weyfield.upper == -3.6)

        // Suppressed figures are suppressed, never zero.
        let suppressed = y2016.schools.filter { $0.measures[.ks2ReadingProgress]?.status == .suppressed }
        #expect(suppressed.count == 4 && suppressed.allSatisfy { $0.measures[.ks2ReadingProgress]?.value == nil })
        #expect(y2016.schools.filter { $0.measures[.ks2ReadingProgress]?.status == .published }.count == 217)

        let inAllThree = Set(y2016.schools.map(\.urn)).intersection(y2017.schools.map(\.urn)).intersection(y2018.schools.map(\.urn))
        #expect(inAllThree.count == 203)
    }

    @Test("the GIAS download for Hampshire and Surrey: kinds, phases, closed schools and Ofsted ratings")
    func gias() throws {
        let file = try GIASReader.read(CSVReader(path: RealData.path("gias/20220420-gias-850-936.csv")))
        #expect(file.establishments.count == 1_096 && file.rejected.isEmpty && file.notCovered.isEmpty)
        #expect(file.establishments.filter { $0.laCode == "936" }.count == 576)
        #expect(file.establishments.filter { $0.status == .closed }.count == 368)
        #expect(file.establishments.filter { $0.status == .proposedToClose }.count == 2)
        #expect(file.establishments.filter { $0.kind == .community }.count == 595)
        #expect(file.establishments.filter { $0.kind == .academyConverter }.count == 123)
        #expect(file.establishments.filter { $0.phase == .middle }.count == 31)
        let alton = try #require(file.establishments.first { $0.urn == "115850" })
        #expect(alton.name == "Alton Infant School" && alton.pupils == 138 && alton.laName == "Hampshire" && alton.headteacher?.hasSuffix("Richard Mead") == true)
        let inspection = try #require(alton.inspection)
        #expect(inspection.date == Day(year: 2019, month: 1, day: 23) && inspection.framework == .graded)
        #expect(file.establishments.filter { $0.inspection?.categoryOfConcern == .specialMeasures }.count == 6)
        #expect(file.establishments.filter { $0.inspection?.categoryOfConcern == .seriousWeaknesses }.count == 11)
        #expect(file.establishments.filter { $0.inspection?.overallEffectiveness == 1 }.count == 166)

        let surreyOnly = try GIASReader.read(CSVReader(path: RealData.path("gias/20220420-gias-850-936.csv")), laCodes: ["936"])
        #expect(surreyOnly.establishments.count == 576 && surreyOnly.otherAuthorities == 520)
    }
}

@Suite("National quintiles")
struct NationalQuintileTests {
    @Test("a national table ranks every published figure into fifths; an authority's extract is not national")
    func quintiles() throws {
        var text = "RECTYPE,LEA,URN,PTRWM_EXP,READPROG,READPROG_LOWER,READPROG_UPPER\n"
        for index in 0..<1_500 {
            text += "1,\(800 + index % 150),\(100_000 + index),\(index % 100)%,\(index == 7 ? "SUPP" : String(Double(index) / 100)),-9,9\n"
        }
        var table = try PerformanceTableReader.read(CSVReader(bytes: Array(text.utf8)), year: 2019)
        #expect(table.authorityCount == 150 && NationalQuintiles.isNational(table))
        let thresholds = NationalQuintiles.apply(to: &table)
        // 1,499 published reading scores 0.00 … 14.99 without 0.07: the 20th percentile is the 300th.
        #expect(thresholds[.ks2ReadingProgress]?.q4From == 3.0)
        #expect(thresholds[.ks2ReadingProgress]?.isAscending == true)
        func reading(_ urn: Int) -> MeasureRecord? { table.schools.first { $0.urn == String(urn) }?.measures[.ks2ReadingProgress] }
        #expect(reading(100_000)?.quintile == 5 && reading(100_299)?.quintile == 5 && reading(100_300)?.quintile == 4)
        #expect(reading(101_499)?.quintile == 1 && reading(100_000)?.bottomQuintileBelow == 3.0)
        #expect(reading(100_007)?.quintile == nil && reading(100_007)?.status == .suppressed)

        let surrey = try PerformanceTableReader.read(CSVReader(path: RealData.path("ks2/2018-936-ks2.csv")), year: 2018)
        #expect(surrey.authorityCount == 1 && !NationalQuintiles.isNational(surrey))
    }

    @Test("quintiles an administrator entered place an authority's extract; a figure on a boundary goes up")
    func enteredQuintiles() throws {
        var surrey = try PerformanceTableReader.read(CSVReader(path: RealData.path("ks2/2018-936-ks2.csv")), year: 2018)
        let cuts = QuintileCuts(q4From: -1.5, q3From: -0.5, q2From: 0.5, q1From: 1.5)
        NationalQuintiles.apply([.ks2ReadingProgress: cuts], to: &surrey)
        let published = surrey.schools.compactMap { $0.measures[.ks2ReadingProgress] }.filter { $0.status == .published }
        #expect(!published.isEmpty)
        for record in published {
            let value = try #require(record.value)
            let expected = value >= 1.5 ? 1 : value >= 0.5 ? 2 : value >= -0.5 ? 3 : value >= -1.5 ? 4 : 5
            #expect(record.quintile == expected && record.bottomQuintileBelow == -1.5)
        }
        #expect(surrey.schools.allSatisfy { $0.measures[.ks2WritingProgress]?.quintile == nil })
        #expect(cuts.quintile(of: 0.5) == 2 && cuts.quintile(of: -9) == 5)
        #expect(!QuintileCuts(q4From: 2, q3From: 1, q2From: 3, q1From: 4).isAscending)
    }

    @Test("quintiles laid over stored evidence change only that measure's published figures of that year")
    func quintilesOntoEvidence() throws {
        let evidence = try JSONReader.read("""
            {"urn": "1", "name": "A", "kind": "community", "measures": [
              {"measure": "ks2_reading_progress", "year": 2018, "value": -2.0},
              {"measure": "ks2_reading_progress", "year": 2017, "value": -2.0},
              {"measure": "ks2_reading_progress", "year": 2018, "status": "suppressed"},
              {"measure": "ks2_maths_progress", "year": 2018, "value": -2.0}]}
            """)
        let cuts = QuintileCuts(q4From: -1.5, q3From: -0.5, q2From: 0.5, q1From: 1.5)
        let merged = EvidenceMerge.quintiles(cuts, measure: .ks2ReadingProgress, year: 2018, onto: evidence)
        let entries = try #require(merged["measures"]?.elements)
        #expect(entries[0]["quintile"]?.number == 5 && entries[0]["bottomQuintileBelow"]?.number == -1.5)
        #expect(entries[1]["quintile"] == nil && entries[2]["quintile"] == nil && entries[3]["quintile"] == nil)
        let again = EvidenceMerge.quintiles(cuts, measure: .ks2ReadingProgress, year: 2018, onto: merged)
        #expect(TreeWriter.json(again) == TreeWriter.json(merged))
    }
}
