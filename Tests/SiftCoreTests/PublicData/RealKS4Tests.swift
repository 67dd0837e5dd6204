@testable import SiftCore
import Testing

/// Surrey's real KS4 tables, 2016/17 to 2018/19 (`../shared/realdata/ks4`): KS4's `RECTYPE`
/// differs from KS2's, and England's comparator is the state-funded row (7).
@Suite("Real KS4 tables")
struct RealKS4Tests {
    func ks4(_ year: Int) throws -> PerformanceYear {
        try PerformanceTableReader.read(CSVReader(path: RealData.path("ks4/\(year)-936-ks4final.csv")), year: year)
    }

    @Test("every year imports whole: no row refused, the LA row a total, England's figures from the right rows")
    func everyYear() throws {
        let expected: [Int: (schools: Int, stateFunded: Double, allSchools: Double, progress8: Double)] = [
            2017: (127, 46.3, 44.6, -0.03), 2018: (127, 46.5, 44.5, -0.02), 2019: (130, 46.7, 44.7, -0.03),
        ]
        for (year, figures) in expected {
            let table = try ks4(year)
            #expect(table.keyStage == .ks4)
            #expect(table.rejected.isEmpty, "\(year): \(table.rejected)")
            #expect(table.schools.count == figures.schools, "\(year)")
            #expect(table.rowsByRecordType["4"] == 1 && table.rowsByRecordType["5"] == 1 && table.rowsByRecordType["7"] == 1)
            #expect(table.englandStateFunded[.attainment8] == figures.stateFunded, "\(year)")
            #expect(table.englandAllSchools[.attainment8] == figures.allSchools, "\(year)")
            #expect(table.england[.attainment8] == figures.stateFunded && table.england[.progress8] == figures.progress8, "\(year)")
        }
    }

    @Test("named schools read back exactly; an independent school's NP is not published and it is not state-funded; a new school has no figures")
    func namedSchools() throws {
        let y2019 = try ks4(2019)
        let collingwood = try #require(y2019.schools.first { $0.urn == "136828" })
        let progress = try #require(collingwood.measures[.progress8])
        #expect(progress.value == 0.06 && progress.lower == -0.09 && progress.upper == 0.21 && progress.national == -0.03)
        #expect(collingwood.measures[.attainment8]?.value == 49.8 && collingwood.measures[.attainment8]?.national == 46.7)
        #expect(collingwood.isStateFunded)
        let royalGrammar = try #require(y2019.schools.first { $0.urn == "125424" })
        #expect(royalGrammar.measures[.progress8]?.status == .notPublished && royalGrammar.measures[.attainment8]?.value == 25.9)
        #expect(!royalGrammar.isStateFunded)
        // Chertsey High opened in 2016/17: its 2017 row stops after `TOTPUPS` ("NEW").
        let chertsey = try #require(try ks4(2017).schools.first { $0.urn == "144741" })
        #expect(chertsey.measures[.progress8]?.status == .notPublished && chertsey.measures[.progress8]?.value == nil)
    }

    @Test("a year the DfE published no Progress 8 gives every school Progress 8 as not published, whether or not the file has the column")
    func unpublishedYears() throws {
        let withoutColumn = "RECTYPE,LEA,URN,SCHNAME,NFTYPE,ATT8SCR\n1,936,136828,Collingwood College,ACC,48.2\n7,,,,,46.1\n"
        let table = try PerformanceTableReader.read(CSVReader(bytes: Array(withoutColumn.utf8)), keyStage: .ks4, year: 2025)
        #expect(table.schools[0].measures[.progress8]?.status == .notPublished)
        #expect(table.schools[0].measures[.attainment8]?.national == 46.1)
        // The national 2024/25 table has the column, holding NA in every row.
        let withColumn = "RECTYPE,LEA,URN,SCHNAME,NFTYPE,ATT8SCR,P8MEA,P8CILOW,P8CIUPP\n1,936,136828,Collingwood College,ACC,48.2,NA,NA,NA\n7,,,,,46.1,NA,NA,NA\n"
        let national = try PerformanceTableReader.read(CSVReader(bytes: Array(withColumn.utf8)), keyStage: .ks4, year: 2025)
        #expect(national.schools[0].measures[.progress8]?.status == .notPublished && national.rejected.isEmpty)
        #expect(KeyStage.ks2.unpublished(in: 2024) == [.ks2ReadingProgress, .ks2WritingProgress, .ks2MathsProgress])
        #expect(KeyStage.ks2.unpublished(in: 2023).isEmpty && KeyStage.ks4.unpublished(in: 2026) == [.progress8])
    }
}
