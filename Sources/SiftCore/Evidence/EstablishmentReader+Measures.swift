extension EstablishmentReader {
    static let measureKeys: Set<String> = [
        "measure", "year", "value", "national", "lower", "upper", "quintile", "bottomQuintileBelow", "status",
    ]

    mutating func readMeasures() -> [[MeasureRecord]] {
        var slots = Array(repeating: [MeasureRecord](), count: MeasureID.allCases.count)
        guard let node = tree["measures"], !node.isNull else { return slots }
        guard let list = node.elements else { problem("measures", "expected a list, found \(node.kindName)", node); return slots }
        for (index, element) in list.enumerated() {
            let field = "measures[\(index)]"
            guard let members = element.members else { problem(field, "expected an object, found \(element.kindName)", element); continue }
            checkKeys(members, known: Self.measureKeys, prefix: field + ".")
            guard let measureNode = element["measure"], !measureNode.isNull else { problem(field + ".measure", "required, but missing", element); continue }
            guard let id: MeasureID = optionalEnum(measureNode, field + ".measure") else { continue }
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
                problem(field + ".value", "a published \(id.rawValue) for \(year) needs a value; if there is none, give status not_published, suppressed or no_cohort", element)
            }
            if record.status != .published && record.value != nil {
                problem(field + ".status", "status \(record.status.rawValue) contradicts the value given", element)
            }
            if let lower = record.lower, let upper = record.upper, lower > upper {
                problem(field + ".lower", "the lower confidence limit \(Tree.format(lower)) is above the upper \(Tree.format(upper))", element)
            }
            if slots[id.slot].contains(where: { $0.year == year }) {
                problem(field, "\(id.rawValue) for \(year) is given twice", element)
                continue
            }
            slots[id.slot].append(record)
        }
        for slot in slots.indices { slots[slot].sort { $0.year < $1.year } }
        return slots
    }
}
