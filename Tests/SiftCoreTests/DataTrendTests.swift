@testable import SiftCore
import Testing

/// The data trend worked out from the results (docs/framework-format.md, "data_trend"), on
/// Milton Keynes' thresholds: 3 points either way is consistent, a fall of 10 is sharp.
@Suite("The data trend worked out from results")
struct DataTrendTests {
    func reading(_ values: [Double]) throws -> TrendReading? {
        let framework = try bundled("milton-keynes-2019")
        var school = Establishment(urn: "1", name: "N", kind: .community)
        var records: [MeasureRecord] = []
        for (offset, value) in values.enumerated() { records.append(MeasureRecord(year: 2023 + offset, value: value)) }
        school.measures[MeasureID.ks2RWMExpected.slot] = records
        let engine = DecisionEngine(framework: framework)
        return try #require(framework.dataTrend).reading(of: school, dataYear: school.latestDataYear, parameters: engine.parameters)
    }

    @Test("each trend the seeds name, from three years", arguments: [
        ([80.0, 76, 69], LocalEvidence.Trend.sharpDecline),
        ([80.0, 78, 76], .declining),
        ([80.0, 81, 76], .smallDecline),
        ([70.0, 72, 75], .improving),
        ([70.0, 66, 75], .inconsistent),
        ([70.0, 75, 71], .inconsistent),
        ([74.0, 76, 75], .consistent),
    ])
    func trends(_ values: [Double], _ trend: LocalEvidence.Trend) throws {
        #expect(try reading(values)?.trend == trend)
    }

    @Test("one year is too few; the figures are said as given, the change to the hundredth")
    func figures() throws {
        #expect(try reading([70]) == nil)
        let read = try #require(try reading([45.3, 77.7, 55.9]))
        #expect(read.description == "inconsistent: KS2 reading, writing and maths at expected (%) 45.3 in 2023, 77.7 in 2024, 55.9 in 2025 (up 10.6)")
    }
}
