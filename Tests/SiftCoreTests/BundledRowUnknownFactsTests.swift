@testable import SiftCore
import Testing

/// Issue-level check of the semantics of unknown facts (docs/framework-format.md, "Unknown
/// facts") on every row, not only the rows the worked examples reach: cases are generated
/// from the worked examples by changing what an authority or Ofsted records, one or two
/// things at a time, until rows fire that no example reaches. On each case where a row of a
/// category or designation table fires, each fact that can be unknown is taken away; the
/// result must be what every value of it gives, or name every outcome they give.
@Suite("Bundled frameworks: every row with one fact unknown")
struct BundledRowUnknownFactsTests {
    typealias Change = (inout Establishment) -> Void
    typealias Knob = BundledUnknownFactsTests.Knob

    /// Changes that move a case to other rows: every value of each fact that can be unknown,
    /// the exceptions an authority records only when they apply, and the latest inspection's
    /// grade and category of concern.
    static func changes(_ framework: Framework) -> [[Change]] {
        var groups = BundledUnknownFactsTests.knobs(framework).map(\.fillings)
        let exceptions: [WritableKeyPath<LocalEvidence, Bool?>] = [
            \.safeguardingConcern, \.improvementTrajectory, \.selfIdentified, \.optedOut,
            \.areaAtRisk, \.widerAspects, \.leadershipChange,
        ]
        for path in exceptions {
            groups.append([true, false].map { value in { $0.local[keyPath: path] = value } })
        }
        groups.append((1...4).map { grade in { establishment in
            guard let last = establishment.inspections.indices.last, establishment.inspections[last].overallEffectiveness != nil else { return }
            establishment.inspections[last].overallEffectiveness = grade
        } })
        groups.append(CategoryOfConcern.allCases.map { concern in { establishment in
            guard let last = establishment.inspections.indices.last else { return }
            establishment.inspections[last].categoryOfConcern = concern
        } })
        return groups
    }

    /// A fixed sequence of pseudo-random numbers, so a failure repeats.
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    struct Case {
        let establishment: Establishment
        let engine: DecisionEngine
        let runDate: Day
        let year: Int?
        let example: String
        func run(_ establishment: Establishment) -> CategorisationResult {
            engine.categorise(establishment, runDate: runDate, dataYear: year)
        }
    }

    /// What a result says for the table setting `sets`: its code, or every code still possible.
    static func says(_ result: CategorisationResult, _ sets: String) -> Set<String> {
        if let open = result.undetermined.first(where: { $0.sets == sets }) { return Set(open.possible.map { $0 ?? "none" }) }
        if result.status == .uncategorised { return ["uncategorised"] }
        let code = sets == "category" ? result.category?.code : result.designation?.code
        return [code ?? "none"]
    }

    /// The facts a row reads, through the derived values and derived tables it reads.
    static func needs(_ row: DecisionRow?, _ framework: Framework) -> Set<String> {
        var paths = Set<String>(), seen = Set<Int>()
        func walk(_ expression: Expression) {
            for (path, ref) in expression.facts {
                paths.insert(path)
                guard case .derived(let slot) = ref, seen.insert(slot).inserted else { continue }
                framework.derived.filter { $0.slot == slot }.forEach { walk($0.when) }
                for table in framework.tables { if case .derived(slot, _) = table.output { table.rows.forEach { walk($0.when) } } }
            }
        }
        if let row { walk(row.when) }
        return paths
    }

    @Test("every row is reached, sound with any one fact unknown, and decided wherever every value of the fact gives one outcome", arguments: [
        "coventry-2023", "hackney-2023", "milton-keynes-2019", "warwickshire-2013", "wolverhampton-2021",
    ])
    func everyRow(_ id: String) throws {
        let framework = try bundled(id)
        let deciding = framework.tables.filter { $0.output == .category || $0.output == .designation }
        let setsOf = Dictionary(uniqueKeysWithValues: deciding.map { ($0.id, $0.output == .category ? "category" : "designation") })
        let allRows = Set(deciding.flatMap { table in table.rows.map { "\(table.id)/\($0.id)" } + (table.otherwise == nil ? [] : ["\(table.id)/otherwise"]) })
        let groups = Self.changes(framework)
        var witnesses: [String: [Case]] = [:]
        var random = Sequence(state: 2026)

        // Cases: each example, each single change, and a fixed sample of pairs of changes.
        for example in framework.examples {
            guard case .success(let original) = EvidenceDecoder.decode(example.evidence) else { continue }
            let engine = DecisionEngine(framework: framework, overrides: example.parameters)
            let year = example.year ?? original.latestDataYear
            let runDate = example.runDate ?? Day(year: year ?? 2024, month: 10, day: 1)!
            var variants = [original]
            for group in groups { for change in group { var copy = original; change(&copy); variants.append(copy) } }
            for _ in 0..<120 {
                let first = groups[random.next(groups.count)], second = groups[random.next(groups.count)]
                var copy = original
                first[random.next(first.count)](&copy)
                second[random.next(second.count)](&copy)
                variants.append(copy)
            }
            for establishment in variants {
                let known = Case(establishment: establishment, engine: engine, runDate: runDate, year: example.year, example: example.id)
                let result = known.run(establishment)
                guard result.status == .categorised else { continue }
                for reason in result.reasons where setsOf[reason.table] != nil {
                    let key = "\(reason.table)/\(reason.row)"
                    if witnesses[key, default: []].count < 6 { witnesses[key, default: []].append(known) }
                }
            }
        }

        // A row is counted decided or open only where the fact taken away is one it reads.
        // Where every value of the fact gives one outcome, the row could have stayed decided;
        // a row that is left open there is a row the semantics answer less than they could.
        var decided = Set<String>(), open = Set<String>(), agreeing = Set<String>(), openThoughAgreeing = Set<String>(), cases = 0
        let absenceRead = BundledUnknownFactsTests.absenceRead(framework)
        for (key, found) in witnesses {
            let table = String(key.split(separator: "/").first!)
            let sets = setsOf[table]!
            let rowID = String(key.split(separator: "/").last!)
            let needs = Self.needs(framework.tables.first { $0.id == table }?.rows.first { $0.id == rowID }, framework)
            for witness in found {
                let known = witness.run(witness.establishment)
                let trendWorkedOut = framework.dataTrend?.reading(of: witness.establishment, dataYear: witness.year ?? witness.establishment.latestDataYear,
                                                                  parameters: witness.engine.parameters) != nil
                for knob in BundledUnknownFactsTests.knobs(framework)
                where knob.isSet(witness.establishment) && !(knob.name == "la.trend" && trendWorkedOut) && !absenceRead.contains(knob.name) {
                    var unknown = witness.establishment
                    knob.clear(&unknown)
                    let result = witness.run(unknown)
                    let context = "\(id) \(key) (from \(witness.example)) without \(knob.name)"
                    cases += 1
                    let said = Self.says(result, sets)
                    if needs.contains(knob.name) { if said.count > 1 { open.insert(key) } else { decided.insert(key) } }
                    #expect(said.contains(Self.says(known, sets).first!), "\(context): the recorded value's outcome is not among \(said.sorted())")
                    var given = Set<String>()
                    for fill in knob.fillings {
                        var filled = witness.establishment
                        fill(&filled)
                        let other = witness.run(filled)
                        guard other.status != .undetermined || other.undetermined.allSatisfy({ $0.sets != sets }) else { given.insert("undetermined"); continue }
                        let gives = Self.says(other, sets).first!
                        given.insert(gives)
                        #expect(said.contains(gives), "\(context): a value gives \(gives), not among \(said.sorted())")
                    }
                    if needs.contains(knob.name) && given.count == 1 {
                        agreeing.insert(key)
                        if said.count > 1 { openThoughAgreeing.insert("\(key) without \(knob.name)") }
                    }
                }
            }
        }
        let reached = Set(witnesses.keys)
        let reading = Set(witnesses.keys.filter { key in
            let parts = key.split(separator: "/").map(String.init)
            let needs = Self.needs(framework.tables.first { $0.id == parts[0] }?.rows.first { $0.id == parts[1] }, framework)
            return BundledUnknownFactsTests.knobs(framework).contains { needs.contains($0.name) && !absenceRead.contains($0.name) }
        })
        print("\(id): \(allRows.count) rows, \(reached.count) reached, \(reading.count) read a fact that can be unknown, \(cases) cases; with a fact the row reads unknown, decided: \(decided.count), left open: \(open.count), both: \(decided.intersection(open).count)")
        print("\(id): rows not reached: \(allRows.subtracting(reached).sorted().joined(separator: ", "))")
        print("\(id): rows never decided with a fact they read unknown: \(reading.subtracting(decided).sorted().joined(separator: ", "))")
        print("\(id): rows where every value of a fact they read gives one outcome: \(agreeing.count); left open there: \(openThoughAgreeing.sorted().joined(separator: ", "))")
        print("\(id): rows never left open with a fact they read unknown: \(reading.subtracting(open).sorted().joined(separator: ", "))")
        #expect(cases > 0)
        #expect(reached == allRows, "\(id): rows no generated case reaches: \(allRows.subtracting(reached).sorted())")
        #expect(openThoughAgreeing.isEmpty, "\(id): left open although every value gives one outcome: \(openThoughAgreeing.sorted())")
        #expect(!open.isEmpty, "\(id): no row is left open with a fact it reads unknown")
    }
}
