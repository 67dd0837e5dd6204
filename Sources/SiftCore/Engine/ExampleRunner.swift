/// Runs a framework's worked examples (`sift frameworks test`): evidence in, the expected
/// category, designation, rows, judgement, entitlements, plan and funding out.
public enum ExampleRunner {
    public struct Outcome: Sendable {
        public let example: String
        public let failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    public static func run(_ framework: Framework) -> [Outcome] {
        framework.examples.map { run($0, framework) }
    }

    public static func run(_ example: WorkedExample, _ framework: Framework) -> Outcome {
        let establishment: Establishment
        switch EvidenceDecoder.decode(example.evidence) {
        case .success(let decoded): establishment = decoded
        case .failure(let problems):
            return Outcome(example: example.id, failures: problems.map { "evidence: \($0.field): \($0.message)" })
        }
        let engine = DecisionEngine(framework: framework, overrides: example.parameters)
        let year = example.year ?? establishment.latestDataYear
        let runDate = example.runDate ?? Day(year: year ?? 2024, month: 10, day: 1)!
        let result = engine.categorise(establishment, runDate: runDate, dataYear: example.year)
        return Outcome(example: example.id, failures: compare(example.expect, result))
    }

    static func compare(_ expect: Tree, _ result: CategorisationResult) -> [String] {
        var failures: [String] = []
        func check(_ what: String, _ expected: String?, _ actual: String?) {
            guard let expected else { return }
            if expected != actual { failures.append("\(what): expected \(expected), got \(actual ?? "none")") }
        }
        func near(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return abs(a - b) < 1e-6
        }
        check("category", expect["category"]?.text, result.category?.code)
        check("designation", expect["designation"]?.text, result.designation?.code)
        check("indicator", expect["indicator"]?.text, result.indicator)
        // `not_covered: true`: outside the framework's phases or kinds, so not categorised.
        if (expect["not_covered"]?.bool == true) != (result.status == .notCovered) {
            failures.append(result.notCovered.map { "not covered: \($0)" } ?? "expected not to be covered, got \(result.category?.code ?? result.status.rawValue)")
        }
        if expect["uncategorised"]?.bool == true, result.status != .uncategorised {
            failures.append("expected no category, got \(result.category?.code ?? "?")")
        }
        // `undetermined: { table: [outcomes still possible] }`; `none` for no outcome at all.
        for member in expect["undetermined"]?.members ?? [] {
            let expected = member.value.elements?.compactMap(\.text) ?? []
            let actual = result.undetermined.first { $0.table == member.key }?.possible.map { $0 ?? "none" }
            if actual != expected { failures.append("undetermined \(member.key): expected \(expected), got \(actual.map { "\($0)" } ?? "decided")") }
        }
        if expect["undetermined"] == nil, expect["category"] != nil || expect["designation"] != nil, let open = result.undetermined.first {
            failures.append("table \(open.table) is undetermined (could be \(open.possible.map { $0 ?? "none" }.joined(separator: " or "))): "
                            + open.open.map { "\($0.fact): \($0.why)" }.joined(separator: "; "))
        }
        if let rows = expect["rows"]?.elements?.compactMap(\.text) {
            let actual = result.reasons.map(\.row)
            if rows != actual { failures.append("rows: expected \(rows), got \(actual)") }
        }
        if let alternatives = expect["judgement"]?.elements?.compactMap(\.text) {
            let actual = result.judgement?.alternatives ?? []
            if alternatives != actual { failures.append("judgement: expected alternatives \(alternatives), got \(actual)") }
        }
        for member in expect["entitlements"]?.members ?? [] {
            let items = result.entitlements.filter { $0.kind == member.key }
            if let present = member.value.bool {
                if present == items.isEmpty { failures.append("entitlement \(member.key): expected it \(present ? "present" : "absent")") }
                continue
            }
            let actual = items.isEmpty ? nil : items.reduce(0.0) { $0 + ($1.amount ?? $1.max ?? $1.min ?? 0) }
            if !near(member.value.number, actual) {
                failures.append("entitlement \(member.key): expected \(member.value.text ?? "?"), got \(actual.map(Tree.format) ?? "none")")
            }
        }
        if let total = expect["plan_total"]?.number, !near(total, result.plan?.total) {
            failures.append("plan total: expected \(Tree.format(total)), got \(result.plan.map { Tree.format($0.total) } ?? "no plan")")
        }
        for member in expect["funding"]?.members ?? [] {
            let actual = result.funding.first { $0.id == member.key }?.amount
            if !near(member.value.number, actual) {
                failures.append("funding \(member.key): expected \(member.value.text ?? "?"), got \(actual.map(Tree.format) ?? "none")")
            }
        }
        return failures
    }
}
