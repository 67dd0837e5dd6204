@testable import SiftCore
import Testing

/// A framework's constraints bind a person's decision (docs/framework-format.md,
/// "Constraints"): the category is refused with the framework's own words.
@Suite("Constraints checked for a person's decision")
struct ConstraintBreachTests {
    static func example(_ framework: Framework, _ id: String) throws -> (Establishment, Day) {
        let example = try #require(framework.examples.first { $0.id == id })
        guard case .success(let establishment) = EvidenceDecoder.decode(example.evidence) else { throw Missing() }
        return (establishment, example.runDate ?? Day(year: 2023, month: 10, day: 1)!)
    }

    struct Missing: Error {}

    @Test("an academy cannot be given Coventry's Category 1 or 2, a maintained school can, and Category 3 is open to both")
    func coventryMaintainedOnly() throws {
        let framework = try bundled("coventry-2023")
        let engine = DecisionEngine(framework: framework)
        let academy = try #require(framework.examples.compactMap { example -> Establishment? in
            guard case .success(let establishment) = EvidenceDecoder.decode(example.evidence), establishment.kind.isAcademy else { return nil }
            return establishment
        }.first)
        let day = Day(year: 2023, month: 10, day: 1)!
        let breach = try #require(engine.breaches(of: "1", for: academy, runDate: day).first)
        #expect(breach.constraint.id == "maintained-only" && breach.unrecorded == nil)
        #expect(breach.sentence == "Category 1 – SIB School cannot be given. The framework says: 'Only maintained schools can be designated Category 1.' / 'Only maintained schools can be designated Category 2.' Here the school is not maintained by the local authority.")
        #expect(!engine.breaches(of: "2", for: academy, runDate: day).isEmpty)
        #expect(engine.breaches(of: "3", for: academy, runDate: day).isEmpty)
        var maintained = academy
        maintained.kind = .community
        #expect(engine.breaches(of: "1", for: maintained, runDate: day).isEmpty)
        #expect(!breach.allowsException(by: "administrator"))
    }

    @Test("a constraint that cannot be checked for want of a fact refuses the category and names the fact")
    func unrecordedRefuses() throws {
        let framework = try bundled("wolverhampton-2021")
        let engine = DecisionEngine(framework: framework)
        var (school, day) = try Self.example(framework, "school-A-securely-good")
        #expect(engine.breaches(of: "A", for: school, runDate: day).isEmpty)
        school.local.governanceRag = nil
        let breach = try #require(engine.breaches(of: "A", for: school, runDate: day).first)
        #expect(breach.constraint.id == "a-governance-green")
        #expect(breach.unrecorded?.contains("not recorded") == true)
        #expect(breach.sentence.contains("Record it first"))
        school.local.governanceRag = .amber
        #expect(engine.breaches(of: "A", for: school, runDate: day).first?.unrecorded == nil)
    }

    @Test("a framework names who may make an exception, and only a role that decides categories")
    func exceptions() throws {
        let tables = "  - { id: category, sets: category, rows: [{ id: r1, when: \"establishment.academy\", then: \"2\" }], otherwise: { then: \"1\" } }"
        let allowed = frameworkYAML(tables: tables, extra: """
        constraints:
          - { id: maintained, categories: ["1"], require: "establishment.maintained", exception_by: [administrator], cite: "'Only maintained schools.'" }
        """)
        let framework = try FrameworkLoader.load(yaml: allowed, file: "test.yaml")
        #expect(framework.constraints[0].exceptionBy == ["administrator"])
        let refused = allowed.replacing("exception_by: [administrator]", with: "exception_by: [school_user]")
        #expect(issues(refused).contains { $0.contains("'school_user' is not a role that decides categories") })
    }
}
