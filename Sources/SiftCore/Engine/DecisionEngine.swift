/// Runs one framework over establishments: flags, derived values, decision tables with
/// constraints, then the entitlements, plan and funding of the category decided.
public struct DecisionEngine: Sendable {
    public let framework: Framework
    public let parameters: [Double?]
    /// Entitlement rules by category, looked up once per establishment.
    let entitlementRules: [String: [EntitlementRule]]
    let flagGroups: [[Int]]
    let indicatorParts: [IndicatorPart]?
    /// The engines of the authority's other frameworks, each for what this one does not cover
    /// (`DecisionEngine+Alongside`).
    var alongside: [DecisionEngine] = []

    /// The indicator pattern, split once: literal text, the category, the designation.
    enum IndicatorPart: Sendable { case text(String), category, designation }

    /// - Parameter overrides: parameter values for this run (`--set`), by id.
    public init(framework: Framework, overrides: [String: Double] = [:]) {
        self.framework = framework
        self.parameters = framework.parameters.map { overrides[$0.id] ?? $0.value }
        self.entitlementRules = Dictionary(grouping: framework.entitlements, by: \.category)
        self.flagGroups = framework.flags?.groupMembers ?? []
        self.indicatorParts = framework.indicator.map(Self.parse)
    }

    /// - Parameters:
    ///   - runDate: the date the categorisation is made, for months since an inspection.
    ///   - dataYear: the latest data year to use; by default each establishment's latest.
    ///   - decided: the category the authority decided, where it overrides the proposal: the
    ///     entitlements, plan and funding are then that category's, worked out from the same
    ///     evidence; the proposal and its reasons stay as the framework made them.
    public func categorise(_ establishment: Establishment, runDate: Day, dataYear: Int? = nil, supportFor decided: String? = nil) -> CategorisationResult {
        if !alongside.isEmpty {
            let chosen = covering(establishment)
            if chosen.framework.id != framework.id { return chosen.categorise(establishment, runDate: runDate, dataYear: dataYear, supportFor: decided) }
        }
        var context = EvaluationContext(establishment: establishment, framework: framework, runDate: runDate,
                                        dataYear: dataYear ?? establishment.latestDataYear, parameters: parameters)
        var result = CategorisationResult(
            urn: establishment.urn, name: establishment.name, kind: establishment.kind.rawValue, framework: framework.id,
            status: .uncategorised, reasons: [], notApplied: [], passedOver: [], flags: [], derived: [],
            entitlements: [], funding: [], dataYear: context.dataYear, runDate: runDate)
        result.closed = establishment.closed
        // An establishment the framework does not cover, or one closed by the day of the run,
        // is never categorised by its rules.
        if let why = (alongside.isEmpty ? framework.notCovering(establishment) : notCoveredByAny(establishment)) ?? Self.closure(establishment, on: runDate) {
            result.status = .notCovered
            result.notCovered = why
            return result
        }
        if let flags = framework.flags { result.flags = computeFlags(flags, &context) }
        if var trend = context.trendReading {
            trend.overridden = establishment.local.trend != nil
            result.dataTrend = trend
        }
        for rule in framework.derived {
            context.derived[rule.slot] = rule.isNumber ? context.evaluate(rule.when) : context.condition(rule.when)
            result.derived.append(NamedValue(rule.id, context.derived[rule.slot]))
        }
        for table in framework.tables { run(table, &context, &result) }
        if let code = result.category?.code {
            result.status = .categorised
            result.indicator = indicator(category: code, designation: result.designation?.code)
        } else if result.undetermined.contains(where: { $0.sets == "category" }) {
            result.status = .undetermined
        }
        if let code = decided ?? result.category?.code {
            result.entitlements = entitlements(for: code, context, &result.notApplied)
            result.plan = plan(for: code, context, &result.notApplied)
            result.funding = funding(for: code, designation: result.designation?.code, establishment)
        }
        return result
    }

    /// Why a closed establishment is no longer categorised: it closed on or before the day.
    static func closure(_ establishment: Establishment, on day: Day) -> String? {
        guard let closed = establishment.closed, closed <= day else { return nil }
        return closedSentence(closed)
    }

    public static func closedSentence(_ closed: Day) -> String {
        "The establishment closed on \(closed.longText): it is no longer categorised or supported."
    }

    /// Runs a table. A row applies only when every row before it is known not to: an earlier
    /// row that could not be evaluated for want of a fact not recorded might have applied
    /// instead (a fact recorded as not there, such as a grade of a school never inspected,
    /// hides no value, so a row that needs it simply does not apply). Its outcome, and the
    /// outcome reached, are then all possible; when they agree the table is decided as
    /// before, and when they differ it is undetermined and sets nothing (docs/framework-format.md,
    /// "Unknown facts"). `otherwise` is the outcome only when every row is known not to apply.
    func run(_ table: DecisionTable, _ context: inout EvaluationContext, _ result: inout CategorisationResult) {
        var decided: (outcome: String, row: DecisionRow?)?
        var open: [(outcome: String, missing: NotApplied, row: DecisionRow)] = []
        rows: for row in table.rows {
            switch context.condition(row.when) {
            case .bool(true):
                if table.output == .category, let (stop, unknown) = constraintStopping(row, context) {
                    // A constraint that could not be evaluated for want of evidence is a gap
                    // like any other: the row may or may not stand.
                    if let unknown, unknown.kind == .notRecorded {
                        let missing = NotApplied(table: table.id, row: row.id, absence: unknown)
                        result.notApplied.append(missing)
                        open.append((row.then, missing, row))
                    } else {
                        result.passedOver.append(PassedOver(table: table.id, row: row.id, wouldBe: row.then, constraint: stop.id,
                                                            require: stop.requireText, cite: stop.citation.cite))
                        if let unknown { result.notApplied.append(NotApplied(table: table.id, row: row.id, absence: unknown)) }
                    }
                    continue rows
                }
                decided = (row.then, row)
                break rows
            case .missing(let absence):
                let missing = NotApplied(table: table.id, row: row.id, absence: absence)
                result.notApplied.append(missing)
                // A fact recorded as not there (never inspected, not published) hides no value:
                // the row cannot apply. Only a fact not recorded leaves the row open.
                guard absence.kind == .notRecorded else { continue rows }
                // A row whose category a constraint is known to refuse could not stand anyway.
                if table.output == .category, let (_, unknown) = constraintStopping(row, context), unknown == nil { continue rows }
                open.append((row.then, missing, row))
            default:
                continue rows
            }
        }
        // A complete grid has a cell for every value its facts can take: when no cell is known
        // to apply, one of those still open does, so falling through is not an outcome.
        var byGrid = false
        if decided == nil, table.matrix?.complete == true, let first = open.first { decided = (first.outcome, first.row); byGrid = true }
        if decided == nil, let otherwise = table.otherwise { decided = (otherwise.value, nil) }
        if !open.isEmpty, open.contains(where: { $0.outcome != decided?.outcome }) {
            var possible: [String?] = []
            for outcome in open.map(\.outcome) + [decided?.outcome] where !possible.contains(outcome) { possible.append(outcome) }
            let sets: String
            switch table.output {
            case .category: sets = "category"
            case .designation: sets = "designation"
            case .derived(_, let name): sets = name
            }
            result.undetermined.append(Undetermined(table: table.id, sets: sets, possible: possible, open: open.map(\.missing)))
            let absence = Absence(.undetermined(table.id))
            switch table.output {
            case .category: context.category = .missing(absence)
            case .designation: context.designation = .missing(absence)
            case .derived(let slot, _): context.derived[slot] = .missing(absence)
            }
            return
        }
        guard let decided else { return }
        let row = decided.row
        result.reasons.append(Reason(
            table: table.id, row: row?.id ?? "otherwise", outcome: decided.outcome, condition: row?.whenText,
            cite: row?.citation.cite ?? table.otherwise?.citation.cite,
            note: byGrid ? "Decided by the grid: every cell the facts known leave open gives \(decided.outcome)." : row?.citation.note ?? table.otherwise?.citation.note,
            facts: row.map { $0.facts.map { NamedValue($0.path, context.evaluate(.fact($0.ref, path: $0.path))) } } ?? [],
            source: ReasonSource(framework: framework, row: row, inspectionDate: context.latest.inspection?.date)))
        if let row, let judgement = row.judgement {
            result.judgement = JudgementProposal(table: table.id, row: row.id, proposed: row.then,
                                                 alternatives: judgement.alternatives, why: judgement.why)
        }
        switch table.output {
        case .category:
            context.category = .text(decided.outcome)
            result.category = Code(code: decided.outcome, name: framework.category(decided.outcome)?.name ?? decided.outcome)
        case .designation:
            context.designation = .text(decided.outcome)
            result.designation = Code(code: decided.outcome, name: framework.designation(decided.outcome)?.name ?? decided.outcome)
        case .derived(let slot, let name):
            context.derived[slot] = .text(decided.outcome)
            result.derived.append(NamedValue(name, .text(decided.outcome)))
        }
    }

    /// The first constraint on the row's category that does not hold, and its absence when
    /// it could not be evaluated.
    private func constraintStopping(_ row: DecisionRow, _ context: EvaluationContext) -> (Constraint, Absence?)? {
        for constraint in framework.constraints where constraint.categories.contains(row.then) {
            switch context.condition(constraint.require) {
            case .bool(true): continue
            case .missing(let absence): return (constraint, absence)
            default: return (constraint, nil)
            }
        }
        return nil
    }

    private func indicator(category: String, designation: String?) -> String? {
        guard let parts = indicatorParts else { return nil }
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .category: text += category
            case .designation:
                guard let designation else { return nil }
                text += designation
            }
        }
        return text
    }

    static func parse(_ pattern: String) -> [IndicatorPart] {
        var parts: [IndicatorPart] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            if rest[open...].hasPrefix("{category}") {
                parts.append(.category)
                rest = rest[rest.index(open, offsetBy: 10)...]
            } else if rest[open...].hasPrefix("{designation}") {
                parts.append(.designation)
                rest = rest[rest.index(open, offsetBy: 13)...]
            } else {
                parts.append(.text("{"))
                rest = rest[rest.index(after: open)...]
            }
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }
}
