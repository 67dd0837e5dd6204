@testable import SiftCore
import Testing

@Suite("Categorising from real public data")
struct RealEvidenceTests {
    /// Surrey's open primary schools from GIAS, with KS2 2016–2018 laid over them.
    static func surrey() throws -> [Establishment] {
        let gias = try GIASReader.read(CSVReader(path: RealData.path("gias/20220420-gias-850-936.csv")), laCodes: ["936"])
        var trees = Dictionary(uniqueKeysWithValues: gias.establishments.filter { $0.status != .closed }.map { ($0.urn, EvidenceMerge.gias($0, onto: nil)) })
        for year in 2016...2018 {
            let table = try PerformanceTableReader.read(CSVReader(path: RealData.path("ks2/\(year)-936-ks2.csv")), year: year)
            for school in table.schools where trees[school.urn] != nil {
                trees[school.urn] = EvidenceMerge.measures(school, keyStage: .ks2, year: year, onto: trees[school.urn]!)
            }
        }
        return try trees.keys.sorted().map { urn in
            switch EvidenceDecoder.decode(trees[urn]!) {
            case .success(let establishment): return establishment
            case .failure(let problems): throw problems
            }
        }
    }

    @Test("every open Surrey primary school reads as evidence and is categorised under Coventry and Milton Keynes")
    func categorise() throws {
        let schools = try Self.surrey()
        #expect(schools.count == 301)
        let withKS2 = schools.filter { !$0.records(.ks2ReadingProgress).isEmpty }
        #expect(withKS2.count == 199)
        let weyfield = try #require(schools.first { $0.urn == "139070" })
        #expect(weyfield.records(.ks2ReadingProgress).map(\.year) == [2016, 2017, 2018])
        #expect(weyfield.records(.ks2ReadingProgress).last?.upper == -3.6)
        for id in ["coventry-2023", "milton-keynes-2019"] {
            let framework = try bundled(id)
            let results = DecisionEngine(framework: framework).categoriseAll(schools, runDate: Day(year: 2022, month: 9, day: 1)!)
            let uncategorised = zip(schools, results).filter { $0.1.category == nil }
            if id == "coventry-2023" {
                #expect(uncategorised.isEmpty, "Coventry places every school from public data alone")
            } else {
                // Milton Keynes places a good school by the authority's own view of its trend
                // (its "good" rows read la.trend)
                #expect(uncategorised.count == 239)
                // and reads Ofsted's leadership judgement, which GIAS does not carry (Ofsted's
                // management information does). Public data alone cannot place those, and says so.
                let waiting = ["la.trend is not recorded in the evidence", "ofsted.leadership is not recorded in the evidence"]
                #expect(uncategorised.allSatisfy { $0.1.notApplied.contains { waiting.contains($0.why) } })
            }
            // A school in special measures is never placed in the framework's least-support category.
            let least = framework.categories.last?.code
            for (school, result) in zip(schools, results) where school.latestInspection?.categoryOfConcern == .specialMeasures {
                #expect(result.category?.code != least, "\(id): \(school.urn) is in special measures")
            }
        }
    }
}
