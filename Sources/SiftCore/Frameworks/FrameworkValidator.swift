/// Whole-framework checks run after a file is read: every category reachable, no row
/// shadowed by an earlier one, plans that add up, examples whose evidence reads.
enum FrameworkValidator {
    static func validate(_ framework: Framework, tree: Tree) -> [FrameworkIssue] {
        var issues: [FrameworkIssue] = []
        func issue(_ line: Int?, _ message: String) {
            issues.append(FrameworkIssue(file: framework.file, line: line, message: message))
        }
        checkReachable(framework, tree: tree, issue: issue)
        checkShadowing(framework, issue: issue)
        checkPlans(framework, tree: tree, issue: issue)
        checkParameters(framework, tree: tree, issue: issue)
        for example in framework.examples {
            if case .failure(let problems) = EvidenceDecoder.decode(example.evidence) {
                for problem in problems {
                    issue(problem.line ?? example.line, "example '\(example.id)': evidence \(problem.field): \(problem.message)")
                }
            }
        }
        return issues
    }

    private static func checkReachable(_ framework: Framework, tree: Tree, issue: (Int?, String) -> Void) {
        for (output, codes, listKey) in [(DecisionTable.Output.category, framework.categories.map(\.code), "categories"),
                                         (.designation, framework.designations.map(\.code), "designations")] {
            var reached = Set<String>()
            for table in framework.tables where table.output == output {
                for row in table.rows {
                    reached.insert(row.then)
                    reached.formUnion(row.judgement?.alternatives ?? [])
                }
                if let otherwise = table.otherwise { reached.insert(otherwise.value) }
            }
            for code in codes where !reached.contains(code) {
                let line = tree[listKey]?.elements?.first { $0["code"]?.text == code }?.line
                issue(line, "no row can reach the \(listKey == "categories" ? "category" : "designation") '\(code)'")
            }
        }
    }

    private static func checkShadowing(_ framework: Framework, issue: (Int?, String) -> Void) {
        let constrained = Set(framework.constraints.flatMap(\.categories))
        for table in framework.tables {
            for (laterIndex, later) in table.rows.enumerated() {
                for earlier in table.rows[..<laterIndex] {
                    // A row a constraint may pass over does not always decide.
                    if table.output == .category && constrained.contains(earlier.then) { continue }
                    if Implication.implies(later.when, earlier.when) {
                        issue(later.line, "row '\(later.id)' can never apply: whenever its condition holds, the earlier row '\(earlier.id)' already applies")
                        break
                    }
                }
            }
        }
    }

    private static func checkPlans(_ framework: Framework, tree: Tree, issue: (Int?, String) -> Void) {
        let planNodes = tree["plans"]?.elements ?? []
        for (index, plan) in framework.plans.enumerated() {
            let total = plan.total
            if abs(total - plan.allocation) > 1e-9 {
                let parts = plan.activities.filter { ($0.unit ?? plan.unit) == plan.unit }.map { Tree.format($0.amount) }.joined(separator: " + ")
                issue(planNodes[safe: index]?.line, "the plan for category '\(plan.category)' adds up to \(Tree.format(total)) \(plan.unit) (\(parts)), but its allocation is \(Tree.format(plan.allocation))")
            }
        }
    }

    private static func checkParameters(_ framework: Framework, tree: Tree, issue: (Int?, String) -> Void) {
        for rule in framework.funding where rule.kind == .perPupilByCategory {
            for category in framework.categories where rule.weights[category.code] == nil {
                issue(tree["funding"]?.line, "funding '\(rule.id)' gives no weight for category '\(category.code)'")
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
