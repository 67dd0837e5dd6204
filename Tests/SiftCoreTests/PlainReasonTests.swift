@testable import SiftCore
import Testing

/// Reasons in words (docs/framework-format.md, "Reasons in words"), on Coventry's worked
/// examples: a threshold, judgements with their inspection's date, and `otherwise`.
@Suite("Reasons in words")
struct PlainReasonTests {
    static func reasons(_ urn: String) throws -> [String: String] {
        let framework = try bundled("coventry-2023")
        let example = try #require(framework.examples.first { example in
            guard case .success(let establishment) = EvidenceDecoder.decode(example.evidence) else { return false }
            return establishment.urn == urn
        })
        guard case .success(let establishment) = EvidenceDecoder.decode(example.evidence) else { throw ExampleMissing() }
        let result = DecisionEngine(framework: framework, overrides: example.parameters)
            .categorise(establishment, runDate: example.runDate ?? Day(year: 2023, month: 10, day: 1)!, dataYear: example.year)
        return Dictionary(uniqueKeysWithValues: result.reasons.map { ($0.table, $0.sentence) })
    }

    struct ExampleMissing: Error {}

    @Test("a count against its threshold, and judgements with the date of their inspection")
    func thresholdAndJudgements() throws {
        let reasons = try Self.reasons("900101")
        #expect(reasons["designation"] == "The number of measures below the expected level two years running is 3, which is at least 3.")
        #expect(reasons["category"] == "Ofsted's overall judgement is ‘requires improvement’, and Ofsted's judgement of leadership and management is ‘requires improvement’ (inspection of 15 November 2022).")
    }

    @Test("otherwise says that no condition for another outcome applied, naming what the table sets")
    func otherwise() throws {
        let reasons = try Self.reasons("900102")
        #expect(reasons["category"] == "None of the framework's conditions for the other categories applied: this is its category when none does.")
        #expect(reasons["designation"] == "None of the framework's conditions for the other designations applied: this is its designation when none does.")
    }
}
