import SiftCore
import Testing

@Suite("The five seed frameworks")
struct BundledFrameworkTests {
    static let ids = ["coventry-2023", "warwickshire-2013", "milton-keynes-2019", "hackney-2023", "wolverhampton-2021"]

    @Test("each loads and every worked example passes", arguments: ids)
    func examplesPass(_ id: String) throws {
        let framework = try bundled(id)
        #expect(framework.examples.count >= 15)
        for outcome in ExampleRunner.run(framework) {
            #expect(outcome.passed, "\(id) example \(outcome.example): \(outcome.failures)")
        }
    }

    @Test("every category of every framework is the outcome of a worked example", arguments: ids)
    func everyCategoryIsExemplified(_ id: String) throws {
        let framework = try bundled(id)
        let expected = Set(framework.examples.compactMap { $0.expect["category"]?.text })
        for category in framework.categories {
            #expect(expected.contains(category.code), "\(id): no example places an establishment in \(category.code)")
        }
    }

    @Test("every row of every framework decides at least one worked example", arguments: ids)
    func everyRowIsExercised(_ id: String) throws {
        let framework = try bundled(id)
        var decided = Set<String>()
        for example in framework.examples {
            guard case .success(let school) = EvidenceDecoder.decode(example.evidence) else { continue }
            let engine = DecisionEngine(framework: framework, overrides: example.parameters)
            let runDate = example.runDate ?? Day(year: school.latestDataYear ?? 2024, month: 10, day: 1)!
            decided.formUnion(engine.categorise(school, runDate: runDate, dataYear: example.year).reasons.map(\.row))
        }
        for table in framework.tables where table.output == .category {
            for row in table.rows {
                #expect(decided.contains(row.id), "\(id): no example is decided by row \(row.id)")
            }
        }
    }

    @Test("a wrong expectation fails: the example runner can fail")
    func runnerCanFail() throws {
        let framework = try bundled("coventry-2023")
        var example = try #require(framework.examples.first { $0.id == "seed-1A" })
        let yaml = "category: \"4\"\ndesignation: D\nrows: [x]\nentitlements: { cmo_visits: 9 }\nfunding: { network: 1 }"
        example.expect = try YAMLTree.read(yaml)
        let outcome = ExampleRunner.run(example, framework)
        #expect(outcome.failures.count == 5)
    }

    @Test("each framework reads ungraded 2024 inspections and 2025 report cards, and says so", arguments: ids)
    func inspectionReadingsAreNoted(_ id: String) throws {
        let framework = try bundled(id)
        #expect(framework.inspectionReading.ungradedNote?.isEmpty == false)
        #expect(framework.inspectionReading.reportCardNote?.isEmpty == false)
    }

    @Test("a shared document lists every category with what places it and its support", arguments: ids)
    func showDocument(_ id: String) throws {
        let framework = try bundled(id)
        let text = FrameworkDocument(framework).text()
        for category in framework.categories { #expect(text.contains("### \(category.code) — \(category.name)")) }
        #expect(text.contains("Placed here when:"))
        #expect(text.contains("Support:"))
    }
}
