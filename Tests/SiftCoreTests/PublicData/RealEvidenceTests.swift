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
            // Every school is placed, or its category is undetermined and the result names the
            // facts that would decide it: public data alone cannot give the authority's own
            // view (Coventry's risk, Milton Keynes' trend) or Ofsted's leadership judgement
            // (which GIAS does not carry), and Sift never takes a default in their place.
            #expect(results.allSatisfy { $0.status != .uncategorised }, "\(id)")
            let undetermined = results.filter { $0.status == .undetermined }
            #expect(undetermined.allSatisfy { result in
                result.undetermined.contains { $0.sets == "category" && !$0.open.isEmpty && $0.open.allSatisfy { $0.missingKind == "not_recorded" } }
            })
            let facts = Set(undetermined.flatMap { $0.undetermined.flatMap(\.open).map(\.fact) })
            #expect(facts.allSatisfy { $0.hasPrefix("la.") || $0.hasPrefix("establishment.new_headteacher") || $0 == "ofsted.leadership"
                || $0 == "designation" || $0 == "bottom_quintile" || $0.hasPrefix("derived.") || $0.hasPrefix("measure.") }, "\(id): \(facts)")
            // A school in special measures is never placed in the framework's least-support category.
            let least = framework.categories.last?.code
            for (school, result) in zip(schools, results) where school.latestInspection?.categoryOfConcern == .specialMeasures {
                #expect(result.category?.code != least, "\(id): \(school.urn) is in special measures")
            }
        }
    }
}
