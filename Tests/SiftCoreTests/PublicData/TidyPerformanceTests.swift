@testable import SiftCore
import Testing

/// Small files in the layouts of the DfE's tidy (explore-education-statistics) school-level
/// files: KS2 long, a row per school, pupil group and subject; KS4 wide, a row per school and
/// pupil group.
@Suite("Tidy performance tables")
struct TidyPerformanceTests {
    static let ks2Header = "time_period,time_identifier,geographic_level,country_code,country_name,version,school_urn,school_laestab,school_name,breakdown_topic,breakdown,subject,expected_standard_pupil_percent,higher_standard_pupil_percent,average_scaled_score,progress_measure_score,progress_measure_lower_conf_interval,progress_measure_upper_conf_interval"

    static let ks2 = """
        \(ks2Header)
        202223,Academic year,National,E92000001,England,Final,,,,All pupils,Total,"Reading, writing and maths",60,8,,,,
        202223,Academic year,School,E92000001,England,Final,100001,3312000,Oak Primary,All pupils,Total,"Reading, writing and maths",71,10,,,,
        202223,Academic year,School,E92000001,England,Final,100001,3312000,Oak Primary,All pupils,Total,Reading,80,30,106,1.4,-0.5,3.3
        202223,Academic year,School,E92000001,England,Final,100001,3312000,Oak Primary,All pupils,Total,Writing,75,12,,-2.1,-3.9,-0.3
        202223,Academic year,School,E92000001,England,Final,100001,3312000,Oak Primary,All pupils,Total,Maths,74,20,104,c,c,c
        202223,Academic year,School,E92000001,England,Final,100001,3312000,Oak Primary,All pupils,Total,Science,85,,,,,
        202223,Academic year,School,E92000001,England,Final,100001,3312000,Oak Primary,Disadvantage status,Disadvantaged,Reading,60,10,101,-1.0,-4.0,2.0
        202122,Academic year,School,E92000001,England,Final,100001,3312000,Oak Primary,All pupils,Total,Reading,70,20,104,z,z,z
        202223,Academic year,School,E92000001,England,Final,100002,3312001,Ash Academy,All pupils,Total,"Reading, writing and maths",x,x,,,,
        202223,Academic year,School,E92000001,England,Final,100002,3312001,Ash Academy,All pupils,Total,Reading,79,28,105,0.2,-2.0,2.4
        202223,Academic year,School,E92000001,England,Final,200001,8502000,Far Away Primary,All pupils,Total,Reading,79,28,105,0.2,-2.0,2.4
        """

    static let ks4 = """
        time_period,time_identifier,geographic_level,country_code,country_name,version,school_urn,school_laestab,school_name,establishment_type_group,breakdown_topic,breakdown,sex,disadvantage_status,pupil_count,attainment8_average,progress8_average,progress8_lower_95_ci,progress8_upper_95_ci
        202324,Academic year,School,E92000001,England,Final,137001,3314001,Elm Academy,Academy,Total,Total,Total,Total,180,44.1,-0.45,-0.62,-0.28
        202324,Academic year,School,E92000001,England,Final,137001,3314001,Elm Academy,Academy,Sex,Boys,Boys,Total,90,40.2,-0.7,-0.95,-0.45
        202324,Academic year,School,E92000001,England,Final,137002,3314002,Birch High,Maintained,Total,Total,Total,Total,120,52.0,z,z,z
        """

    func ks2Table(year: Int = 2023, laCodes: Set<String>? = nil) throws -> PerformanceYear {
        try PerformanceTableReader.read(CSVReader(bytes: Array(Self.ks2.utf8)), year: year, laCodes: laCodes)
    }

    @Test("KS2's long file: a school's subject rows become one school, other years and pupil groups counted and left out")
    func ks2LongForm() throws {
        let table = try ks2Table()
        #expect(table.keyStage == .ks2)
        #expect(table.schools.map(\.urn) == ["100001", "100002", "200001"])
        #expect(table.rejected.isEmpty)
        #expect(table.otherYearRows == 1)
        #expect(table.otherGroupRows == 1)
        let oak = try #require(table.schools.first)
        #expect(oak.line == 3)
        #expect(oak.laCode == "331")
        #expect(oak.measures[.ks2RWMExpected]?.value == 71)
        #expect(oak.measures[.ks2RWMExpected]?.national == 60)
        let reading = try #require(oak.measures[.ks2ReadingProgress])
        #expect(reading.value == 1.4 && reading.lower == -0.5 && reading.upper == 3.3 && reading.year == 2023)
        #expect(oak.measures[.ks2WritingProgress]?.upper == -0.3)
        #expect(oak.measures[.ks2MathsProgress]?.status == .suppressed)
        #expect(table.schools[1].measures[.ks2RWMExpected]?.status == .notPublished)
        #expect(table.england == [.ks2RWMExpected: 60])
    }

    @Test("the year asked for picks its rows; the authority's LA codes come from LAESTAB")
    func ks2OtherYearAndAuthority() throws {
        let earlier = try ks2Table(year: 2022)
        #expect(earlier.schools.map(\.urn) == ["100001"])
        #expect(earlier.schools[0].measures[.ks2ReadingProgress]?.status == .notPublished)
        let own = try ks2Table(laCodes: ["331"])
        #expect(own.schools.map(\.urn) == ["100001", "100002"])
        #expect(own.otherAuthorities == 1)
    }

    @Test("a school's second row for the same subject and group is rejected by line")
    func ks2RepeatedSubject() throws {
        let text = Self.ks2 + "\n202223,Academic year,School,E92000001,England,Final,100002,3312001,Ash Academy,All pupils,Total,Reading,1,1,1,1,1,1"
        let table = try PerformanceTableReader.read(CSVReader(bytes: Array(text.utf8)), year: 2023)
        #expect(table.rejected.map(\.line) == [13])
        #expect(table.rejected.first?.message.contains("first on line 11") == true)
        #expect(table.schools[1].measures[.ks2ReadingProgress]?.value == 0.2)
    }

    @Test("KS4's wide tidy file: the all-pupils row is the school's; a pupil group's row is not a repeat")
    func ks4Wide() throws {
        let table = try PerformanceTableReader.read(CSVReader(bytes: Array(Self.ks4.utf8)), year: 2024)
        #expect(table.keyStage == .ks4)
        #expect(table.rejected.isEmpty)
        #expect(table.otherGroupRows == 1)
        #expect(table.schools.map(\.urn) == ["137001", "137002"])
        let elm = table.schools[0].measures
        #expect(elm[.progress8]?.value == -0.45 && elm[.progress8]?.lower == -0.62 && elm[.progress8]?.upper == -0.28)
        #expect(elm[.attainment8]?.value == 44.1)
        #expect(table.schools[1].measures[.progress8]?.status == .notPublished)
    }

    @Test("time periods read as the year they end", arguments: [("202324", 2024), ("2023/24", 2024), ("2023-24", 2024), ("2024", 2024), ("20232024", 2024), ("24", nil)])
    func yearEnding(period: String, year: Int?) {
        #expect(TidyRowFilter.yearEnding(period) == year)
    }
}
