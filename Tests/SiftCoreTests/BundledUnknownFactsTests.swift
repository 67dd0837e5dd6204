@testable import SiftCore
import Testing

/// Every bundled framework with the new semantics of unknown facts (docs/framework-format.md,
/// "Unknown facts"): in each worked example, each fact the authority records is taken away in
/// turn and the result compared with the results of every value it could have had. A result
/// still decided must be what every value gives; an undetermined one must name every outcome a
/// value gives. Both kinds must occur for the rows that decide.
@Suite("Bundled frameworks with one fact unknown")
struct BundledUnknownFactsTests {
    /// A fact of the evidence that can be taken away, and each value it could have.
    struct Knob {
        let name: String
        let isSet: (Establishment) -> Bool
        let clear: (inout Establishment) -> Void
        let fillings: [(inout Establishment) -> Void]
    }

    static func knob<T>(_ name: String, _ path: WritableKeyPath<Establishment, T?>, _ values: [T]) -> Knob {
        Knob(name: name, isSet: { $0[keyPath: path] != nil }, clear: { $0[keyPath: path] = nil },
             fillings: values.map { value in { $0[keyPath: path] = value } })
    }

    static func knobs(_ framework: Framework) -> [Knob] {
        var knobs = [
            knob("la.trend", \.local.trend, LocalEvidence.Trend.allCases),
            knob("la.risk", \.local.risk, LocalEvidence.Risk.allCases),
            knob("la.view", \.local.view, LocalEvidence.View.allCases),
            knob("la.governance_rag", \.local.governanceRag, LocalEvidence.RAG.allCases),
            knob("la.capacity_to_improve", \.local.capacityToImprove, LocalEvidence.Capacity.allCases),
            knob("la.sef_validated_grade", \.local.sefValidatedGrade, [1, 2, 3, 4]),
            knob("la.previous_category", \.local.previousCategory, framework.categories.map(\.code)),
        ]
        // Where a framework covers some phases only, an establishment whose phase is not
        // recorded is not covered (record it first): its phase is not a fact its rules weigh.
        if framework.phases.isEmpty { knobs.append(knob("establishment.phase", \.phase, Phase.allCases)) }
        for fact in framework.facts where fact.absentReadsAs == nil {
            let values: [Value]
            switch fact.kind {
            case .yesNo: values = [.bool(true), .bool(false)]
            case .oneOf: values = fact.values.map(Value.text)
            default: continue
            }
            knobs.append(Knob(name: "la.\(fact.id)", isSet: { $0.local.other[fact.id] != nil }, clear: { $0.local.other[fact.id] = nil },
                              fillings: values.map { value in { $0.local.other[fact.id] = value } }))
        }
        return knobs
    }

    /// Facts a rule asks `is missing` of: the framework reads their absence as information
    /// (Milton Keynes' "SEF validated as 1" is false where no grade is validated), so taking
    /// one away is not making it unknown.
    static func absenceRead(_ framework: Framework) -> Set<String> {
        var paths = Set<String>()
        func walk(_ expression: Expression) {
            switch expression {
            case .isMissing(let inner, _): paths.formUnion(inner.facts.map(\.path))
            case .negate(let inner), .not(let inner): walk(inner)
            case .arithmetic(_, let lhs, let rhs), .compare(_, let lhs, let rhs): walk(lhs); walk(rhs)
            case .and(let items), .or(let items), .count(let items): items.forEach(walk)
            case .inList(let lhs, let items, _): walk(lhs); items.forEach(walk)
            default: break
            }
        }
        framework.tables.flatMap(\.rows).forEach { walk($0.when) }
        framework.derived.forEach { walk($0.when) }
        framework.constraints.forEach { walk($0.require) }
        return paths
    }

    /// What a result decided: its category, "undetermined" or "uncategorised".
    static func outcome(_ result: CategorisationResult) -> String {
        switch result.status {
        case .categorised: return result.category?.code ?? "?"
        case .undetermined: return "undetermined"
        case .uncategorised: return "uncategorised"
        case .notCovered: return "not covered"
        }
    }

    @Test("with any one recorded fact unknown, a decided result is what every value gives, and an undetermined one names every outcome", arguments: [
        "coventry-2023", "hackney-2023", "milton-keynes-2019", "warwickshire-2013", "wolverhampton-2021",
    ])
    func soundOnEveryExample(_ id: String) throws {
        let framework = try bundled(id)
        var decidedRows = Set<String>(), openRows = Set<String>(), cases = 0
        let categoryTable = try #require(framework.tables.first { $0.output == .category }?.id)
        let absenceRead = Self.absenceRead(framework)
        for example in framework.examples {
            guard case .success(let original) = EvidenceDecoder.decode(example.evidence) else { continue }
            let engine = DecisionEngine(framework: framework, overrides: example.parameters)
            let year = example.year ?? original.latestDataYear
            let runDate = example.runDate ?? Day(year: year ?? 2024, month: 10, day: 1)!
            func run(_ establishment: Establishment) -> CategorisationResult {
                engine.categorise(establishment, runDate: runDate, dataYear: example.year)
            }
            let known = run(original)
            guard known.status == .categorised, let row = known.reasons.first(where: { $0.table == categoryTable })?.row else { continue }
            // Where the framework works the trend out from the results, a trend taken away is
            // replaced by that one, not unknown (data_trend).
            let trendWorkedOut = framework.dataTrend?.reading(of: original, dataYear: example.year ?? original.latestDataYear, parameters: engine.parameters) != nil
            for knob in Self.knobs(framework) where knob.isSet(original) && !(knob.name == "la.trend" && trendWorkedOut) && !absenceRead.contains(knob.name) {
                var unknown = original
                knob.clear(&unknown)
                let result = run(unknown)
                let filled = knob.fillings.map { fill -> CategorisationResult in
                    var establishment = original
                    fill(&establishment)
                    return run(establishment)
                }
                cases += 1
                let context = "\(id) \(example.id) without \(knob.name)"
                switch result.status {
                case .categorised:
                    decidedRows.insert(row)
                    for other in filled {
                        #expect(Self.outcome(other) == result.category?.code, "\(context): decided \(result.category?.code ?? ""), but a value gives \(Self.outcome(other))")
                    }
                case .undetermined:
                    openRows.insert(row)
                    let possible = Set(result.undetermined.first { $0.sets == "category" }?.possible.map { $0 ?? "none" } ?? [])
                    #expect(possible.count >= 2, "\(context): undetermined with \(possible)")
                    for other in filled where other.status == .categorised {
                        #expect(possible.contains(other.category!.code), "\(context): a value gives \(other.category!.code), not among \(possible.sorted())")
                    }
                    #expect(possible.contains(known.category!.code), "\(context): the recorded value's outcome \(known.category!.code) is not among \(possible.sorted())")
                case .notCovered:
                    Issue.record("\(context): not covered, though its phase and kind are recorded")
                case .uncategorised:
                    for other in filled { #expect(other.status == .uncategorised, "\(context): uncategorised, but a value gives \(Self.outcome(other))") }
                }
            }
        }
        print("\(id): \(cases) cases; rows decided with a fact unknown: \(decidedRows.count), rows left open: \(openRows.count), rows with both: \(decidedRows.intersection(openRows).count)")
        #expect(cases > 0)
        #expect(!decidedRows.isEmpty, "\(id): no example stays decided with a fact unknown")
        #expect(!openRows.isEmpty, "\(id): no example is left open with a fact unknown")
    }
}
