import SiftCore
import Testing

@Suite("Funding for a year and per network")
struct FundingYearTests {
    /// 2023/24: 1 September 2023 to 31 August 2024, 366 days (29 February 2024).
    let year = AcademicYear(2024)

    /// Coventry with the rate and weights an authority might set (the seed leaves the figures open).
    func coventry() throws -> DecisionEngine {
        DecisionEngine(framework: try bundled("coventry-2023"), overrides: [
            "network_rate_per_pupil": 10, "weight_category_1": 4, "weight_category_2": 3, "weight_category_4": 1,
            "weight_designation_D": 1,
        ])
    }

    func school(_ urn: String, pupils: Int?, network: String?, name: String? = nil) throws -> Establishment {
        var school = try establishment(#"{"urn":"\#(urn)","name":"School \#(urn)","kind":"community","phase":"primary"}"#)
        school.pupils = pupils
        school.network = network
        if let name { school.name = name }
        return school
    }

    @Test("academic years are named by the year they end, run 1 September to 31 August and count their days")
    func academicYears() {
        #expect(year.description == "2023/24")
        #expect(year.start == Day(year: 2023, month: 9, day: 1))
        #expect(year.days == 366)
        #expect(AcademicYear(2023).days == 365)
        #expect(AcademicYear(containing: Day(year: 2023, month: 9, day: 1)!) == year)
        #expect(AcademicYear(containing: Day(year: 2023, month: 8, day: 31)!) == AcademicYear(2023))
    }

    /// Warwickshire's Appendix F: a consortium of 20 schools, 5 in 1, 5 in 2A, 5 in 2B, 3 in 3A,
    /// 2 in 3B, 0 in 4; "5 schools multiplied by 'x' amount per number of pupils in the school".
    @Test("Warwickshire's consortium example: 5 of 20 schools trigger, the total is their pupils × x")
    func warwickshireConsortium() throws {
        let engine = DecisionEngine(framework: try bundled("warwickshire-2013"), overrides: ["consortium_rate_per_pupil": 50])
        let year = AcademicYear(2014)
        let plan: [(category: String, count: Int)] = [("1", 5), ("2A", 5), ("2B", 5), ("3A", 3), ("3B", 2), ("4", 0)]
        var funded: [EstablishmentFunding] = []
        for (category, count) in plan {
            for _ in 0..<count {
                let urn = funded.count + 1
                let member = try school(String(urn), pupils: 150 + 10 * urn, network: "Consortium A")
                let funding = try FundingYear(year: year, periods: [CategoryPeriod(from: year.start, category: category)],
                                              proration: .wholeYearAtStart) { period in
                    engine.categorise(member, runDate: year.start, supportFor: period.category).funding
                }
                funded.append(EstablishmentFunding(urn: member.urn, name: member.name, network: member.network,
                                                   pupils: member.pupils, funding: funding))
            }
        }

        let totals = FundingTotals(funded)

        #expect(totals.networks.map(\.scope) == [.network("Consortium A")])
        let consortium = try #require(totals.networks.first?.rules.first)
        #expect(consortium.id == "consortium")
        #expect(consortium.establishments == 20)
        #expect(consortium.triggered == 5)
        // Schools 16 to 20 (3A, 3B) have 310 + 320 + 330 + 340 + 350 = 1,650 pupils; × 50 = 82,500.
        #expect(consortium.pupils == 1_650)
        #expect(consortium.amount == 82_500)
        #expect(consortium.notWorkedOut.isEmpty)
        #expect(totals.authority.amount == 82_500)
        #expect(totals.authority.complete)
    }

    /// Coventry's 'Is categorisation fixed?': categories can change part way through the year.
    /// 183 pupils × £10: category 4 (weight 1) is £1,830 a year, £5 a day over 366 days;
    /// category 1 (weight 4) is £7,320, £20 a day. 4 from 1 September to 14 January is
    /// 30 + 31 + 30 + 31 + 14 = 136 days, 1 from 15 January to 31 August is 230 days:
    /// 136 × 5 + 230 × 20 = 680 + 4,600 = £5,280.
    @Test("a school moving from category 4 to 1 mid-year is funded pro rata by days")
    func coventryMidYearChange() throws {
        let engine = try coventry()
        let moving = try school("1", pupils: 183, network: "North")
        let periods = [
            // Decided in July, so in force on 1 September.
            CategoryPeriod(from: Day(year: 2023, month: 7, day: 10)!, category: "4", designation: "D"),
            CategoryPeriod(from: Day(year: 2024, month: 1, day: 15)!, category: "1", designation: "D"),
            // Next year's category: not this year's funding.
            CategoryPeriod(from: Day(year: 2024, month: 9, day: 1)!, category: "2", designation: "D"),
        ]

        let byDays = try engine.fundingYear(for: moving, in: year, periods: periods)
        let atStart = try engine.fundingYear(for: moving, in: year, periods: periods, proration: .wholeYearAtStart)

        #expect(byDays.funding.periods.map(\.days) == [136, 230])
        #expect(byDays.funding.periods.first?.period.from == year.start)
        #expect(byDays.funding.periods.last?.to == year.end)
        let total = try #require(byDays.funding.total)
        #expect(abs(total - 5_280) < 0.001)
        #expect(atStart.funding.total == 1_830)
    }

    @Test("a school that moves network on 1 December is funded in each for its days there; the parts add up to the year")
    func movesNetwork() throws {
        let engine = try coventry()
        let moving = try school("1", pupils: 183, network: "North")
        let periods = [CategoryPeriod(from: Day(year: 2023, month: 7, day: 10)!, category: "4", designation: "D"),
                       CategoryPeriod(from: Day(year: 2024, month: 1, day: 15)!, category: "1", designation: "D")]
        let move = Day(year: 2023, month: 12, day: 1)!
        let whole = try #require(try engine.fundingYear(for: moving, in: year, periods: periods).funding.total)
        let parts = try [(year.start, move.previous), (move, year.end)].map { part in
            try engine.fundingYear(for: moving, in: year, periods: periods, part: (from: part.0, to: part.1)).funding
        }
        #expect(parts.map { $0.periods.map(\.days) } == [[91], [45, 230]])
        #expect(abs(parts.compactMap(\.total).reduce(0, +) - whole) < 0.001)
        // Counted once a year, at 1 September: only the part holding it brings anything.
        let atStart = try [(year.start, move.previous), (move, year.end)].map { part in
            try engine.fundingYear(for: moving, in: year, periods: periods, proration: .wholeYearAtStart, part: (from: part.0, to: part.1)).funding.total
        }
        #expect(atStart == [1_830, 0])
    }

    @Test("a school that closes is funded to the day before it closes, and not at all if it closed by 1 September")
    func closedDuringTheYear() throws {
        let engine = try coventry()
        var closing = try school("1", pupils: 183, network: "North")
        let periods = [CategoryPeriod(from: year.start, category: "4", designation: "D"),
                       CategoryPeriod(from: Day(year: 2024, month: 3, day: 1)!, category: "1", designation: "D")]
        let open = try engine.fundingYear(for: closing, in: year, periods: periods)
        closing.closed = Day(year: 2024, month: 1, day: 15)
        let closed = try engine.fundingYear(for: closing, in: year, periods: periods)
        // 1 September to 14 January in category 4; the change after it closed never applies.
        #expect(closed.funding.periods.map(\.days) == [136] && closed.funding.periods.last?.to == Day(year: 2024, month: 1, day: 14))
        #expect(try #require(closed.funding.total) < (try #require(open.funding.total)))
        closing.closed = year.start
        #expect(try engine.fundingYear(for: closing, in: year, periods: periods).funding.total == 0)
    }

    @Test("a network adds its schools, and one with no pupils recorded is not worked out rather than zero")
    func coventryNetworkTotal() throws {
        let engine = try coventry()
        let wholeYear = [CategoryPeriod(from: year.start, category: "2", designation: "D")]
        let funded = [
            try engine.fundingYear(for: try school("1", pupils: 183, network: "North"), in: year, periods: [
                CategoryPeriod(from: year.start, category: "4", designation: "D"),
                CategoryPeriod(from: Day(year: 2024, month: 1, day: 15)!, category: "1", designation: "D"),
            ]),
            // 100 pupils × £10 × weight 3 = £3,000.
            try engine.fundingYear(for: try school("2", pupils: 100, network: "North"), in: year, periods: wholeYear),
            try engine.fundingYear(for: try school("3", pupils: nil, network: "North"), in: year, periods: wholeYear),
            // 50 × £10 × 3 = £1,500, in no network.
            try engine.fundingYear(for: try school("4", pupils: 50, network: nil), in: year, periods: wholeYear),
        ]

        let totals = FundingTotals(funded)

        #expect(funded[2].funding.total == nil)
        #expect(funded[2].funding.lines.first?.notWorkedOut == ["2 from 2023-09-01: pupils on roll are not recorded"])
        #expect(totals.networks.map(\.scope) == [.network("North"), .noNetwork])
        let north = try #require(totals.networks.first)
        #expect(north.establishments == 3)
        #expect(north.pupils == 283)
        #expect(north.withoutPupils == 1)
        #expect(abs(north.amount - 8_280) < 0.001)
        #expect(!north.complete)
        let rule = try #require(north.rules.first)
        #expect(rule.pupils == 283)
        #expect(rule.triggered == nil)
        #expect(rule.notWorkedOut.map(\.urn) == ["3"])
        #expect(abs(totals.authority.amount - 9_780) < 0.001)
    }

    @Test("the framework file says how a change during the year is funded: Coventry by days, Warwickshire from 1 September")
    func prorationFromFile() throws {
        #expect(try bundled("coventry-2023").fundingProration == .days)
        #expect(try bundled("warwickshire-2013").fundingProration == .wholeYearAtStart)
        #expect(try FrameworkLoader.load(yaml: frameworkYAML(tables: Self.oneTable), file: "test.yaml").fundingProration == .days)
        let found = issues(frameworkYAML(tables: Self.oneTable, extra: "funding_proration: monthly"))
        #expect(found.contains { $0.contains("funding_proration 'monthly' is not days or whole_year_at_start") })
    }

    @Test("funding rates and weights change only funding; a threshold the engine reads does not")
    func fundingOnlyParameters() throws {
        let coventry = try bundled("coventry-2023")
        #expect(coventry.fundingOnlyParameters == Set(coventry.parameters.map(\.id)).subtracting(["new_headteacher_months"]))
        #expect(try bundled("warwickshire-2013").fundingOnlyParameters == ["consortium_rate_per_pupil"])
        #expect(try bundled("hackney-2023").fundingOnlyParameters.isEmpty)
    }

    static let oneTable = """
      - id: category
        sets: category
        rows:
          - { id: r1, when: "ofsted.overall >= 3", then: "1" }
        otherwise: { then: "2" }
    """

    @Test("a year with no category on 1 September is refused")
    func noCategoryAtStart() throws {
        let late = [CategoryPeriod(from: Day(year: 2023, month: 10, day: 1)!, category: "1", designation: "D")]
        #expect(throws: FundingYearError.noCategoryAtStart(year)) {
            try self.coventry().fundingYear(for: try self.school("1", pupils: 10, network: nil), in: self.year, periods: late)
        }
    }

    @Test("funding CSV cells are defused: a school name starting with = cannot run as a formula")
    func csvEscaping() throws {
        let engine = try coventry()
        let name = "=HYPERLINK(\"http://x\")"
        let funded = try engine.fundingYear(for: try school("1", pupils: 100, network: "=North", name: name), in: year,
                                            periods: [CategoryPeriod(from: year.start, category: "2", designation: "D")])

        let rows = FundingCSV.csv([funded]).split(separator: "\n").map(String.init)
        let totals = FundingCSV.csv(FundingTotals([funded])).split(separator: "\n").map(String.init)

        #expect(rows.count == 2)
        #expect(rows[1].hasPrefix("1,\"'=HYPERLINK(\"\"http://x\"\")\",'=North,2023/24,network,2,D,2023-09-01,2024-08-31,366,1,3000,3000,"))
        #expect(totals[1] == "network,'=North,network,1,,100,3000,0,")
        #expect(totals[2] == "authority,,network,1,,100,3000,0,")
    }
}
