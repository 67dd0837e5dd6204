extension EstablishmentReader {
    static let measureKeys: Set<String> = [
        "measure", "year", "value", "national", "lower", "upper", "quintile", "bottomQuintileBelow", "status",
    ]

    mutating func readMeasures() -> [[MeasureRecord]] {
        var slots = Array(repeating: [MeasureRecord](), count: MeasureID.allCases.count)
        for (field, element, name, record) in readMeasureRecords("measures") {
            guard let id = MeasureID(rawValue: name) else {
                let allowed = MeasureID.allCases.map(\.rawValue).joined(separator: ", ")
                problem(field + ".measure", "'\(name)' is not one of: \(allowed); a measure the framework declares for itself goes under otherMeasures", element["measure"])
                continue
            }
            if slots[id.slot].contains(where: { $0.year == record.year }) {
                problem(field, "\(id.rawValue) for \(record.year) is given twice", element)
                continue
            }
            slots[id.slot].append(record)
        }
        for slot in slots.indices { slots[slot].sort { $0.year < $1.year } }
        return slots
    }

    /// Measures a framework declares for itself (framework-format.md, "measures"): any name,
    /// checked against the framework's declarations when it is used, not here.
    mutating func readOtherMeasures() -> [String: [MeasureRecord]] {
        var measures: [String: [MeasureRecord]] = [:]
        for (field, element, name, record) in readMeasureRecords("otherMeasures") {
            if MeasureID(rawValue: name) != nil {
                problem(field + ".measure", "\(name) is a DfE measure: give it under measures", element)
                continue
            }
            if measures[name, default: []].contains(where: { $0.year == record.year }) {
                problem(field, "\(name) for \(record.year) is given twice", element)
                continue
            }
            measures[name, default: []].append(record)
        }
        for name in measures.keys { measures[name]!.sort { $0.year < $1.year } }
        return measures
    }

    /// Each well-formed yearly record of a list of measures, with where it is and its name.
    private mutating func readMeasureRecords(_ key: String) -> [(String, Tree, String, MeasureRecord)] {
        guard let node = tree[key], !node.isNull else { return [] }
        guard let list = node.elements else { problem(key, "expected a list, found \(node.kindName)", node); return [] }
        var records: [(String, Tree, String, MeasureRecord)] = []
        for (index, element) in list.enumerated() {
            let field = "\(key)[\(index)]"
            guard let members = element.members else { problem(field, "expected an object, found \(element.kindName)", element); continue }
            checkKeys(members, known: Self.measureKeys, prefix: field + ".")
            guard let measureNode = element["measure"], !measureNode.isNull else { problem(field + ".measure", "required, but missing", element); continue }
            guard let name = optionalText(measureNode, field + ".measure") else { continue }
            guard let year = optionalInteger(element["year"], field + ".year", range: 2000...2100) else {
                if element["year"]?.isNull ?? true { problem(field + ".year", "required, but missing", element) }
                continue
            }
            var record = MeasureRecord(year: year)
            record.value = optionalNumber(element["value"], field + ".value")
            record.national = optionalNumber(element["national"], field + ".national")
            record.lower = optionalNumber(element["lower"], field + ".lower")
            record.upper = optionalNumber(element["upper"], field + ".upper")
            record.quintile = optionalInteger(element["quintile"], field + ".quintile", range: 1...5)
            record.bottomQuintileBelow = optionalNumber(element["bottomQuintileBelow"], field + ".bottomQuintileBelow")
            let status: MeasureStatus? = optionalEnum(element["status"], field + ".status")
            record.status = status ?? .published
            if record.status == .published && record.value == nil {
                problem(field + ".value", "a published \(name) for \(year) needs a value; if there is none, give status not_published, suppressed or no_cohort", element)
            }
            if record.status != .published && record.value != nil {
                problem(field + ".status", "status \(record.status.rawValue) contradicts the value given", element)
            }
            if let lower = record.lower, let upper = record.upper, lower > upper {
                problem(field + ".lower", "the lower confidence limit \(Tree.format(lower)) is above the upper \(Tree.format(upper))", element)
            }
            records.append((field, element, name, record))
        }
        return records
    }
}
