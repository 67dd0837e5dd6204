@testable import SiftCore
import Testing

/// What a framework covers: `phases:` and `kinds:` (docs/framework-format.md).
@Suite("What a framework covers")
struct FrameworkScopeTests {
    static let tables = "  - { id: category, sets: category, rows: [{ id: r, when: \"ofsted.overall == 4\", then: \"2\" }], otherwise: { then: \"1\" } }"

    @Test("kinds are read as kinds and groups, and a misspelt kind is refused with the word meant")
    func kinds() throws {
        let framework = try FrameworkLoader.load(yaml: frameworkYAML(tables: Self.tables, extra: "kinds: [maintained_schools, pvi_nursery]"), file: "test.yaml")
        #expect(framework.kinds == Set(EstablishmentKind.allCases.filter(\.isMaintained) + [.pviNursery]))
        #expect(issues(frameworkYAML(tables: Self.tables, extra: "kinds: [schols]")).contains { $0.contains("'schols' is not a kind of establishment; did you mean 'schools'?") })
    }

    @Test("an establishment outside the phases or kinds is not covered, with why; one whose phase is not recorded is asked for it")
    func notCovered() throws {
        let framework = try FrameworkLoader.load(yaml: frameworkYAML(tables: Self.tables, extra: "phases: [primary, middle]\nkinds: [schools]"), file: "test.yaml")
        let engine = DecisionEngine(framework: framework)
        let day = Day(year: 2024, month: 10, day: 1)!
        var school = Establishment(urn: "1", name: "A", kind: .community)
        school.phase = .primary
        #expect(engine.categorise(school, runDate: day).category?.code == "1")
        school.phase = .secondary
        let secondary = engine.categorise(school, runDate: day)
        #expect(secondary.status == .notCovered && secondary.category == nil && secondary.entitlements.isEmpty)
        #expect(secondary.notCovered == "Test is for the primary and middle phases only; this establishment's phase is secondary.")
        school.phase = nil
        #expect(engine.categorise(school, runDate: day).notCovered?.contains("phase is not recorded: record it") == true)
        var childminder = Establishment(urn: "2", name: "B", kind: .childminder)
        childminder.phase = .primary
        #expect(engine.categorise(childminder, runDate: day).notCovered == "Test is for schools; this is a childminder.")
    }

    @Test("an authority running two frameworks: each categorises what it covers; what neither covers is not covered, with both reasons")
    func twoFrameworks() throws {
        let coventry = try bundled("coventry-2023"), hackney = try bundled("hackney-2023")
        let engine = DecisionEngine(framework: coventry).with(alongside: [DecisionEngine(framework: hackney)])
        #expect(engine.frameworks.map(\.id) == ["coventry-2023", "hackney-2023"])
        let day = Day(year: 2024, month: 10, day: 1)!
        var school = Establishment(urn: "1", name: "A", kind: .community)
        school.phase = .primary
        #expect(engine.categorise(school, runDate: day).framework == "coventry-2023")
        school.phase = .secondary
        let secondary = engine.categorise(school, runDate: day)
        #expect(secondary.framework == "hackney-2023" && secondary.status != .notCovered)
        #expect(engine.covering(school).framework.id == "hackney-2023")
        #expect(engine.breaches(of: "1", for: school, runDate: day).isEmpty, "Coventry's constraint on Category 1 does not bind a school Hackney's framework covers")
        let childminder = Establishment(urn: "2", name: "B", kind: .childminder)
        let neither = engine.categorise(childminder, runDate: day)
        #expect(neither.status == .notCovered && neither.framework == "coventry-2023")
        #expect(neither.notCovered?.contains("Coventry") == true && neither.notCovered?.contains("Hackney") == true, "\(neither.notCovered ?? "")")
    }
}
