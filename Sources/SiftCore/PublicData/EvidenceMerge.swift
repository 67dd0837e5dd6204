/// Public data laid over an establishment's evidence (as stored, a tree in the evidence
/// format), keeping everything else in it: the authority's own evidence, other years'
/// measures, inspections from other sources.
public enum EvidenceMerge {
    /// GIAS's facts over the evidence, or new evidence when there is none: name, kind, phase,
    /// pupils, dates and local authority replaced; its inspection added unless the evidence
    /// already has one of that date.
    public static func gias(_ school: GIASEstablishment, onto evidence: Tree?) -> Tree {
        var members = evidence?.members ?? [Tree.Member(key: "urn", value: .string(school.urn))]
        members.set("name", .string(school.name))
        members.set("kind", .string(school.kind.rawValue))
        members.set("authority", school.laName.map(Tree.string))
        members.set("phase", school.phase.map { .string($0.rawValue) })
        members.set("pupils", school.pupils.map { .number(Double($0)) })
        members.set("opened", school.opened.map { .string($0.description) })
        members.set("closed", school.closed.map { .string($0.description) })
        members.set("religiousCharacter", school.religiousCharacter.map(Tree.string))
        members.set("diocese", school.diocese.map(Tree.string))
        if let inspection = school.inspection { members.addInspection(inspection) }
        return Tree(.object(members))
    }

    /// Ofsted's inspections over the evidence: each replaces any inspection of the same date
    /// (Ofsted's record is the fuller one), every other inspection is kept.
    public static func ofsted(_ school: OfstedSchoolInspections, onto evidence: Tree) -> Tree {
        var members = evidence.members ?? []
        let dates = Set(school.inspections.map(\.date))
        let kept = (members.first { $0.key == "inspections" }?.value.elements ?? []).filter { entry in
            !(entry["date"]?.text.flatMap(Day.init).map(dates.contains) ?? false)
        }
        members.set("inspections", .array(kept + school.inspections.map(tree)))
        return Tree(.object(members))
    }

    /// A year of a key stage's measures over the evidence: the entries of those measures for
    /// that year are replaced by the file's, every other entry kept.
    public static func measures(_ school: SchoolFigures, keyStage: KeyStage, year: Int, onto evidence: Tree) -> Tree {
        let replaced = Set(keyStage.columns.map(\.measure.rawValue))
        var members = evidence.members ?? []
        let kept = (members.first { $0.key == "measures" }?.value.elements ?? []).filter { entry in
            !(replaced.contains(entry["measure"]?.text ?? "") && entry["year"]?.text == String(year))
        }
        let added = keyStage.columns.compactMap { column in school.measures[column.measure].map { tree($0, column.measure) } }
        members.set("measures", .array(kept + added))
        return Tree(.object(members))
    }

    static func tree(_ record: MeasureRecord, _ measure: MeasureID) -> Tree {
        .object([
            ("measure", .string(measure.rawValue)), ("year", .number(Double(record.year))),
            ("status", record.status == .published ? nil : .string(record.status.rawValue)),
            ("value", record.value.map(Tree.number)), ("national", record.national.map(Tree.number)),
            ("lower", record.lower.map(Tree.number)), ("upper", record.upper.map(Tree.number)),
            ("quintile", record.quintile.map { .number(Double($0)) }),
            ("bottomQuintileBelow", record.bottomQuintileBelow.map(Tree.number)),
        ])
    }

    public static func tree(_ inspection: Inspection) -> Tree {
        var pairs: [(String, Tree?)] = [
            ("date", .string(inspection.date.description)), ("framework", .string(inspection.framework.rawValue)),
            ("type", inspection.type.map(Tree.string)),
            ("overallEffectiveness", inspection.overallEffectiveness.map { .number(Double($0)) }),
            ("categoryOfConcern", inspection.categoryOfConcern == .none ? nil : .string(inspection.categoryOfConcern.rawValue)),
            ("safeguarding", inspection.safeguarding.map { .string($0.rawValue) }),
        ]
        for (key, judgement) in EstablishmentReader.judgementKeys {
            pairs.append((key, inspection.keyJudgements[judgement].map { .number(Double($0)) }))
        }
        if !inspection.reportCard.isEmpty {
            pairs.append(("reportCard", .object(ReportCardArea.allCases.map { area in
                (area.evidenceKey, inspection.reportCard[area].map { .string($0.name) })
            })))
        }
        if !inspection.areaDates.isEmpty {
            pairs.append(("reportCardDates", .object(ReportCardArea.allCases.map { area in
                (area.evidenceKey, inspection.areaDates[area].map { .string($0.description) })
            })))
        }
        pairs.append(("outcome", inspection.outcome.map { .string($0.rawValue) }))
        pairs.append(("outcomeText", inspection.outcomeText.map(Tree.string)))
        pairs.append(("urnAtInspection", inspection.urnAtInspection.map(Tree.string)))
        return .object(pairs)
    }
}

extension EvidenceMerge {
    /// National quintiles laid over stored evidence: each published entry of the measure and
    /// year with a value gets its quintile and threshold; every other entry is kept as it is.
    public static func quintiles(_ cuts: QuintileCuts, measure: MeasureID, year: Int, onto evidence: Tree) -> Tree {
        guard var members = evidence.members, let index = members.firstIndex(where: { $0.key == "measures" }),
              let entries = members[index].value.elements else { return evidence }
        let placed = entries.map { entry -> Tree in
            guard entry["measure"]?.text == measure.rawValue, entry["year"]?.number == Double(year),
                  entry["status"] == nil || entry["status"]?.text == MeasureStatus.published.rawValue,
                  let value = entry["value"]?.number, var fields = entry.members else { return entry }
            fields.removeAll { $0.key == "quintile" || $0.key == "bottomQuintileBelow" }
            fields.append(.init(key: "quintile", value: .number(Double(cuts.quintile(of: value)))))
            fields.append(.init(key: "bottomQuintileBelow", value: .number(cuts.q4From)))
            return Tree(.object(fields))
        }
        members[index] = .init(key: "measures", value: .array(placed))
        return Tree(.object(members))
    }
}
