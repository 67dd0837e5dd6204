/// Reads one inspection into the facts rules use, through the framework's
/// `inspection_reading` for inspections without an overall grade. It refers to the
/// establishment's inspections by position rather than holding copies: on a national run
/// copying inspections for every evaluation costs more than reading them.
struct InspectionFacts {
    let inspections: [Inspection]
    let index: Int?
    /// The latest graded inspection before this one, for `previous_graded` readings.
    let priorGradedIndex: Int?
    let reading: InspectionReading
    let runDate: Day
    let isPrevious: Bool

    var inspection: Inspection? { index.map { inspections[$0] } }
    var priorGraded: Inspection? { priorGradedIndex.map { inspections[$0] } }

    private func missing(_ fact: OfstedFact, _ why: Absence.Why) -> Value {
        .missing(Absence(why))
    }

    private func notRecorded(_ fact: OfstedFact) -> Value {
        .missing(.notRecorded)
    }

    func value(_ fact: OfstedFact) -> Value {
        if fact == .inspected { return .bool(index != nil) }
        guard let index else { return missing(fact, isPrevious ? .noPreviousInspection : .neverInspected) }
        let inspection = inspections[index]
        if inspection.framework == .ungradedInspection, let standing = standingValue(fact, of: inspection) { return standing }
        switch fact {
        case .inspected: return .bool(true)
        case .framework: return .text(inspection.framework.rawValue)
        case .monthsSince: return .number(Double(inspection.date.wholeMonths(to: runDate)))
        case .overall: return overall(inspection)
        case .leadership: return leadership(inspection)
        case .qualityOfEducation: return judgement(inspection, .qualityOfEducation, fact)
        case .behaviourAndAttitudes: return judgement(inspection, .behaviourAndAttitudes, fact)
        case .personalDevelopment: return judgement(inspection, .personalDevelopment, fact)
        case .earlyYears: return judgement(inspection, .earlyYears, fact)
        case .sixthForm: return judgement(inspection, .sixthForm, fact)
        case .goodOrBetter:
            guard case .number(let grade) = overall(inspection) else { return overall(inspection) }
            return .bool(grade <= 2)
        case .satisfactory, .requiresImprovement:
            guard case .number(let grade) = overall(inspection) else { return overall(inspection) }
            // Only a graded 3 carries the era's name; a reading of a later inspection as 3 is RI.
            let satisfactory = grade == 3 && (inspection.framework == .graded || inspection.framework == .earlyYears) && inspection.isSatisfactoryEra
            return .bool(fact == .satisfactory ? satisfactory : (grade == 3 && !satisfactory))
        case .categoryOfConcern: return .text(inspection.categoryOfConcern.rawValue)
        case .safeguarding: return inspection.safeguarding.map { .text($0.rawValue) } ?? notRecorded(fact)
        case .earlyYearsRequirements:
            return inspection.earlyYearsRequirements.map { .text($0.rawValue) } ?? notRecorded(fact)
        case .ofPredecessor: return .bool(inspection.isOfPredecessor)
        }
    }

    /// An ungraded inspection leaves the school's grade and judgements as they were (Ofsted's
    /// ungraded inspections give an outcome, never a grade): they are read from the inspection
    /// before it, unless its outcome states the grade ("School remains Good"). Nil for the
    /// facts it has of its own: its date, framework and category of concern.
    private func standingValue(_ fact: OfstedFact, of inspection: Inspection) -> Value? {
        switch fact {
        case .inspected, .framework, .monthsSince, .categoryOfConcern, .ofPredecessor: return nil
        default: break
        }
        if let stated = inspection.overallEffectiveness {
            switch fact {
            case .overall: return .number(Double(stated))
            case .goodOrBetter: return .bool(stated <= 2)
            case .satisfactory: return .bool(false)
            case .requiresImprovement: return .bool(stated == 3)
            default: break
            }
        }
        guard let index, index > 0 else {
            return fact == .overall || fact == .goodOrBetter || fact == .satisfactory || fact == .requiresImprovement
                ? missing(fact, .noEarlierGraded) : notRecorded(fact)
        }
        let before = InspectionFacts(inspections: inspections, index: index - 1,
                                     priorGradedIndex: inspections[..<(index - 1)].lastIndex { $0.framework == .graded },
                                     reading: reading, runDate: runDate, isPrevious: isPrevious)
        return before.value(fact)
    }

    /// Judgements every 2024/25 inspection gives (early years and sixth form only where there are such pupils).
    static let coreKeyJudgements: [KeyJudgement] = [.qualityOfEducation, .behaviourAndAttitudes, .personalDevelopment, .leadershipAndManagement]
    /// Areas every report card grades (early years and sixth form only where there are such pupils).
    static let coreReportCardAreas: [ReportCardArea] = [
        .inclusion, .curriculumAndTeaching, .achievement, .attendanceAndBehaviour, .personalDevelopmentAndWellbeing, .leadershipAndGovernance,
    ]

    private func judgement(_ inspection: Inspection, _ key: KeyJudgement, _ fact: OfstedFact) -> Value {
        if let grade = inspection.keyJudgements[key] { return .number(Double(grade)) }
        if inspection.framework == .reportCard2025 { return missing(fact, .notGivenByReportCards(key)) }
        return notRecorded(fact)
    }

    private func overall(_ inspection: Inspection) -> Value {
        let fact = OfstedFact.overall
        // Ofsted places a school in a category of concern only when it is inadequate, so a
        // framework that reads an overall grade at all reads such an inspection as 4.
        let concern = inspection.categoryOfConcern != .none
        switch inspection.framework {
        case .graded:
            return inspection.overallEffectiveness.map { .number(Double($0)) } ?? notRecorded(fact)
        case .ungradedInspection:
            // Read through `standingValue`; reached only by a stated grade.
            return inspection.overallEffectiveness.map { .number(Double($0)) } ?? missing(fact, .noEarlierGraded)
        case .earlyYears:
            if let grade = inspection.overallEffectiveness { return .number(Double(grade)) }
            return missing(fact, .earlyYearsWithoutGrade(inspection.date, inspection.earlyYearsRequirements))
        case .ungraded2024:
            if concern && reading.ungradedOverall != .none { return .number(4) }
            switch reading.ungradedOverall {
            case .worstKeyJudgement:
                // The worst of the judgements every inspection gives; with one of them missing
                // the worst cannot be known.
                for core in Self.coreKeyJudgements where inspection.keyJudgements[core] == nil {
                    return missing(fact, .coreJudgementMissing(core.rawValue.replacing("_", with: " ")))
                }
                return .number(Double(inspection.keyJudgements.values.max()!))
            case .qualityOfEducation:
                return inspection.keyJudgements[.qualityOfEducation].map { .number(Double($0)) } ?? notRecorded(fact)
            case .previousGraded: return previousGraded(fact)
            case .none: return missing(fact, .noOverallGrade(inspection.date))
            }
        case .reportCard2025:
            if concern && reading.reportCardOverall != .none { return .number(4) }
            let base: Value
            switch reading.reportCardOverall {
            case .worstArea:
                for core in Self.coreReportCardAreas where inspection.reportCard[core] == nil {
                    return missing(fact, .coreJudgementMissing(core.rawValue.replacing("_", with: " ")))
                }
                base = .number(Double(inspection.reportCard.values.map { reading.scale[$0.rawValue - 1] }.max()!))
            case .leadershipAndGovernance:
                guard let grade = inspection.reportCard[.leadershipAndGovernance] else { return notRecorded(fact) }
                base = .number(Double(reading.scale[grade.rawValue - 1]))
            case .previousGraded: base = previousGraded(fact)
            case .none: return missing(fact, .noReportCardGrade(inspection.date))
            }
            if inspection.safeguarding == .notMet, let floor = reading.safeguardingNotMet, case .number(let grade) = base {
                return .number(max(grade, Double(floor)))
            }
            return base
        }
    }

    private func previousGraded(_ fact: OfstedFact) -> Value {
        guard let grade = priorGraded?.overallEffectiveness else {
            return missing(fact, .noEarlierGraded)
        }
        return .number(Double(grade))
    }

    private func leadership(_ inspection: Inspection) -> Value {
        switch inspection.framework {
        case .reportCard2025:
            guard let area = reading.reportCardLeadership else { return missing(.leadership, .leadershipNotRead) }
            guard let grade = inspection.reportCard[area] else { return notRecorded(.leadership) }
            return .number(Double(reading.scale[grade.rawValue - 1]))
        default:
            return inspection.keyJudgements[.leadershipAndManagement].map { .number(Double($0)) } ?? notRecorded(.leadership)
        }
    }
}
