/// `sift frameworks diff --format json`: format `sift-whatif/1`. Keys are always present;
/// a value that does not apply (no category, no data year) is null, so a program reading it
/// never has to ask whether a key exists.
extension FrameworkComparison {
    public func json(problems: [EvidenceProblem] = [], notRead: Int = 0) -> String {
        TreeWriter.json(tree(problems: problems, notRead: notRead), indent: true) + "\n"
    }

    public func tree(problems: [EvidenceProblem] = [], notRead: Int = 0) -> Tree {
        .object([
            ("format", .string("sift-whatif/1")),
            ("old", Self.tree(old)), ("new", Self.tree(new)),
            ("runDate", .string(runDate.description)),
            ("dataYear", dataYear.map { .number(Double($0)) } ?? Self.null),
            ("overrides", .object(overrides.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
            ("summary", .object([
                ("compared", .number(Double(compared))), ("unchanged", .number(Double(unchanged))),
                ("changed", .number(Double(changed))), ("categoryChanged", .number(Double(categoryChanged))),
                ("designationOnly", .number(Double(changed - categoryChanged))), ("notRead", .number(Double(notRead))),
            ])),
            ("moves", .array(moves.map { move in
                .object([("from", move.from.map(Tree.string) ?? Self.null), ("to", move.to.map(Tree.string) ?? Self.null),
                         ("count", .number(Double(move.count)))])
            })),
            ("changes", .array(changes.map(\.tree))),
            ("problems", .array(problems.map { .object([("urn", .string($0.urn)), ("field", .string($0.field)), ("message", .string($0.message))]) })),
        ])
    }

    static let null = Tree(.null)

    static func tree(_ framework: Framework) -> Tree {
        .object([("id", .string(framework.id)), ("name", .string(framework.name)), ("authority", .string(framework.authority))])
    }
}

extension FrameworkComparison.Change {
    var tree: Tree {
        .object([
            ("urn", .string(urn)), ("name", .string(name)), ("kind", .string(kind)),
            ("categoryChanged", .bool(categoryChanged)), ("designationChanged", .bool(designationChanged)),
            ("old", Self.side(old)), ("new", Self.side(new)),
        ])
    }

    /// One framework's result, cut to what explains the move: the outcome and its reasons.
    static func side(_ result: CategorisationResult) -> Tree {
        let null = FrameworkComparison.null
        return .object([
            ("framework", .string(result.framework)), ("status", .string(result.status.rawValue)),
            ("category", result.category.map(\.tree) ?? null), ("designation", result.designation.map(\.tree) ?? null),
            ("indicator", result.indicator.map(Tree.string) ?? null), ("judgement", result.judgement.map(\.tree) ?? null),
            ("reasons", .array(result.reasons.map(\.tree))),
            ("passedOver", .array(result.passedOver.map(\.tree))),
            ("notApplied", .array(result.notApplied.map(\.tree))),
        ])
    }
}
