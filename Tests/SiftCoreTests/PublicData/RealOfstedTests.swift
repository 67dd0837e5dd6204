import Foundation
@testable import SiftCore
import Testing

/// The real spring 2026 Ofsted management information (17 rows of Hampshire and Southampton
/// schools, `../shared/realdata/ofsted`), read as published.
@Suite("Ofsted management information, real spring 2026 rows")
struct RealOfstedTests {
    func file() throws -> OfstedFile {
        try OfstedReader.read(CSVReader(path: RealData.path("ofsted/2026-spring-ofsted-mi-reportcard-sample.csv")))
    }

    func inspections(_ urn: String) throws -> [Inspection] {
        try #require(try file().schools.first { $0.urn == urn }).inspections
    }

    @Test("every row is a school's: none refused, NULL read as empty, every inspection kept with its date")
    func everyRow() throws {
        let file = try file()
        #expect(file.rejected.isEmpty, "\(file.rejected)")
        #expect(file.schools.count == 17)
        // One report card, seven graded inspections under the previous framework, eleven ungraded ones.
        let all = file.schools.flatMap(\.inspections)
        #expect(all.count == 19)
        #expect(all.filter { $0.framework == .reportCard2025 }.count == 1)
        #expect(all.filter { $0.framework == .ungradedInspection }.count == 11)
        #expect(all.filter { $0.framework == .graded || $0.framework == .ungraded2024 }.count == 7)
    }

    @Test("a report card, each area read; post-16 not applicable is not the school-details column 'Sixth form'; the ungraded inspection before it kept")
    func reportCard() throws {
        let manorField = try inspections("116055")
        #expect(manorField.map(\.date) == [Day(year: 2021, month: 11, day: 11)!, Day(year: 2026, month: 1, day: 20)!])
        let card = manorField[1]
        #expect(card.framework == .reportCard2025 && card.safeguarding == .met && card.categoryOfConcern == .none)
        #expect(card.reportCard[.inclusion] == .expectedStandard && card.reportCard[.earlyYears] == .strongStandard)
        #expect(card.reportCard[.sixthForm] == nil && card.reportCard.count == 7 && card.areaDates.isEmpty)
        #expect(card.type == "S5 Inspection" && card.urnAtInspection == nil)
        let ungraded = manorField[0]
        #expect(ungraded.framework == .ungradedInspection && ungraded.outcome == .maintained && ungraded.overallEffectiveness == 2)
        #expect(ungraded.outcomeText == "School remains Good")
    }

    @Test("the latest graded inspection under the previous framework: a grade, or 'Not judged' from September 2024 with its key judgements")
    func latestGraded() throws {
        let oakley = try inspections("116047")
        #expect(oakley.count == 1 && oakley[0].framework == .graded && oakley[0].overallEffectiveness == 2)
        #expect(oakley[0].date == Day(year: 2023, month: 2, day: 2) && oakley[0].safeguarding == .met)
        let mengham = try inspections("116052")
        #expect(mengham.count == 1 && mengham[0].framework == .ungraded2024 && mengham[0].overallEffectiveness == nil)
        #expect(mengham[0].keyJudgements[.qualityOfEducation] == 3 && mengham[0].keyJudgements[.leadershipAndManagement] == 2)
        #expect(mengham[0].date == Day(year: 2024, month: 10, day: 15))
    }

    @Test("ungraded outcomes read as they say, the grade standing: every text the file uses")
    func ungradedOutcomes() throws {
        let outcomes = try file().schools.flatMap(\.inspections).filter { $0.framework == .ungradedInspection }
        let read = Dictionary(outcomes.map { ($0.outcomeText ?? "", ($0.outcome, $0.overallEffectiveness)) }, uniquingKeysWith: { first, _ in first })
        #expect(read["Some aspects not as strong"]! == (.concerns, nil))
        #expect(read["Standards maintained"]! == (.maintained, nil))
        #expect(read["School remains Outstanding"]! == (.maintained, 1))
        #expect(read["School remains Good (Improving) - S5 Next"]! == (.improving, 2))
        #expect(read["School remains Outstanding (Concerns) - S5 Next"]! == (.concerns, 1))
        #expect(read["School remains Good"]! == (.maintained, 2))
        #expect(read.count == 6)
    }

    @Test("an ungraded inspection leaves the grade of the inspection before it standing, for every framework's reading")
    func gradeStands() throws {
        let bitterneManor = try inspections("116089")  // ungraded 2022 ('Outstanding (Concerns)'), then graded good 2024
        #expect(bitterneManor.map(\.framework) == [.ungradedInspection, .graded])
        var evidence = Establishment(urn: "116089", name: "Bitterne Manor Primary School", kind: .community)
        var graded = Inspection(date: Day(year: 2017, month: 5, day: 4)!, framework: .graded)
        graded.overallEffectiveness = 3
        graded.keyJudgements[.leadershipAndManagement] = 2
        var ungraded = Inspection(date: Day(year: 2025, month: 2, day: 26)!, framework: .ungradedInspection)
        ungraded.outcome = .concerns
        evidence.inspections = [graded, ungraded]
        let framework = try BundledFrameworks.load("coventry-2023")
        let context = EvaluationContext(establishment: evidence, framework: framework, runDate: Day(year: 2025, month: 9, day: 1)!,
                                        dataYear: nil, parameters: framework.parameters.map(\.value))
        #expect(context.value(of: .ofsted(.overall, previous: false)) == .number(3))
        #expect(context.value(of: .ofsted(.leadership, previous: false)) == .number(2))
        #expect(context.value(of: .ofsted(.framework, previous: false)) == .text("ungraded_inspection"))
        #expect(context.value(of: .ofsted(.overall, previous: true)) == .number(3))
    }
}
