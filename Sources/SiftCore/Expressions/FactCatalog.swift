/// Resolves dotted fact paths against one framework's names (its flags, derived values,
/// parameters, categories) and says what values each fact can take.
public struct FactCatalog: Sendable {
    public var flagIDs: [String] = []
    public var derivedIDs: [String] = []
    public var parameterIDs: [String] = []
    public var categoryCodes: Set<String> = []
    public var designationCodes: Set<String> = []
    /// The facts and measures the framework declares for itself.
    public var declaredFacts: [DeclaredFact] = []
    public var declaredMeasures: [DeclaredMeasure] = []
    /// Whether the framework says how it reads Ofsted's inspections (`inspection_reading`);
    /// without it, no rule may read them.
    public var readsInspections = true
    /// Inside a flag's `when`, the measure record's own fields are in scope.
    public var measureFieldsInScope = false

    public init() {}

    public func resolve(_ path: String) -> Result<(FactRef, FactDomain), ResolveError> {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            if measureFieldsInScope, let field = MeasureField(rawValue: path) {
                return .success((.measureField(field), Self.domain(of: field)))
            }
            switch path {
            case "designation": return .success((.designation, .text(designationCodes)))
            case "category": return .success((.category, .text(categoryCodes)))
            default: return .failure(ResolveError("'\(path)' is not a fact"))
            }
        }
        let head = parts[0], rest = Array(parts.dropFirst())
        if !readsInspections, head == "ofsted" || head == "report_card" {
            return .failure(ResolveError("'\(path)' is an Ofsted inspection fact, and this framework has no inspection_reading: add one to say how it reads Ofsted's inspections"))
        }
        switch head {
        case "establishment":
            guard rest.count == 1, let fact = EstablishmentFact(rawValue: rest[0]) else { return unknown(path, among: EstablishmentFact.allCases.map { "establishment.\($0.rawValue)" }) }
            return .success((.establishment(fact), Self.domain(of: fact)))
        case "ofsted" where rest.first == "earlier":
            // ofsted.earlier.<n>.<fact>: the nth inspection before the latest, 1 the previous.
            guard rest.count == 3, let back = Int(rest[1]), (1...20).contains(back), let fact = OfstedFact(rawValue: rest[2]) else {
                return .failure(ResolveError("'\(path)' is not a fact: an earlier inspection is read as ofsted.earlier.<n>.<fact>, n = 1 for the one before the latest, 2 for the one before that (up to 20)"))
            }
            return .success((back == 1 ? .ofsted(fact, previous: true) : .ofstedEarlier(fact, back: back), Self.domain(of: fact)))
        case "ofsted":
            let previous = rest.first == "previous"
            let tail = previous ? Array(rest.dropFirst()) : rest
            guard tail.count == 1, let fact = OfstedFact(rawValue: tail[0]) else { return unknown(path, among: OfstedFact.allCases.map { "ofsted.\($0.rawValue)" }) }
            return .success((.ofsted(fact, previous: previous), Self.domain(of: fact)))
        case "report_card":
            guard rest.count == 1, let area = ReportCardArea(rawValue: rest[0]) else { return unknown(path, among: ReportCardArea.allCases.map { "report_card.\($0.rawValue)" }) }
            return .success((.reportCard(area), .number))
        case "la":
            return resolveLocal(path, rest)
        case "measure":
            let names = MeasureID.allCases.map(\.rawValue) + declaredMeasures.map(\.id)
            guard rest.count == 2, names.contains(rest[0]) else { return unknown(path, among: names.map { "measure.\($0).value" }) }
            guard let field = MeasureField(rawValue: rest[1]) else { return unknown(path, among: MeasureField.allCases.map { "measure.\(rest[0]).\($0.rawValue)" }) }
            if let id = MeasureID(rawValue: rest[0]) { return .success((.measure(id, field), Self.domain(of: field))) }
            let index = declaredMeasures.firstIndex { $0.id == rest[0] }!
            return .success((.declaredMeasure(index, field), Self.domain(of: field)))
        case "flag", "trend":
            guard rest.count == 1, let index = flagIDs.firstIndex(of: rest[0]) else { return unknown(path, among: flagIDs.map { "\(head).\($0)" }) }
            return .success((head == "flag" ? .flag(index) : .trend(index), .bool))
        case "flags":
            switch rest.first {
            case "trend_count" where rest.count == 1: return .success((.trendCount, .number))
            case "single_year_count" where rest.count == 1: return .success((.singleYearCount, .number))
            default: return unknown(path, among: ["flags.trend_count", "flags.single_year_count"])
            }
        case "derived":
            guard rest.count == 1, let index = derivedIDs.firstIndex(of: rest[0]) else {
                return unknown(path, among: derivedIDs.map { "derived.\($0)" }, note: " (a derived value can only use those defined before it)")
            }
            // A derived value is bool for a condition, or text for a custom table's output.
            return .success((.derived(index), .text(nil)))
        case "param":
            guard rest.count == 1, let index = parameterIDs.firstIndex(of: rest[0]) else { return unknown(path, among: parameterIDs.map { "param.\($0)" }) }
            return .success((.parameter(index), .number))
        default:
            return .failure(ResolveError("'\(path)' is not a fact: facts begin establishment., ofsted., report_card., la., measure., flag., trend., flags., derived. or param."))
        }
    }

    /// `la.<name>`: a fact Sift knows, or one the framework declares (also as
    /// `la.other.<name>`, where the evidence keeps it). An undeclared name is refused, so a
    /// misspelt fact cannot pass as a gap in every school's evidence.
    private func resolveLocal(_ path: String, _ rest: [String]) -> Result<(FactRef, FactDomain), ResolveError> {
        let name = rest.count == 2 && rest[0] == "other" ? [rest[1]] : rest
        if let index = declaredFacts.firstIndex(where: { $0.id == name[0] }) {
            let fact = declaredFacts[index]
            if fact.kind == .date {
                guard name.count == 2, name[1] == "months_since" else {
                    return .failure(ResolveError("'\(path)' is a date; a rule reads it as 'la.\(fact.id).months_since', the whole months from it to the date of the run"))
                }
                return .success((.declaredMonthsSince(index), .number))
            }
            guard name.count == 1 else { return unknown(path, among: ["la.\(fact.id)"]) }
            return .success((.declared(index, fact.kind), Self.domain(of: fact)))
        }
        let declared = declaredFacts.map { "la.\($0.id)" }
        if rest.count == 2, rest[0] == "other" {
            return unknown(path, among: declaredFacts.map { "la.other.\($0.id)" }, note: ": a fact the authority records for itself is declared under 'facts:' in the framework")
        }
        guard rest.count == 1, let fact = LocalFact(rawValue: rest[0]) else {
            return unknown(path, among: LocalFact.allCases.map { "la.\($0.rawValue)" } + declared)
        }
        return .success((.local(fact), domain(of: fact)))
    }

    static func domain(of fact: DeclaredFact) -> FactDomain {
        switch fact.kind {
        case .yesNo: return .bool
        case .number, .date: return .number
        case .oneOf: return .text(Set(fact.values))
        case .text: return .text(nil)
        }
    }

    private func unknown(_ path: String, among candidates: [String], note: String = "") -> Result<(FactRef, FactDomain), ResolveError> {
        let close = candidates.filter { EstablishmentReader.closeEnough($0, path) }
        let hint = close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"
        return .failure(ResolveError("'\(path)' is not a fact\(note)\(hint)"))
    }

    static func domain(of fact: EstablishmentFact) -> FactDomain {
        switch fact {
        case .urn, .network, .religiousCharacter, .diocese: return .text(nil)
        case .kind: return .text(Set(EstablishmentKind.allCases.map(\.rawValue)))
        case .setting: return .text(Set(Setting.allCases.map(\.rawValue)))
        case .phase: return .text(Set(Phase.allCases.map(\.rawValue)))
        case .pupils, .monthsOpen, .headteacherMonthsInPost: return .number
        case .maintained, .academy, .special, .earlyYearsSetting, .providesForTwoYearOlds, .newHeadteacher, .firstHeadship, .churchSchool:
            return .bool
        }
    }

    static func domain(of fact: OfstedFact) -> FactDomain {
        switch fact {
        case .inspected, .goodOrBetter, .satisfactory, .requiresImprovement, .ofPredecessor: return .bool
        case .framework: return .text(Set(InspectionFramework.allCases.map(\.rawValue)))
        case .categoryOfConcern: return .text(Set(CategoryOfConcern.allCases.map(\.rawValue)))
        case .safeguarding, .earlyYearsRequirements: return .text(Set(MetOrNotMet.allCases.map(\.rawValue)))
        default: return .number
        }
    }

    func domain(of fact: LocalFact) -> FactDomain {
        switch fact {
        case .trend: return .text(Set(LocalEvidence.Trend.allCases.map(\.rawValue)))
        case .risk: return .text(Set(LocalEvidence.Risk.allCases.map(\.rawValue)))
        case .view: return .text(Set(LocalEvidence.View.allCases.map(\.rawValue)))
        case .governanceRag: return .text(Set(LocalEvidence.RAG.allCases.map(\.rawValue)))
        case .capacityToImprove: return .text(Set(LocalEvidence.Capacity.allCases.map(\.rawValue)))
        case .previousCategory: return .text(categoryCodes)
        case .vulnerability: return .text(nil)
        case .sefValidatedGrade, .specificAspects: return .number
        case .safeguardingConcern, .improvementTrajectory, .selfIdentified, .optedOut, .areaAtRisk, .widerAspects, .leadershipChange: return .bool
        }
    }

    static func domain(of field: MeasureField) -> FactDomain {
        switch field {
        case .bottomQuintile, .significantlyNegative: return .bool
        default: return .number
        }
    }
}

public struct ResolveError: Error, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}
