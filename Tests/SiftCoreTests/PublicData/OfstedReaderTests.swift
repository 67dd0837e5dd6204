@testable import SiftCore
import Testing

/// Small files in the layouts of Ofsted's management information, as described in the
/// column lists of each release.
@Suite("Ofsted management information")
struct OfstedReaderTests {
    static let legacy = """
        Management information - state-funded schools - latest inspections at 31 August 2024
        Web link,URN,LAESTAB,School name,Inspection type,Inspection start date,Overall effectiveness,Category of concern,Quality of education,Behaviour and attitudes,Personal development,Effectiveness of leadership and management,Safeguarding is effective?,Early years provision (where applicable),Sixth form provision (where applicable),Previous inspection start date,Previous full inspection overall effectiveness
        http://x,100001,3312000,Oak Primary,S5 Inspection,12/03/2019,2,,2,2,1,2,Yes,2,9,01/02/2015,3
        http://x,100002,3312001,Ash Academy,S5 Inspection,05/06/2023,4,Special Measures,4,3,3,4,No,NULL,,14/09/2018,Good
        http://x,100003,3312002,New School,,,,,,,,,,,,,
        """

    static let ungraded = """
        URN,School name,Inspection type,Inspection start date,Overall effectiveness,Category of concern,Quality of education,Behaviour and attitudes,Personal development,Leadership and management,Safeguarding is effective?,Early years provision (where applicable),Sixth form provision (where applicable),Previous graded inspection start date,Previous graded inspection overall effectiveness
        100001,Oak Primary,Graded inspection,08/10/2024,Not judged,,Good,Outstanding,Good,Requires improvement,Yes,Good,,12/03/2019,2
        100004,Elm Secondary,Graded inspection,20/01/2025,Not judged,Serious weaknesses,4,3,3,4,No,9,3,,
        """

    static let reportCards = """
        URN,School name,Inspection start date,Inclusion,Curriculum and teaching,Achievement,Attendance and behaviour,Personal development and well-being,Early years (where applicable),Post-16 provision (where applicable),Leadership and governance,Safeguarding standards,Category of concern,Latest graded inspection start date,Latest graded inspection overall effectiveness
        100001,Oak Primary,24/11/2025,Strong standard,Expected standard,Needs attention,Expected standard,Exceptional,Expected standard,,Expected standard,Met,,12/03/2019,Good
        100005,Birch Junior,02/12/2025,4,5,5,4,3,,,5,Not met,Requires significant improvement,,
        """

    func read(_ text: String) throws -> OfstedFile {
        try OfstedReader.read(CSVReader(bytes: Array(text.utf8)))
    }

    func evidence(_ school: OfstedSchoolInspections) throws -> Establishment {
        let tree = EvidenceMerge.ofsted(school, onto: .object([("urn", .string(school.urn)), ("name", .string("School")), ("kind", .string("community"))]))
        switch EvidenceDecoder.decode(tree) {
        case .success(let establishment): return establishment
        case .failure(let problems): Issue.record("\(problems.problems.map(\.description))"); throw problems
        }
    }

    @Test("the graded layout: a title line above the header, grades as codes and words, the previous inspection kept")
    func legacyLayout() throws {
        let file = try read(Self.legacy)
        #expect(file.rejected.isEmpty && file.schools.map(\.urn) == ["100001", "100002", "100003"])
        let oak = try evidence(file.schools[0])
        #expect(oak.inspections.count == 2)
        let latest = try #require(oak.latestInspection)
        #expect(latest.framework == .graded && latest.overallEffectiveness == 2 && latest.date == Day(year: 2019, month: 3, day: 12))
        #expect(latest.keyJudgements[.personalDevelopment] == 1 && latest.keyJudgements[.sixthForm] == nil && latest.safeguarding == .met)
        #expect(oak.previousInspection?.overallEffectiveness == 3)
        let ash = try evidence(file.schools[1])
        #expect(ash.latestInspection?.categoryOfConcern == .specialMeasures && ash.latestInspection?.keyJudgements[.earlyYears] == nil)
        #expect(ash.previousInspection?.overallEffectiveness == 2)
        #expect(try evidence(file.schools[2]).inspections.isEmpty)  // not yet inspected
    }

    @Test("the 2024/25 layout: key judgements and no overall grade, read as ungraded_2024")
    func ungradedLayout() throws {
        let file = try read(Self.ungraded)
        #expect(file.rejected.isEmpty)
        let oak = try evidence(file.schools[0])
        let latest = try #require(oak.latestInspection)
        #expect(latest.framework == .ungraded2024 && latest.overallEffectiveness == nil)
        #expect(latest.keyJudgements[.leadershipAndManagement] == 3 && latest.keyJudgements[.behaviourAndAttitudes] == 1)
        #expect(oak.previousInspection?.framework == .graded && oak.previousInspection?.overallEffectiveness == 2)
        let elm = try evidence(file.schools[1])
        #expect(elm.latestInspection?.categoryOfConcern == .seriousWeaknesses && elm.latestInspection?.keyJudgements[.sixthForm] == 3)
    }

    @Test("the report-card layout: five-point areas, safeguarding met or not, the latest graded inspection alongside")
    func reportCardLayout() throws {
        let file = try read(Self.reportCards)
        #expect(file.rejected.isEmpty)
        let oak = try evidence(file.schools[0])
        let card = try #require(oak.latestInspection)
        #expect(card.framework == .reportCard2025 && card.reportCard[.achievement] == .needsAttention && card.reportCard[.personalDevelopmentAndWellbeing] == .exceptional)
        #expect(card.reportCard[.sixthForm] == nil && card.safeguarding == .met)
        #expect(oak.previousInspection?.framework == .graded && oak.previousInspection?.overallEffectiveness == 2)
        let birch = try evidence(file.schools[1])
        #expect(birch.latestInspection?.reportCard[.curriculumAndTeaching] == .urgentImprovement)
        #expect(birch.latestInspection?.categoryOfConcern == .requiresSignificantImprovement && birch.latestInspection?.safeguarding == .notMet)
    }

    @Test("a grade Ofsted never gives, a bad date and a repeated URN are rejected by line; an inspection replaces one of its date")
    func problemsAndMerge() throws {
        let text = """
            URN,Inspection start date,Overall effectiveness,Quality of education
            100001,12/03/2019,Excellent,2
            100002,31/02/2019,2,2
            100003,12/03/2019,2,2
            100003,12/03/2019,2,2
            """
        let file = try read(text)
        #expect(file.rejected.map(\.line) == [2, 3, 5])
        #expect(file.rejected[0].message == "\"Excellent\" is not a grade Ofsted gives: 1 to 4, or Not judged")
        #expect(throws: PublicDataError.self) { try read("URN,Name\n1,Oak\n") }

        // GIAS gave only the overall grade of that inspection; Ofsted's fuller record replaces it.
        var gias = Inspection(date: Day(year: 2019, month: 3, day: 12)!, framework: .graded)
        gias.overallEffectiveness = 2
        let before = Tree.object([("urn", .string("100003")), ("name", .string("School")), ("kind", .string("community")),
                                  ("inspections", .array([EvidenceMerge.tree(gias)]))])
        let merged = EvidenceMerge.ofsted(file.schools[0], onto: before)
        #expect(merged["inspections"]?.elements?.count == 1 && merged["inspections"]?.elements?.first?["qualityOfEducation"]?.text == "2")
    }
}
