import SiftCore

/// A framework's worked examples as evidence: what `--examples` categorises and
/// `sift frameworks examples` writes out.
enum WorkedExamples {
    static func evidence(_ framework: Framework) -> EvidenceSet {
        var collector = EvidenceDecoder.Collector()
        for (position, example) in framework.examples.enumerated() { collector.add(example.evidence, position: position) }
        return collector.set
    }

    /// Each example at its own run date, data year and parameters, as `sift frameworks test` runs it.
    /// Examples are separate scenarios (one may show a school a year later), so a URN may recur.
    static func categorise(_ framework: Framework, overrides: [String: Double]) -> (EvidenceSet, [CategorisationResult]) {
        var set = EvidenceSet(establishments: [], problems: [], rejected: [])
        var results: [CategorisationResult] = []
        for (position, example) in framework.examples.enumerated() {
            let establishment: Establishment
            switch EvidenceDecoder.decode(example.evidence, position: position) {
            case .success(let decoded): establishment = decoded
            case .failure(let problems):
                set.problems.append(contentsOf: problems)
                set.rejected.append(example.id)
                continue
            }
            set.establishments.append(establishment)
            let engine = DecisionEngine(framework: framework, overrides: example.parameters.merging(overrides) { $1 })
            let runDate = example.runDate ?? Day(year: example.year ?? establishment.latestDataYear ?? 2024, month: 10, day: 1)!
            results.append(engine.categorise(establishment, runDate: runDate, dataYear: example.year))
        }
        return (set, results)
    }
}
