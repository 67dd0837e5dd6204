/// Generates fictional but plausible evidence at any scale, in the evidence file format:
/// for benchmarks, demonstrations and load tests. The same seed gives the same file.
public struct SyntheticEvidence {
    public var count: Int
    public var seed: UInt64
    /// The latest academic year of results (five years are generated, ending here).
    public var latestYear: Int

    public init(count: Int, seed: UInt64 = 1, latestYear: Int = 2025) {
        self.count = count
        self.seed = seed
        self.latestYear = latestYear
    }

    public func tree() -> Tree {
        var random = SeededGenerator(seed: seed)
        var list: [Tree] = []
        list.reserveCapacity(count)
        for index in 0..<count { list.append(establishment(index, &random)) }
        return .object([("establishments", .array(list))])
    }

    static let kinds: [(EstablishmentKind, Int)] = [
        (.community, 330), (.voluntaryAided, 110), (.voluntaryControlled, 80), (.foundation, 40), (.communitySpecial, 15),
        (.academyConverter, 200), (.academySponsorLed, 80), (.freeSchool, 30), (.academySpecial, 15), (.pupilReferralUnit, 5),
        (.pviNursery, 60), (.childminder, 25), (.outOfHoursSchoolRegistered, 5), (.outOfHoursChildcareRegistered, 5),
    ]

    func establishment(_ index: Int, _ random: inout SeededGenerator) -> Tree {
        let kind = random.pick(Self.kinds)
        let isSchool = kind.setting == .school
        let phase: Phase = isSchool ? random.pick([(.primary, 75), (.secondary, 22), (.allThrough, 3)]) : .nursery
        let grade = random.pick([(1, 15), (2, 64), (3, 16), (4, 5)])
        var fields: [(String, Tree?)] = [
            ("urn", .string(String(100_000 + index))),
            ("name", .string(Self.name(index, kind: kind, phase: phase))),
            ("authority", .string("Synthetic")),
            ("kind", .string(kind.rawValue)),
            ("phase", .string(phase.rawValue)),
            ("pupils", .number(Double(phase == .secondary ? Int.random(in: 500...1600, using: &random) : Int.random(in: 20...630, using: &random)))),
            ("network", .string("Network \(index % 24 + 1)")),
            ("headteacher", .object([
                ("startDate", .string("\(Int.random(in: 2008...latestYear, using: &random))-09-01")),
                ("firstHeadship", .bool(random.chance(0.3))),
            ])),
            ("inspections", .array(inspections(grade: grade, kind: kind, &random))),
            ("local", local(grade: grade, &random)),
        ]
        if isSchool {
            fields.append(("measures", .array(measures(phase: phase, grade: grade, &random))))
        } else {
            fields.append(("opened", .string("\(Int.random(in: 1995...latestYear, using: &random))-0\(Int.random(in: 1...9, using: &random))-01")))
        }
        return .object(fields)
    }

    private func inspections(grade: Int, kind: EstablishmentKind, _ random: inout SeededGenerator) -> [Tree] {
        if kind.setting != .school {
            if random.chance(0.1) {
                return [.object([("date", .string("\(latestYear - 2)-05-12")), ("framework", .string("early_years")), ("earlyYearsRequirements", .string("met"))])]
            }
            return [.object([("date", .string("\(latestYear - Int.random(in: 1...4, using: &random))-03-1\(Int.random(in: 0...9, using: &random))")),
                             ("framework", .string("early_years")), ("overallEffectiveness", .number(Double(grade))),
                             ("leadershipAndManagement", .number(Double(grade)))])]
        }
        let previous = random.pick([(1, 15), (2, 60), (3, 20), (4, 5)])
        var list: [Tree] = [graded(year: 2015 + Int.random(in: 0...2, using: &random), grade: previous, &random)]
        switch Int.random(in: 0..<20, using: &random) {
        case 0: // a 2024/25 ungraded inspection
            let worst = grade
            list.append(.object([
                ("date", .string("2025-0\(Int.random(in: 1...6, using: &random))-15")), ("framework", .string("ungraded_2024")),
                ("qualityOfEducation", .number(Double(worst))), ("behaviourAndAttitudes", .number(Double(max(1, worst - 1)))),
                ("personalDevelopment", .number(2)), ("leadershipAndManagement", .number(Double(worst))),
                ("categoryOfConcern", grade == 4 ? .string("serious_weaknesses") : nil),
            ]))
        case 1: // a renewed-framework report card
            let area = ["exceptional", "strong_standard", "expected_standard", "needs_attention", "urgent_improvement"][min(4, grade)]
            list.append(.object([
                ("date", .string("2026-0\(Int.random(in: 1...3, using: &random))-10")), ("framework", .string("report_card_2025")),
                ("safeguarding", .string(grade == 4 ? "not_met" : "met")),
                ("reportCard", .object([
                    ("inclusion", .string("expected_standard")), ("curriculumAndTeaching", .string(area)),
                    ("achievement", .string(area)), ("attendanceAndBehaviour", .string("strong_standard")),
                    ("personalDevelopmentAndWellbeing", .string("expected_standard")), ("leadershipAndGovernance", .string(area)),
                ])),
            ]))
        default:
            list.append(graded(year: 2019 + Int.random(in: 0...5, using: &random) - (Int.random(in: 0...1, using: &random)), grade: grade, &random))
        }
        return list
    }

    private func graded(year: Int, grade: Int, _ random: inout SeededGenerator) -> Tree {
        let capped = min(year, 2024)
        let month = capped == 2024 ? Int.random(in: 1...7, using: &random) : Int.random(in: 1...12, using: &random)
        let leadership = max(1, min(4, grade + random.pick([(-1, 15), (0, 75), (1, 10)])))
        let concern: Tree? = grade == 4 ? .string(random.chance(0.5) ? "special_measures" : "serious_weaknesses") : nil
        return .object([
            ("date", .string("\(capped)-\(month < 10 ? "0" : "")\(month)-1\(Int.random(in: 0...9, using: &random))")),
            ("framework", .string("graded")), ("overallEffectiveness", .number(Double(grade))),
            ("leadershipAndManagement", .number(Double(leadership))), ("qualityOfEducation", .number(Double(grade))),
            ("categoryOfConcern", concern), ("safeguarding", .string(grade == 4 && random.chance(0.3) ? "not_effective" : "effective")),
        ])
    }

    private func measures(phase: Phase, grade: Int, _ random: inout SeededGenerator) -> [Tree] {
        var list: [Tree] = []
        let weakness = Double(grade - 2) * 6
        for year in (latestYear - 4)...latestYear {
            // KS2 progress was not published for the years after COVID (2020–2022).
            let progressPublished = year >= 2023 || year <= 2019
            func percent(_ measure: MeasureID, national: Double) {
                let value = min(100, max(0, random.tenth((national - 25 - weakness)...(national + 18 - weakness))))
                let quintile = value < national - 12 ? 5 : value < national - 5 ? 4 : value < national + 2 ? 3 : value < national + 8 ? 2 : 1
                list.append(.object([("measure", .string(measure.rawValue)), ("year", .number(Double(year))),
                                     ("value", .number(value)), ("national", .number(national)), ("quintile", .number(Double(quintile)))]))
            }
            func progress(_ measure: MeasureID, centre: Double, width: Double) {
                guard progressPublished else {
                    list.append(.object([("measure", .string(measure.rawValue)), ("year", .number(Double(year))), ("status", .string("not_published"))]))
                    return
                }
                let value = random.tenth((centre - 4)...(centre + 3))
                list.append(.object([("measure", .string(measure.rawValue)), ("year", .number(Double(year))), ("value", .number(value)),
                                     ("lower", .number(((value - width) * 10).rounded() / 10)), ("upper", .number(((value + width) * 10).rounded() / 10)),
                                     ("national", .number(0))]))
            }
            if phase == .secondary {
                let value = ((Double.random(in: -1.0...0.8, using: &random) - weakness / 12) * 100).rounded() / 100
                list.append(.object([("measure", .string("progress8")), ("year", .number(Double(year))), ("value", .number(value)),
                                     ("lower", .number(((value - 0.25) * 100).rounded() / 100)), ("upper", .number(((value + 0.25) * 100).rounded() / 100)),
                                     ("national", .number(0))]))
                list.append(.object([("measure", .string("attainment8")), ("year", .number(Double(year))),
                                     ("value", .number(random.tenth(30...60))), ("national", .number(46.4))]))
            } else {
                percent(.eyfsGLD, national: 65.2)
                percent(.phonicsCumulative, national: 87)
                percent(.ks1RWM, national: 56)
                percent(.ks2RWMExpected, national: 60)
                progress(.ks2ReadingProgress, centre: -weakness / 6, width: 2.2)
                progress(.ks2WritingProgress, centre: -weakness / 6, width: 2.1)
                progress(.ks2MathsProgress, centre: -weakness / 6, width: 2.0)
            }
        }
        return list
    }

    private func local(grade: Int, _ random: inout SeededGenerator) -> Tree {
        let trend = random.pick([("improving", 25), ("consistent", 40), ("inconsistent", 12), ("small_decline", 12), ("declining", 6), ("sharp_decline", 5)])
        let risk = grade >= 3 ? random.pick([("at_risk", 40), ("high_risk", 40), ("risk_of_category", 20)])
            : random.pick([("none", 70), ("some_concern", 15), ("at_risk", 10), ("high_risk", 5)])
        let view = ["outstanding", "securely_good", "requires_improvement", "inadequate"][grade - 1]
        return .object([
            ("trend", .string(trend)), ("risk", .string(risk)), ("view", .string(view)),
            ("sefValidatedGrade", .number(Double(max(1, grade - (random.chance(0.2) ? 1 : 0))))),
            ("governanceRag", .string(grade == 1 ? "green" : grade == 2 ? random.pick([("green", 80), ("amber", 20)]) : grade == 3 ? "amber" : "red")),
            ("capacityToImprove", .string(grade <= 2 ? random.pick([("strong", 40), ("good", 60)]) : random.pick([("sufficient", 50), ("limited", 35), ("insufficient", 15)]))),
            ("vulnerability", random.chance(0.04) ? .string("financial") : nil),
            ("areaAtRisk", random.chance(0.08) ? .bool(true) : nil),
            ("specificAspects", random.chance(0.15) ? .number(Double(Int.random(in: 1...3, using: &random))) : nil),
            ("selfIdentified", random.chance(0.03) ? .bool(true) : nil),
            ("leadershipChange", random.chance(0.05) ? .bool(true) : nil),
            // Named facts the bundled frameworks read from `la.other` (Wolverhampton's
            // governance action plan and early-years business measures).
            ("other", .object([
                ("occupancy_percent", .number(Double(Int.random(in: 40...100, using: &random)))),
                ("governance_action_plan", .bool(random.chance(0.8))),
                ("funded_places", .bool(random.chance(0.9))),
                ("sustainability_plan", .bool(random.chance(0.85))),
                ("premises_concerns", .bool(random.chance(0.05))),
                ("staff_turnover_concerns", .bool(random.chance(0.1))),
                ("terms_and_conditions_concerns", .bool(random.chance(0.05))),
            ])),
        ])
    }

    /// "Abbey Lane Primary School": a place, a street and what it is; unique for the first
    /// 768 establishments, then numbered.
    static func name(_ index: Int, kind: EstablishmentKind, phase: Phase) -> String {
        let label: String
        switch kind.setting {
        case .pvi: label = "Day Nursery"
        case .childminder: label = "Childminding"
        case .outOfHours: label = "Out of School Club"
        case .school:
            if kind.isSpecial { label = "School" }
            else if phase == .secondary { label = kind.isAcademy ? "Academy" : "High School" }
            else if kind == .voluntaryAided || kind == .voluntaryControlled { label = "Church of England Primary School" }
            else { label = kind.isAcademy ? "Primary Academy" : "Primary School" }
        }
        let base = "\(names[index % names.count]) \(streets[(index / names.count) % streets.count]) \(label)"
        let round = index / (names.count * streets.count)
        return round == 0 ? base : "\(base) \(round + 1)"
    }

    static let streets = [
        "Lane", "Road", "Hill", "Green", "Park", "Vale", "Court", "Street", "Way", "Fields", "Gate", "Rise",
        "Meadow", "Bridge", "End", "Cross", "Common", "Row", "Wood", "Brook", "Dale", "View", "Moor", "Mount",
    ]

    static let names = [
        "Abbey", "Beech", "Brook", "Castle", "Cedar", "Chestnut", "Church", "Elm", "Fairfield", "Fern", "Field", "Glebe",
        "Grange", "Hazel", "Heath", "Highfield", "Holly", "Lark", "Linden", "Manor", "Meadow", "Mill", "Oak", "Orchard",
        "Park", "Priory", "Ridge", "Rowan", "St Mary's", "Valley", "Willow", "Woodland",
    ]
}
