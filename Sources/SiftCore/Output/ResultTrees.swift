/// Results as `Tree`s, written by `TreeWriter`: the JSON of docs/results-format.md. Written
/// by hand rather than through an Encoder so a national run's results stream out quickly,
/// one establishment at a time.
extension CategorisationResult {
    public var tree: Tree {
        .object([
            ("urn", .string(urn)), ("name", .string(name)), ("kind", .string(kind)), ("framework", .string(framework)),
            ("status", .string(status.rawValue)), ("notCovered", notCovered.map(Tree.string)),
            ("category", category.map(\.tree)), ("designation", designation.map(\.tree)), ("indicator", indicator.map(Tree.string)),
            ("judgement", judgement.map(\.tree)),
            ("reasons", .array(reasons.map(\.tree))),
            ("passedOver", .array(passedOver.map(\.tree))),
            ("undetermined", .array(undetermined.map(\.tree))),
            ("notApplied", .array(notApplied.map(\.tree))),
            ("flags", .array(flags.map(\.tree))),
            ("derived", .array(derived.map(\.tree))),
            ("entitlements", .array(entitlements.map(\.tree))),
            ("plan", plan.map(\.tree)),
            ("funding", .array(funding.map(\.tree))),
            ("dataYear", dataYear.map { .number(Double($0)) }),
            ("runDate", .string(runDate.description)),
            ("dataTrend", dataTrend.map(\.tree)),
        ])
    }
}

extension Code { var tree: Tree { .object([("code", .string(code)), ("name", .string(name))]) } }

extension JudgementProposal {
    var tree: Tree {
        .object([("table", .string(table)), ("row", .string(row)), ("proposed", .string(proposed)),
                 ("alternatives", .array(alternatives.map(Tree.string))), ("why", .string(why))])
    }
}

extension Reason {
    var tree: Tree {
        .object([("table", .string(table)), ("row", .string(row)), ("outcome", .string(outcome)),
                 ("condition", condition.map(Tree.string)), ("sentence", .string(sentence)),
                 ("cite", cite.map(Tree.string)), ("note", note.map(Tree.string)), ("facts", .array(facts.map(\.tree)))])
    }
}

extension NamedValue {
    var tree: Tree { .object([("name", .string(name)), ("value", .string(value)), ("missing", .bool(missing))]) }
}

extension NotApplied {
    var tree: Tree {
        .object([("table", .string(table)), ("row", .string(row)), ("fact", .string(fact)), ("why", .string(why)),
                 ("missingKind", .string(missingKind))])
    }
}

extension Undetermined {
    var tree: Tree {
        .object([("table", .string(table)), ("sets", .string(sets)), ("possible", .array(possible.map { $0.map(Tree.string) ?? Tree(.null) })),
                 ("open", .array(open.map(\.tree)))])
    }
}

extension PassedOver {
    var tree: Tree {
        .object([("table", .string(table)), ("row", .string(row)), ("wouldBe", .string(wouldBe)), ("constraint", .string(constraint)),
                 ("require", .string(require)), ("cite", cite.map(Tree.string))])
    }
}

extension FlagOutcome {
    var tree: Tree {
        .object([("id", .string(id)), ("measure", .string(measure.rawValue)), ("year", year.map { .number(Double($0)) }),
                 ("latest", latest.map(Tree.bool)), ("trend", trend.map(Tree.bool)), ("status", status.map(Tree.string)),
                 ("unjudged", unjudged.map(Tree.string)), ("nationalMissingYear", nationalMissingYear.map { .number(Double($0)) })])
    }
}

extension EntitlementItem {
    var tree: Tree {
        .object([("kind", .string(kind)), ("amount", amount.map(Tree.number)), ("min", min.map(Tree.number)), ("max", max.map(Tree.number)),
                 ("unit", .string(unit)), ("per", .string(per)), ("frequency", frequency.map(Tree.string)), ("text", text.map(Tree.string)),
                 ("cite", cite.map(Tree.string)), ("note", note.map(Tree.string))])
    }
}

extension PlanOutcome {
    var tree: Tree {
        .object([("allocation", .number(allocation)), ("unit", .string(unit)), ("total", .number(total)),
                 ("activities", .array(activities.map(\.tree))), ("cite", cite.map(Tree.string))])
    }
}

extension PlannedActivity {
    var tree: Tree {
        .object([("term", .string(term)), ("activity", .string(activity)), ("amount", .number(amount)), ("kind", kind.map(Tree.string))])
    }
}

extension FundingLine {
    var tree: Tree {
        .object([("id", .string(id)), ("amount", amount.map(Tree.number)), ("pupils", pupils.map { .number(Double($0)) }),
                 ("rate", rate.map(Tree.number)), ("weight", weight.map(Tree.number)), ("triggered", triggered.map(Tree.bool)),
                 ("note", note.map(Tree.string)), ("cite", cite.map(Tree.string))])
    }
}

extension ResultRendering.Report {
    var headTree: [(String, Tree?)] {
        [("format", .string(format)),
         ("framework", .object([("id", .string(framework.id)), ("name", .string(framework.name)), ("authority", .string(framework.authority))]))]
    }

    var tailTree: [(String, Tree?)] {
        [("problems", .array(problems.map { .object([("urn", .string($0.urn)), ("field", .string($0.field)), ("message", .string($0.message))]) })),
         ("summary", .object([
            ("establishments", .number(Double(summary.establishments))), ("categorised", .number(Double(summary.categorised))),
            ("uncategorised", .number(Double(summary.uncategorised))),
            ("undetermined", .number(Double(summary.undetermined))), ("notCovered", .number(Double(summary.notCovered))), ("rejected", .number(Double(summary.rejected))),
            ("withGaps", .number(Double(summary.withGaps))), ("awaitingJudgement", .number(Double(summary.awaitingJudgement))),
            ("byCategory", .object(summary.byCategory.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) })),
         ]))]
    }
}

extension TrendReading {
    var tree: Tree {
        .object([("trend", .string(trend.rawValue)), ("measure", .string(measure.rawValue)),
                 ("figures", .array(figures.map { .object([("year", .number(Double($0.year))), ("value", .number($0.value))]) })),
                 ("change", .number(change)), ("overridden", .bool(overridden)), ("description", .string(description))])
    }
}
