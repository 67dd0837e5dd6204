@testable import SiftCore
import Testing

/// Ofsted's 2024/25 layout ("… latest inspections as at 31 March 2025", 74 columns), from
/// its published column list, with rows written from the values that release holds.
@Suite("Ofsted management information, 2024/25 layout")
struct Ofsted202425LayoutTests {
    static let file = """
        Web link (opens in new window),URN,LAESTAB,School name,Ofsted phase,Type of education,School open date,Admissions policy,Sixth form,Designated religious character,Religious ethos,Faith grouping,Ofsted region,Region,Local authority,Parliamentary constituency,Multi-academy trust UID,Multi-academy trust name,Academy sponsor UID,Academy sponsor name,Postcode,The income deprivation affecting children index (IDACI) quintile,Total number of pupils,Statutory lowest age,Statutory highest age,Latest ungraded inspection number since last graded inspection,Does the ungraded inspection relate to the URN of the current school?,URN at time of the ungraded inspection,LAESTAB at time of the ungraded inspection,School name at time of the ungraded inspection,School type at time of the ungraded inspection,Number of ungraded inspections since the last graded inspection,Date of latest ungraded inspection,Ungraded inspection publication date,Did the latest ungraded inspection convert to a graded inspection?,Ungraded inspection overall outcome,Number of monitoring and urgent inspections since last graded inspection,Inspection number of latest graded inspection,Inspection type,Inspection type grouping,Event type grouping,Inspection start date,Publication date,Does the latest graded inspection relate to the URN of the current school?,URN at time of latest graded inspection,LAESTAB at time of latest graded inspection,School name at time of latest graded inspection,School type at time of latest graded inspection,Overall effectiveness,Category of concern,Quality of education,Behaviour and attitudes,Personal development,Effectiveness of leadership and management,Safeguarding is effective?,Early years provision (where applicable),Sixth form provision (where applicable),Previous graded inspection number,Previous inspection start date,Previous publication date,Does the previous graded inspection relate to the URN of the current school?,URN at time of previous graded inspection,LAESTAB at time of previous graded inspection,School name at time of previous graded inspection,School type at time of previous graded inspection,Previous graded inspection overall effectiveness,Previous category of concern,Previous quality of education,Previous behaviour and attitudes,Previous personal development,Previous effectiveness of leadership and management,Previous safeguarding is effective?,Previous early years provision (where applicable),Previous sixth form provision (where applicable)
        NULL,100005,2021048,Thomas Coram Centre,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,10345614,Yes,100005,NULL,NULL,NULL,2,23/05/2024,NULL,No,School remains Outstanding,NULL,ITS425578,S5 Inspection,NULL,NULL,05/06/2014,NULL,Yes,100005,NULL,NULL,NULL,1,,9,9,9,1,9,9,9,ITS354786,17/01/2011,NULL,NULL,NULL,NULL,NULL,NULL,1,,NULL,NULL,NULL,NULL,NULL,NULL,NULL
        NULL,138540,9364010,An Academy,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,10323215,S5 Inspection,NULL,NULL,24/09/2024,NULL,No,125290,NULL,NULL,NULL,Not judged,,2,2,2,2,Yes,2,9,NULL,14/03/2019,NULL,NULL,NULL,NULL,NULL,NULL,3,,3,NULL,NULL,2,NULL,NULL,NULL
        NULL,152506,8254001,A School In Special Measures,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,12/10/2022,NULL,Yes,School remains Good (Concerns) - S5 Next,NULL,NULL,NULL,NULL,NULL,28/06/2023,NULL,NULL,NULL,NULL,NULL,NULL,4,SM,4,3,3,4,No,9,9,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL
        ,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
        Source: Ofsted
        """

    @Test("the ungraded, latest graded and previous graded inspections each kept; a predecessor's URN kept; a note under the table not a school")
    func layout() throws {
        let file = try OfstedReader.read(CSVReader(bytes: Array(Self.file.utf8)))
        #expect(file.rejected.isEmpty, "\(file.rejected)")
        #expect(file.schools.map(\.urn) == ["100005", "138540", "152506"])
        #expect(file.notes.map(\.line) == [5, 6])
        let coram = file.schools[0].inspections
        #expect(coram.map(\.framework) == [.graded, .graded, .ungradedInspection])
        #expect(coram.map(\.date) == [Day(year: 2011, month: 1, day: 17)!, Day(year: 2014, month: 6, day: 5)!, Day(year: 2024, month: 5, day: 23)!])
        #expect(coram[1].overallEffectiveness == 1 && coram[1].keyJudgements == [.leadershipAndManagement: 1] && coram[1].safeguarding == nil)
        #expect(coram[2].outcome == .maintained && coram[2].overallEffectiveness == 1)
        let academy = file.schools[1].inspections
        #expect(academy.map(\.framework) == [.graded, .ungraded2024])
        #expect(academy[1].overallEffectiveness == nil && academy[1].keyJudgements[.qualityOfEducation] == 2 && academy[1].urnAtInspection == "125290")
        #expect(academy[0].overallEffectiveness == 3 && academy[0].keyJudgements[.leadershipAndManagement] == 2)
        // An ungraded inspection that converted is the graded one: not kept twice.
        let special = file.schools[2].inspections
        #expect(special.count == 1 && special[0].categoryOfConcern == .specialMeasures && special[0].safeguarding == .notMet)
    }
}
