@testable import SiftCore
import Testing

/// Sound reasoning with unknown facts (docs/framework-format.md, "Unknown facts"), checked
/// exhaustively over small truth tables against the reference: fill each unknown fact in
/// every way it could be, and see what each filling gives.
@Suite("Unknown facts")
struct UnknownFactsTests {
    /// A fact of the authority's own: known yes, known no, or not recorded.
    enum Fact: CaseIterable { case yes, no, unknown }

    static let names = ["a", "b", "c", "d"]
    /// The four facts, declared as the framework's own (absent is not recorded).
    static let declarations = "facts:\n" + names.map { "  - { id: \($0), label: fact \($0), type: one_of, values: [\"yes\", \"no\"] }" }.joined(separator: "\n")
    static let anyTable = """
          - id: category
            sets: category
            rows: [{ id: r1, when: "la.other.a == yes", then: "2" }]
            otherwise: { then: "1" }
        """

    /// The names a test's expressions are parsed against: the framework's categories and facts.
    static func catalog(_ framework: Framework) -> FactCatalog {
        var catalog = FactCatalog()
        catalog.categoryCodes = ["1", "2"]
        catalog.declaredFacts = framework.facts
        return catalog
    }

    /// Evidence with `la.other.<name>` set as each fact says.
    func school(_ facts: [Fact]) throws -> Establishment {
        let other = zip(Self.names, facts).compactMap { name, fact -> String? in
            switch fact {
            case .yes: return "\"\(name)\": \"yes\""
            case .no: return "\"\(name)\": \"no\""
            case .unknown: return nil
            }
        }.joined(separator: ", ")
        return try establishment(#"{"urn":"1","name":"N","kind":"community","local":{"other":{"# + other + "}}}")
    }

    /// Every way the unknown facts could be filled in.
    func fillings(_ facts: [Fact]) -> [[Bool]] {
        facts.reduce([[]]) { partial, fact in
            partial.flatMap { prefix -> [[Bool]] in
                switch fact {
                case .yes: return [prefix + [true]]
                case .no: return [prefix + [false]]
                case .unknown: return [prefix + [true], prefix + [false]]
                }
            }
        }
    }

    func allAssignments(_ count: Int) -> [[Fact]] {
        (0..<count).reduce([[]]) { partial, _ in partial.flatMap { prefix in Fact.allCases.map { prefix + [$0] } } }
    }

    @Test("count(…) compared with a number: decided exactly when every filling agrees, and then as they do")
    func countBounds() throws {
        let framework = try FrameworkLoader.load(yaml: frameworkYAML(tables: Self.anyTable, extra: Self.declarations), file: "test.yaml")
        let catalog = Self.catalog(framework)
        let count = "count(" + Self.names.map { "la.other.\($0) == yes" }.joined(separator: ", ") + ")"
        for facts in allAssignments(4) {
            let context = EvaluationContext(establishment: try school(facts), framework: framework, runDate: october2023, dataYear: nil,
                                            parameters: [])
            for op in [">=", ">", "<", "<=", "==", "!="] {
                for k in 0...5 {
                    let value = context.evaluate(try ExpressionParser.parseCondition("\(count) \(op) \(k)", catalog: catalog))
                    let answers = Set(fillings(facts).map { filling -> Bool in
                        let n = filling.filter { $0 }.count
                        switch op {
                        case ">=": return n >= k
                        case ">": return n > k
                        case "<": return n < k
                        case "<=": return n <= k
                        case "==": return n == k
                        default: return n != k
                        }
                    })
                    let expected: Value? = answers.count == 1 ? .bool(answers.first!) : nil
                    if let expected {
                        #expect(value == expected, "\(facts) \(op) \(k)")
                    } else {
                        #expect(value.isMissing, "\(facts) \(op) \(k): \(value)")
                    }
                }
            }
        }
    }

    @Test("and, or and not: whatever is decided, every filling agrees with")
    func kleeneIsSound() throws {
        let framework = try FrameworkLoader.load(yaml: frameworkYAML(tables: Self.anyTable, extra: Self.declarations), file: "test.yaml")
        let catalog = Self.catalog(framework)
        let formulas: [(String, ([Bool]) -> Bool)] = [
            ("la.other.a == yes and la.other.b == yes", { $0[0] && $0[1] }),
            ("la.other.a == yes or la.other.b == yes", { $0[0] || $0[1] }),
            ("not (la.other.a == yes) or la.other.c == yes", { !$0[0] || $0[2] }),
            ("(la.other.a == yes or la.other.b == yes) and not (la.other.c == yes)", { ($0[0] || $0[1]) && !$0[2] }),
        ]
        for facts in allAssignments(3) {
            let context = EvaluationContext(establishment: try school(facts), framework: framework, runDate: october2023, dataYear: nil,
                                            parameters: [])
            for (source, reference) in formulas {
                let value = context.evaluate(try ExpressionParser.parseCondition(source, catalog: catalog))
                let answers = Set(fillings(facts).map(reference))
                if case .bool(let decided) = value { #expect(answers == [decided], "\(source) with \(facts)") }
                // Kleene logic decides whenever the unknown facts are irrelevant to the formula's shape.
                if facts.allSatisfy({ $0 != .unknown }) { #expect(!value.isMissing) }
            }
        }
    }

    @Test("a table is decided exactly when every filling reaches the same outcome; otherwise it names every outcome still possible")
    func tablesAreSound() throws {
        let yaml = frameworkYAML(tables: """
              - id: category
                sets: category
                rows:
                  - { id: R1, when: "la.other.a == yes", then: "1" }
                  - { id: R2, when: "la.other.b == yes", then: "2" }
                  - { id: R3, when: "la.other.c == yes", then: "1" }
                otherwise: { then: "2" }
            """, extra: Self.declarations)
        let engine = DecisionEngine(framework: try FrameworkLoader.load(yaml: yaml, file: "test.yaml"))
        for facts in allAssignments(3) {
            let result = engine.categorise(try school(facts), runDate: october2023)
            let outcomes = Set(fillings(facts).map { filling -> String in
                filling[0] ? "1" : filling[1] ? "2" : filling[2] ? "1" : "2"
            })
            if outcomes.count == 1 {
                #expect(result.status == .categorised && result.category?.code == outcomes.first, "\(facts)")
            } else {
                #expect(result.status == .undetermined && result.category == nil, "\(facts)")
                let possible = Set(result.undetermined.first?.possible.compactMap { $0 } ?? [])
                #expect(possible == outcomes, "\(facts): \(possible)")
            }
        }
    }

    @Test("Coventry: three trend flags known, one not judged, is A; one known and one not judged is B; two and one is undetermined")
    func coventryDesignation() throws {
        let engine = DecisionEngine(framework: try bundled("coventry-2023"))
        // Reading, writing and maths progress significantly negative in both years as asked;
        // the combined measure's national quintile not recorded, so its flags cannot be judged.
        func school(flagged: [String]) throws -> Establishment {
            var measures: [String] = []
            for year in [2022, 2023] {
                measures.append(#"{"measure":"ks2_rwm_expected","year":\#(year),"value":50}"#)
                for measure in ["reading", "writing", "maths"] {
                    let upper = flagged.contains(measure) ? -0.5 : 1.5
                    measures.append(#"{"measure":"ks2_\#(measure)_progress","year":\#(year),"value":-2,"lower":-4,"upper":\#(upper)}"#)
                }
            }
            return try establishment(#"{"urn":"1","name":"N","kind":"community","phase":"primary","measures":[\#(measures.joined(separator: ","))]}"#)
        }
        let three = engine.categorise(try school(flagged: ["reading", "writing", "maths"]), runDate: october2023)
        #expect(three.designation?.code == "A")
        let one = engine.categorise(try school(flagged: ["reading"]), runDate: october2023)
        #expect(one.designation?.code == "B")
        let two = engine.categorise(try school(flagged: ["reading", "writing"]), runDate: october2023)
        #expect(two.designation == nil && two.undetermined.first?.table == "designation")
        #expect(two.undetermined.first?.possible == ["A", "B"])
        #expect(two.undetermined.first?.open.first?.why.contains("national quintile") == true)
    }
}
