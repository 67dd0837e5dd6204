import Foundation
import SiftCore
import Testing

@Suite("The year's plan")
struct YearPlanTests {
    let autumnDay = Day(year: 2023, month: 10, day: 2)!

    private func result(_ frameworkID: String, _ json: String, category: String, on day: Day? = nil) throws -> CategorisationResult {
        DecisionEngine(framework: try bundled(frameworkID)).categorise(try establishment(json), runDate: day ?? autumnDay, supportFor: category)
    }

    private let primary = """
        {"urn":"1","name":"P","kind":"community","phase":"primary","pupils":200,
         "inspections":[{"date":"2022-05-01","framework":"graded","overallEffectiveness":2,"leadershipAndManagement":2}]}
        """

    @Test("Coventry's CMO visits, 3 for category 1 and 2 for category 3, are spread a term at a time")
    func coventryVisits() throws {
        let first = YearPlanner.plan(category: "1", result: try result("coventry-2023", primary, category: "1"))
        #expect(first.items.map(\.term) == [.autumn, .spring, .summer])
        #expect(first.items.allSatisfy { $0.unit == "visits" && $0.amount == 1 && $0.kind == "cmo_visits" })
        #expect(first.allocation == ["visits": 3])
        let third = YearPlanner.plan(category: "3", result: try result("coventry-2023", primary, category: "3"))
        #expect(third.items.map(\.term) == [.autumn, .spring])
        let fourth = YearPlanner.plan(category: "4", result: try result("coventry-2023", primary, category: "4"))
        #expect(fourth.items.map(\.term) == [.autumn])
    }

    @Test("Wolverhampton's annex 2 plan for B1 is its activities, adding up to 9.5 days")
    func wolverhamptonPlan() throws {
        let school = """
            {"urn":"2","name":"W","kind":"community","phase":"primary","pupils":200,
             "inspections":[{"date":"2022-05-01","framework":"graded","overallEffectiveness":2,"leadershipAndManagement":2}]}
            """
        let plan = YearPlanner.plan(category: "B1", result: try result("wolverhampton-2021", school, category: "B1"))
        #expect(plan.allocation == ["days": 9.5])
        #expect(plan.items.reduce(0) { $0 + $1.amount } == 9.5)
        #expect(plan.items.first?.term == .preparation)
        #expect(plan.items.contains { $0.term == .autumn2 && $0.activity.contains("TAS") })
    }

    @Test("Hackney's intensive plan counts the adviser's 14 hours a term beside the six visits")
    func hackneyIntensive() throws {
        let school = """
            {"urn":"3","name":"H","kind":"community","phase":"primary","pupils":200,
             "inspections":[{"date":"2022-05-01","framework":"graded","overallEffectiveness":4,"leadershipAndManagement":4,"categoryOfConcern":"special_measures"}]}
            """
        let plan = YearPlanner.plan(category: "IntensiveB", result: try result("hackney-2023", school, category: "IntensiveB"))
        #expect(plan.allocation == ["visits": 6, "hours": 42])
        let tallies = PlanTally.tally(plan.items, allocation: plan.allocation, delivered: [:])
        #expect(tallies.map(\.unit) == ["visits", "hours"])
        #expect(tallies.map(\.planned) == [6, 42])
        #expect(!tallies.contains { $0.isOver })
    }

    @Test("Milton Keynes' TIB meetings plan their lower end, 3, and allocate up to 6; extra partner days are allocated, not planned")
    func miltonKeynesRanges() throws {
        let school = """
            {"urn":"4","name":"M","kind":"community","phase":"primary","pupils":200,
             "inspections":[{"date":"2018-05-01","framework":"graded","overallEffectiveness":4,"leadershipAndManagement":4,"categoryOfConcern":"special_measures"}]}
            """
        let plan = YearPlanner.plan(category: "4", result: try result("milton-keynes-2019", school, category: "4", on: Day(year: 2019, month: 10, day: 1)!))
        let meetings = plan.items.filter { $0.kind == "tib_meetings" }
        #expect(meetings.map(\.term) == [.autumn, .spring, .summer])
        #expect(plan.allocation["meetings"] == 6)
        #expect(plan.allocation["days"] == 3.5)
        #expect(!plan.items.contains { $0.kind == "additional_ip_days" })
    }

    @Test("agreed extra visits beyond the allocation are flagged as over it")
    func overAllocation() {
        let visit = PlanItem(term: .autumn, activity: "Visit", amount: 1, unit: "visits", kind: nil, category: "1", cite: nil)
        let tally = PlanTally.tally([visit, visit, visit, visit], allocation: ["visits": 3], delivered: ["visits": 2])
        #expect(tally == [PlanTally(unit: "visits", planned: 4, allocation: 3, delivered: 2)])
        #expect(tally[0].isOver)
    }

    @Test("a change of category in January replaces the spring and summer activities and shares the year's support by days")
    func replanning() {
        func item(_ term: PlanTerm, _ amount: Double, _ unit: String, _ category: String) -> PlanItem {
            PlanItem(term: term, activity: "\(category) \(term)", amount: amount, unit: unit, kind: nil, category: category, cite: nil)
        }
        let current = [item(.autumn, 1, "visits", "4"), item(.spring, 1, "visits", "4"), item(.year, 2, "days", "4")]
        let new = YearPlan(category: "1", items: [item(.autumn, 1, "visits", "1"), item(.spring, 2, "visits", "1"),
                                                  item(.summer, 1, "visits", "1"), item(.year, 6, "days", "1")],
                           allocation: ["visits": 4, "days": 6], cite: nil)
        // 2024 is 2023/24: 366 days from 1 September 2023; 1 January 2024 leaves 244 of them.
        let change = Day(year: 2024, month: 1, day: 1)!
        #expect(abs(Replan.shareRemaining(at: change, year: 2024) - 244.0 / 366.0) < 1e-12)
        let replan = Replan(current: current, plan: new, change: change, year: 2024)
        #expect(replan.withdrawn == [1, 2])
        // Category 4's 2 days for the 122 days before, rounded to the half: 0.5; category 1's 6
        // days for the 244 after: 4.
        #expect(replan.added.map(\.term) == [.year, .spring, .summer, .year])
        #expect(replan.added.map(\.amount) == [0.5, 2, 1, 4])
        #expect(replan.added.map(\.category) == ["4", "1", "1", "1"])
    }

    @Test("term dates: spring 2 ends the day before summer begins, and summer 2 ends on 31 August")
    func termDates() {
        #expect(PlanTerm.spring2.start(in: 2024).description == "2024-02-15")
        #expect(PlanTerm.spring2.end(in: 2024).description == "2024-03-31")
        #expect(PlanTerm.autumn.end(in: 2024).description == "2023-12-31")
        #expect(PlanTerm.summer2.end(in: 2024).description == "2024-08-31")
        #expect(TermCalendar(starts: [.autumn2: (2, 30)]) == nil)
    }
}

@Suite("Advisers' demand and capacity")
struct AdviserDemandTests {
    private func item(_ term: PlanTerm, _ amount: Double, _ unit: String) -> PlanItem {
        PlanItem(term: term, activity: "a", amount: amount, unit: unit, kind: nil, category: "1", cite: nil)
    }

    @Test("half terms count in their term, preparation in autumn, the year's support a third a term; hours become days")
    func demandByTerm() {
        let work: [(adviser: String?, item: PlanItem)] = [
            ("Ann", item(.autumn2, 1, "days")), ("Ann", item(.preparation, 1, "days")), ("Ann", item(.year, 3, "days")),
            ("Ann", item(.spring1, 14, "hours")), (nil, item(.summer, 2, "visits")), ("Ann", item(.autumn, 1, "plan")),
        ]
        let (days, unconverted) = AdviserDemand.demand(work, conversion: .standard)
        #expect(days["Ann"]?[.autumn] == 3)
        #expect(days["Ann"]?[.spring] == 3)
        #expect(days["Ann"]?[.summer] == 1)
        #expect(days[nil]?[.summer] == 2)
        #expect(unconverted == ["plan"])
    }

    @Test("an adviser asked for more days than they have in a term is over; the authority adds everyone and the unassigned")
    func overCapacity() {
        let lines = AdviserDemand.lines(advisers: ["Ann", "Bo"], capacity: ["Ann": [.autumn: 10, .spring: 10], "Bo": [.autumn: 5]],
                                        demand: ["Ann": [.autumn: 12, .spring: 4], nil: [.autumn: 2]])
        #expect(lines.count == 9)
        #expect(lines.filter(\.isOver).map { "\($0.adviser ?? "-") \($0.term)" } == ["Ann autumn", "- autumn"])
        let total = AdviserDemand.authority(lines)
        #expect(total.map(\.capacity) == [15, 10, 0])
        #expect(total.map(\.demand) == [14, 4, 0])
        #expect(total.map(\.isOver) == [false, false, false])
    }
}

@Suite("Meetings a category requires")
struct MeetingRequirementTests {
    @Test("Wolverhampton's C brings six half-termly TAS meetings, each ending with a risk assessment")
    func wolverhamptonTAS() throws {
        let school = try establishment("""
            {"urn":"5","name":"C","kind":"community","phase":"primary","pupils":200,
             "inspections":[{"date":"2022-05-01","framework":"graded","overallEffectiveness":4,"leadershipAndManagement":4}]}
            """)
        let result = DecisionEngine(framework: try bundled("wolverhampton-2021")).categorise(school, runDate: Day(year: 2023, month: 10, day: 2)!, supportFor: "C")
        let tas = try #require(MeetingRequirement.all(result.entitlements).first { $0.kind == "tas_meetings" })
        #expect(tas.required == 6)
        #expect(tas.frequency == "half_termly")
        #expect(tas.endsWithRiskAssessment)
        #expect(!tas.hasExitStrategy)
    }

    @Test("meetings a half term or a term count six or three a year; only a framework that asks ends them with a risk assessment")
    func frequencyAndRiskAssessment() throws {
        let school = try establishment("""
            {"urn":"7","name":"W","kind":"community","phase":"primary","pupils":200,"religiousCharacter":"Does not apply",
             "inspections":[{"date":"2012-11-14","framework":"graded","overallEffectiveness":4,"leadershipAndManagement":4,"categoryOfConcern":"special_measures"}]}
            """)
        let warwickshire = DecisionEngine(framework: try bundled("warwickshire-2013")).categorise(school, runDate: Day(year: 2013, month: 10, day: 1)!)
        let meetings = Dictionary(uniqueKeysWithValues: MeetingRequirement.all(warwickshire.entitlements).map { ($0.kind, $0) })
        // Grade 4: "Half termly 'Review & Intervention' meetings"; the core offer's termly business meetings.
        #expect(meetings["review_and_intervention_meetings"]?.required == 6)
        #expect(meetings["headteacher_business_meetings"]?.required == 3)
        #expect(meetings.values.allSatisfy { !$0.endsWithRiskAssessment })
        // "If church school, liaise with Diocese": not for a school of no religious character.
        #expect(!warwickshire.entitlements.contains { $0.kind == "diocese_liaison" })
        let hackney = try establishment("""
            {"urn":"8","name":"H","kind":"community","phase":"primary","pupils":200,
             "inspections":[{"date":"2022-05-01","framework":"graded","overallEffectiveness":3,"leadershipAndManagement":3}]}
            """)
        let tag = DecisionEngine(framework: try bundled("hackney-2023")).categorise(hackney, runDate: Day(year: 2023, month: 10, day: 2)!)
        #expect(MeetingRequirement.all(tag.entitlements).allSatisfy { !$0.endsWithRiskAssessment })
    }

    @Test("Milton Keynes' TIB: 3 to 6 meetings; leaving needs every criterion, the five non-negotiables among them, or academisation")
    func miltonKeynesTIB() throws {
        let school = try establishment("""
            {"urn":"6","name":"M","kind":"community","phase":"primary","pupils":200,
             "inspections":[{"date":"2018-05-01","framework":"graded","overallEffectiveness":4,"leadershipAndManagement":4,"categoryOfConcern":"special_measures"}]}
            """)
        let result = DecisionEngine(framework: try bundled("milton-keynes-2019")).categorise(school, runDate: Day(year: 2019, month: 10, day: 1)!, supportFor: "4")
        let tib = try #require(MeetingRequirement.all(result.entitlements).first { $0.kind == "tib_meetings" })
        #expect(tib.required == 3 && tib.most == 6 && tib.hasExitStrategy && !tib.endsWithRiskAssessment)
        #expect(TIBExit.criteria.filter(\.nonNegotiable).count == 5)
        let allButCPD = Set(TIBExit.criteria.map(\.id)).subtracting(["academisation", "cpd"])
        #expect(TIBExit.outstanding(met: allButCPD).map(\.id) == ["cpd"])
        #expect(TIBExit.outstanding(met: allButCPD.union(["cpd"])).isEmpty)
        #expect(TIBExit.outstanding(met: ["academisation"]).isEmpty)
    }

    @Test("a closing releases the parts of the year from the close date, and keeps a share of the part it closes in")
    func closureRelease() {
        func item(_ term: PlanTerm, _ amount: Double) -> PlanItem {
            PlanItem(term: term, activity: "a", amount: amount, unit: "days", kind: nil, category: "1", cite: nil)
        }
        let closed = Day(year: 2022, month: 5, day: 31)!
        let release = ClosureRelease(current: [item(.autumn, 2), item(.spring, 2), item(.summer, 2), item(.year, 6)], closed: closed, year: 2022)
        // Autumn and spring ended before it closed; summer and the whole year span the close date.
        #expect(release.withdrawn == [2, 3])
        let summerStart = PlanTerm.summer.start(in: 2022), summerEnd = PlanTerm.summer.end(in: 2022)
        #expect(summerStart < closed && closed < summerEnd)
        #expect(release.kept.map(\.term) == [.summer, .year])
        #expect(release.kept.allSatisfy { $0.amount > 0 } && release.kept[0].amount < 2 && release.kept[1].amount < 6)
        // Closed before the year began: everything goes, nothing is kept.
        let before = ClosureRelease(current: [item(.autumn, 2), item(.year, 6)], closed: Day(year: 2021, month: 8, day: 31)!, year: 2022)
        #expect(before.withdrawn == [0, 1] && before.kept.isEmpty)
    }
}
