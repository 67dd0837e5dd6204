/// Everything a rule can read about one establishment under one framework, computed as the
/// run goes: derived values, flags, and the outputs of tables already run.
struct EvaluationContext {
    let establishment: Establishment
    let framework: Framework
    let runDate: Day
    let dataYear: Int?
    let parameters: [Double?]
    let latest: InspectionFacts
    let previous: InspectionFacts
    var flagLatest: [Value] = []
    var flagTrend: [Value] = []
    var trendCount: Value = .missing(Absence(.noFlags))
    var singleYearCount: Value = .missing(Absence(.noFlags))
    var derived: [Value]
    var category: Value = .missing(Absence(.notYetDecided))
    var designation: Value = .missing(Absence(.notYetDecided))
    let newHeadteacherLimit: Double
    /// The data trend worked out from results, where the framework says how.
    let trendReading: TrendReading?
    /// The record a flag is being evaluated on.
    var currentRecord: MeasureRecord?
    var currentMeasure: MeasureID?

    init(establishment: Establishment, framework: Framework, runDate: Day, dataYear: Int?, parameters: [Double?]) {
        self.establishment = establishment
        self.framework = framework
        self.runDate = runDate
        self.dataYear = dataYear
        self.parameters = parameters
        let inspections = establishment.inspections
        func priorGraded(before index: Int) -> Int? {
            inspections[..<max(index, 0)].lastIndex { $0.framework == .graded }
        }
        // An inspection after the date of the run was not known then: a categorisation made
        // on an earlier date sees only the inspections up to it.
        let last = (inspections.lastIndex { $0.date <= runDate } ?? -1)
        latest = InspectionFacts(inspections: inspections, index: last >= 0 ? last : nil, priorGradedIndex: priorGraded(before: last),
                                 reading: framework.inspectionReading, runDate: runDate, isPrevious: false)
        previous = InspectionFacts(inspections: inspections, index: last >= 1 ? last - 1 : nil, priorGradedIndex: priorGraded(before: last - 1),
                                   reading: framework.inspectionReading, runDate: runDate, isPrevious: true)
        newHeadteacherLimit = framework.parameterIndex("new_headteacher_months").flatMap { parameters[safe: $0] ?? nil } ?? 12
        derived = Array(repeating: .missing(Absence(.notYetDecided)), count: framework.derivedSlots.count)
        trendReading = framework.dataTrend?.reading(of: establishment, dataYear: dataYear, parameters: parameters)
    }

    func value(of ref: FactRef) -> Value {
        switch ref {
        case .establishment(let fact): return establishmentValue(fact)
        case .ofsted(let fact, let previous): return previous ? self.previous.value(fact) : latest.value(fact)
        case .ofstedEarlier(let fact, let back): return earlier(back).value(fact)
        case .reportCard(let area):
            guard let inspection = establishment.latestInspection, inspection.framework == .reportCard2025 else {
                return .missing(Absence(.notAReportCard))
            }
            return inspection.reportCard[area].map { .number(Double($0.rawValue)) } ?? .missing(.notRecorded)
        case .local(let fact): return localValue(fact)
        case .localOther(let name):
            return establishment.local.other[name] ?? .missing(.notRecorded)
        case .declared(let index, _): return declaredValue(framework.facts[index])
        case .declaredMonthsSince(let index):
            let value = declaredValue(framework.facts[index])
            guard case .text(let text) = value else { return value }
            guard let day = Day(text) else { return .missing(Absence(.notADeclaredValue(text))) }
            return .number(Double(day.wholeMonths(to: runDate)))
        case .measure(let id, let field): return measureValue(id, field)
        case .declaredMeasure(let index, let field): return declaredMeasureValue(framework.measures[index], field)
        case .measureField(let field):
            guard let record = currentRecord, currentMeasure != nil else { return .missing(Absence(.noRecordInScope)) }
            return Self.field(field, of: record)
        case .flag(let index): return flagLatest[safe: index] ?? .bool(false)
        case .trend(let index): return flagTrend[safe: index] ?? .bool(false)
        case .trendCount: return trendCount
        case .singleYearCount: return singleYearCount
        case .derived(let slot): return derived[slot]
        case .designation: return designation
        case .category: return category
        case .parameter(let index):
            guard let value = parameters[safe: index] ?? nil else { return .missing(Absence(.parameterNotSet(framework.parameters[index].id))) }
            return .number(value)
        }
    }

    /// The inspection `back` places before the latest one seen at the date of the run.
    private func earlier(_ back: Int) -> InspectionFacts {
        let inspections = establishment.inspections
        let index = latest.index.map { $0 - back }.flatMap { $0 >= 0 ? $0 : nil }
        let prior = index.flatMap { at in inspections[..<at].lastIndex { $0.framework == .graded } }
        return InspectionFacts(inspections: inspections, index: index, priorGradedIndex: prior,
                               reading: framework.inspectionReading, runDate: runDate, isPrevious: true)
    }

    private func establishmentValue(_ fact: EstablishmentFact) -> Value {
        let e = establishment
        switch fact {
        case .urn: return .text(e.urn)
        case .kind: return .text(e.kind.rawValue)
        case .maintained: return .bool(e.kind.isMaintained)
        case .academy: return .bool(e.kind.isAcademy)
        case .special: return .bool(e.kind.isSpecial)
        case .earlyYearsSetting: return .bool(e.kind.setting == .pvi || e.kind.setting == .childminder)
        case .setting: return .text(e.kind.setting.rawValue)
        case .phase: return e.phase.map { .text($0.rawValue) } ?? .missing(.notRecorded)
        case .pupils: return e.pupils.map { .number(Double($0)) } ?? .missing(.notRecorded)
        case .network: return e.network.map { .text($0) } ?? .missing(.notRecorded)
        case .monthsOpen: return e.opened.map { .number(Double($0.wholeMonths(to: runDate))) } ?? .missing(.notRecorded)
        case .providesForTwoYearOlds: return .bool(e.providesForTwoYearOlds ?? false)
        case .headteacherMonthsInPost:
            return e.headteacher?.startDate.map { .number(Double($0.wholeMonths(to: runDate))) } ?? .missing(.notRecorded)
        case .newHeadteacher:
            guard let start = e.headteacher?.startDate else { return .missing(.notRecorded) }
            let limit = newHeadteacherLimit
            return .bool(Double(start.wholeMonths(to: runDate)) < limit)
        case .firstHeadship:
            return e.headteacher?.firstHeadship.map { .bool($0) } ?? .missing(.notRecorded)
        case .religiousCharacter: return e.religiousCharacter.map { .text($0) } ?? .missing(.notRecorded)
        case .diocese: return e.diocese.map { .text($0) } ?? .missing(.notRecorded)
        case .churchSchool: return e.religiousCharacter.map { .bool(Self.isChurch($0)) } ?? .missing(.notRecorded)
        }
    }

    /// A church school is one whose religious character names a Christian church, as GIAS
    /// writes them ("Church of England", "Roman Catholic", "Methodist", "Church of
    /// England/Methodist", "Christian", …); "Does not apply", "None" and other faiths are not.
    static func isChurch(_ character: String) -> Bool {
        let text = character.lowercased()
        return ["church", "catholic", "methodist", "christian", "anglican", "quaker", "moravian", "united reformed", "baptist"]
            .contains { text.contains($0) }
    }

    private func localValue(_ fact: LocalFact) -> Value {
        let local = establishment.local
        func text(_ value: String?) -> Value { value.map { .text($0) } ?? .missing(.notRecorded) }
        // An exception the authority records only when it applies: absent means no.
        func exception(_ value: Bool?) -> Value { .bool(value ?? false) }
        switch fact {
        // An officer's recorded trend stands; otherwise the one worked out from the results.
        case .trend: return text(local.trend?.rawValue ?? trendReading?.trend.rawValue)
        case .risk: return text(local.risk?.rawValue)
        case .view: return text(local.view?.rawValue)
        case .sefValidatedGrade: return local.sefValidatedGrade.map { .number(Double($0)) } ?? .missing(.notRecorded)
        case .governanceRag: return text(local.governanceRag?.rawValue)
        case .vulnerability: return .text(local.vulnerability ?? "none")
        case .safeguardingConcern: return exception(local.safeguardingConcern)
        case .previousCategory: return text(local.previousCategory)
        case .improvementTrajectory: return exception(local.improvementTrajectory)
        case .selfIdentified: return exception(local.selfIdentified)
        case .optedOut: return exception(local.optedOut)
        case .capacityToImprove: return text(local.capacityToImprove?.rawValue)
        case .areaAtRisk: return exception(local.areaAtRisk)
        case .specificAspects: return .number(Double(local.specificAspects ?? 0))
        case .widerAspects: return exception(local.widerAspects)
        case .leadershipChange: return exception(local.leadershipChange)
        }
    }

    /// A declared fact as its declaration reads it: absent is not recorded, or the value it
    /// states; a value of another type, or outside its list, is not taken as anything.
    private func declaredValue(_ fact: DeclaredFact) -> Value {
        guard let recorded = establishment.local.other[fact.id] else { return fact.absentReadsAs ?? .missing(.notRecorded) }
        let wrong = Value.missing(Absence(.notADeclaredValue(recorded.description)))
        switch (fact.kind, recorded) {
        case (.yesNo, .bool): return recorded
        case (.yesNo, .text(let text)):
            switch text.lowercased() {
            case "yes", "true": return .bool(true)
            case "no", "false": return .bool(false)
            default: return wrong
            }
        case (.number, .number): return recorded
        case (.number, .text(let text)): return Double(text).map(Value.number) ?? wrong
        case (.oneOf, _):
            let text = recorded.number.map(Tree.format) ?? recorded.description
            return fact.values.contains(text) ? .text(text) : wrong
        case (.date, .text), (.text, .text): return recorded
        case (.text, .number): return .text(recorded.description)
        default: return wrong
        }
    }

    private func declaredMeasureValue(_ measure: DeclaredMeasure, _ field: MeasureField) -> Value {
        guard let year = dataYear else { return .missing(Absence(.noDataYear)) }
        guard let record = establishment.otherMeasures[measure.id]?.last(where: { $0.year == year }) else {
            return .missing(Absence(.declaredMeasureNotRecorded(measure.label, year: year)))
        }
        // `gap` is how far the school is behind the nation, whichever way is better.
        if field == .gap, !measure.higherIsBetter, case .number(let gap) = Self.field(.gap, of: record) { return .number(-gap) }
        return Self.field(field, of: record)
    }

    private func measureValue(_ id: MeasureID, _ field: MeasureField) -> Value {
        guard let year = dataYear else { return .missing(Absence(.noDataYear)) }
        guard let record = establishment.records(id).last(where: { $0.year == year }) else {
            return .missing(Absence(.measureNotRecorded(id, year: year)))
        }
        return Self.field(field, of: record)
    }

    static func field(_ field: MeasureField, of record: MeasureRecord) -> Value {
        if field == .year { return .number(Double(record.year)) }
        guard record.status == .published else { return .missing(Absence(.measureStatus(record.status, year: record.year))) }
        func number(_ value: Double?, _ name: String) -> Value {
            value.map { .number($0) } ?? .missing(Absence(.componentNotRecorded(name, year: record.year)))
        }
        // What the school's figure is judged against nationally: missing when no national
        // file or entry gave it, which the import and the pages say out loud.
        func national(_ value: Double?, _ name: String) -> Value {
            value.map { .number($0) } ?? .missing(Absence(.nationalNotRecorded(name, year: record.year)))
        }
        switch field {
        case .value: return number(record.value, "the value")
        case .national: return national(record.national, "the national figure")
        case .lower: return number(record.lower, "the lower confidence limit")
        case .upper: return number(record.upper, "the upper confidence limit")
        case .quintile: return national(record.quintile.map(Double.init), "the national quintile")
        case .gap:
            guard let value = record.value else { return number(nil, "the value") }
            guard let nationalFigure = record.national else { return national(nil, "the national figure") }
            return .number(nationalFigure - value)
        case .bottomQuintile:
            if let quintile = record.quintile { return .bool(quintile == 5) }
            if let threshold = record.bottomQuintileBelow, let value = record.value { return .bool(value < threshold) }
            return national(nil, "the national quintile or its threshold")
        case .significantlyNegative:
            // Significantly below zero: the whole 95% interval is below zero (DfE's definition).
            return record.upper.map { .bool($0 < 0) } ?? number(nil, "the upper confidence limit")
        case .year: return .number(Double(record.year))
        }
    }
}
