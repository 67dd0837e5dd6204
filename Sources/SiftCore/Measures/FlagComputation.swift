/// Yearly data flags and the counts built from them (Coventry's designation, "How are data
/// designations (A to D) calculated?"). A year not published raises no flag.
extension DecisionEngine {
    func computeFlags(_ spec: FlagSpec, _ context: inout EvaluationContext) -> [FlagOutcome] {
        var outcomes: [FlagOutcome] = []
        var latest: [Value] = [], trend: [Value] = []
        for item in spec.items {
            let records = context.establishment.records(item.measure)
            let limit = context.dataYear ?? Int.max
            let published = records.filter { $0.status == .published && $0.year <= limit }
            var note: String?
            func flagged(_ record: MeasureRecord) -> Value {
                context.currentRecord = record
                context.currentMeasure = item.measure
                defer { context.currentRecord = nil; context.currentMeasure = nil }
                return context.evaluate(item.when)
            }
            // The flag in the latest data year.
            let latestValue: Value
            if let year = context.dataYear, let record = records.last(where: { $0.year == year }) {
                if record.status == .published {
                    latestValue = flagged(record)
                } else {
                    latestValue = .bool(false)
                    note = "\(item.measure.rawValue) \(record.status.rawValue.replacing("_", with: " ")) for \(year): no flag"
                }
            } else {
                latestValue = .bool(false)
                note = "\(item.measure.rawValue) not recorded for \(context.dataYear.map(String.init) ?? "any year"): no flag"
            }
            // Two years in a row, per the framework's reading of "in a row".
            let pair: [MeasureRecord]
            switch spec.trendYears {
            case .consecutivePublished:
                pair = Array(published.suffix(2))
            case .consecutiveCalendar:
                if let year = context.dataYear,
                   let last = published.last(where: { $0.year == year }), let before = published.last(where: { $0.year == year - 1 }) {
                    pair = [before, last]
                } else {
                    pair = []
                }
            }
            let trendValue: Value
            if pair.count == 2 {
                let a = flagged(pair[0]), b = flagged(pair[1])
                if a == .bool(false) || b == .bool(false) { trendValue = .bool(false) }
                else if a.isMissing { trendValue = a }
                else if b.isMissing { trendValue = b }
                else { trendValue = .bool(true) }
            } else {
                trendValue = .bool(false)
            }
            latest.append(latestValue)
            trend.append(trendValue)
            outcomes.append(FlagOutcome(id: item.id, measure: item.measure.rawValue, latest: latestValue.description,
                                        trend: trendValue.description, note: note))
        }
        context.flagLatest = latest
        context.flagTrend = trend
        context.trendCount = Self.count(trend)
        // Single-year flags count once per group ("EYFS; Key Stage 1 or Phonics; or any of the Key Stage 2 measures").
        var groupValues: [Value] = []
        for group in spec.groups.indices {
            let members = spec.items.indices.filter { spec.items[$0].group == group }.map { latest[$0] }
            if members.contains(.bool(true)) { groupValues.append(.bool(true)) }
            else if let unknown = members.first(where: \.isMissing) { groupValues.append(unknown) }
            else { groupValues.append(.bool(false)) }
        }
        context.singleYearCount = Self.count(groupValues)
        return outcomes
    }

    private static func count(_ values: [Value]) -> Value {
        var count = 0
        for value in values {
            switch value {
            case .bool(true): count += 1
            case .bool(false): continue
            default: return value
            }
        }
        return .number(Double(count))
    }
}
