/// Yearly data flags and the counts built from them (Coventry's designation, "How are data
/// designations (A to D) calculated?"). A year not published raises no flag.
extension DecisionEngine {
    func computeFlags(_ spec: FlagSpec, _ context: inout EvaluationContext) -> [FlagOutcome] {
        var outcomes: [FlagOutcome] = []
        outcomes.reserveCapacity(spec.items.count)
        var latest: [Value] = [], trend: [Value] = []
        latest.reserveCapacity(spec.items.count)
        trend.reserveCapacity(spec.items.count)
        for item in spec.items {
            let records = context.establishment.records(item.measure)
            func flagged(_ record: MeasureRecord) -> Value {
                context.currentRecord = record
                context.currentMeasure = item.measure
                defer { context.currentRecord = nil; context.currentMeasure = nil }
                return context.condition(item.when)
            }
            var outcome = FlagOutcome(id: item.id, measure: item.measure, year: context.dataYear)
            // The flag in the latest data year.
            let latestValue: Value
            if let year = context.dataYear, let record = records.last(where: { $0.year == year }) {
                if record.status == .published {
                    latestValue = flagged(record)
                } else {
                    latestValue = .bool(false)
                    outcome.status = record.status.rawValue
                }
            } else {
                latestValue = .bool(false)
                outcome.status = "not_recorded"
            }
            // The two years compared for "two years in a row", per the framework's reading.
            var newer: MeasureRecord?, older: MeasureRecord?
            switch spec.trendYears {
            case .consecutivePublished:
                // The data year itself, and the year before it, passing over only years
                // recorded as not published (DfE published no KS2 progress for 2020–2022).
                // A year absent from the evidence, suppressed or with no cohort breaks the run.
                if let year = context.dataYear, let index = records.lastIndex(where: { $0.year == year }), records[index].status == .published {
                    newer = records[index]
                    var expected = year - 1
                    for record in records[..<index].reversed() {
                        guard record.year == expected else { break }
                        if record.status == .published { older = record; break }
                        guard record.status == .notPublished else { break }
                        expected -= 1
                    }
                }
            case .consecutiveCalendar:
                if let year = context.dataYear {
                    newer = records.last { $0.year == year && $0.status == .published }
                    older = records.last { $0.year == year - 1 && $0.status == .published }
                }
            }
            let trendValue: Value
            if let newer, let older {
                let a = flagged(older), b = flagged(newer)
                if a == .bool(false) || b == .bool(false) { trendValue = .bool(false) }
                else if a.isMissing { trendValue = a }
                else if b.isMissing { trendValue = b }
                else { trendValue = .bool(true) }
            } else {
                trendValue = .bool(false)
            }
            if case .bool(let flag) = latestValue { outcome.latest = flag }
            if case .bool(let flag) = trendValue { outcome.trend = flag }
            // Why a flag could not be judged: checked without building a list, since this runs
            // for every flag of every establishment of a national run.
            if case .missing(let absence) = latestValue { note(absence, on: &outcome) }
            if case .missing(let absence) = trendValue { note(absence, on: &outcome) }
            latest.append(latestValue)
            trend.append(trendValue)
            outcomes.append(outcome)
        }
        context.flagLatest = latest
        context.flagTrend = trend
        // Counts over flags some of which could not be judged are bounds: each unknown flag
        // may be raised or not (docs/framework-format.md, "Unknown facts").
        context.trendCount = EvaluationContext.count(trend)
        // Single-year flags count once per group ("EYFS; Key Stage 1 or Phonics; or any of the
        // Key Stage 2 measures"): a group with a raised flag counts, one with none raised but
        // some unknown may or may not.
        context.singleYearCount = EvaluationContext.count(flagGroups.map { members in
            if members.contains(where: { latest[$0] == .bool(true) }) { return .bool(true) }
            return members.lazy.map { latest[$0] }.first(where: \.isMissing) ?? .bool(false)
        })
        return outcomes
    }

    private func note(_ absence: Absence, on outcome: inout FlagOutcome) {
        if outcome.unjudged == nil { outcome.unjudged = absence.reason }
        if outcome.nationalMissingYear == nil, case .nationalNotRecorded(_, let year) = absence.why { outcome.nationalMissingYear = year }
    }
}
