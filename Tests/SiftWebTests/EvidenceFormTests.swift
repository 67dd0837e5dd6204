import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Evidence forms")
struct EvidenceFormTests {
    @Test("bad input gets the error summary and saves nothing; good input is added and the proposal follows it")
    func addInspection() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            let before = try await EvidenceStore.text(for: record, on: app.db)
            let form = try await officer.get("/establishments/200003/evidence/inspection")
            #expect(form.status == .ok)
            let csrf = try #require(Browser.csrf(in: form.body.string))
            // Missing fields, then a date that is not a date, then a contradiction: each refused, nothing saved.
            let empty = try await officer.post("/establishments/200003/evidence/inspection", form: ["csrf": csrf])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Enter the date of the inspection"))
            let badDate = try await officer.post("/establishments/200003/evidence/inspection",
                                                 form: ["csrf": csrf, "date": "31/02/2023", "framework": "graded", "overallEffectiveness": "2"])
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.body.string.contains("Expected a date (yyyy-mm-dd)"))
            let contradiction = try await officer.post("/establishments/200003/evidence/inspection",
                                                       form: ["csrf": csrf, "date": "2024-03-01", "framework": "graded", "overallEffectiveness": "2",
                                                              "categoryOfConcern": "special_measures"])
            #expect(contradiction.status == .unprocessableEntity)
            #expect(try await EvidenceStore.text(for: record, on: app.db) == before)
            // A valid inspection in special measures: added, and the proposal moves to Category 1.
            let added = try await officer.post("/establishments/200003/evidence/inspection",
                                               form: ["csrf": csrf, "date": "2024-03-01", "framework": "graded", "overallEffectiveness": "4",
                                                      "leadershipAndManagement": "4", "categoryOfConcern": "special_measures"])
            #expect(added.status == .seeOther)
            let after = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            #expect(after.proposedCategory == "1")
            #expect(try await EvidenceStore.text(for: after, on: app.db).contains("special_measures"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "evidence_changed").count() == 1)
        }
    }

    @Test("a report card inspection is entered area by area, with safeguarding; one with no area graded is refused")
    func reportCard() async throws {
        let clock = TestClock()
        clock.advance(by: 1_768_435_200 - clock.now.timeIntervalSince1970)   // 15 January 2026
        try await withSift(clock: clock) { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let path = "/establishments/200003/evidence/inspection"
            let form = try await officer.get(path).body.string
            #expect(form.contains("Report card (from 10 November 2025)") && form.contains("name=\"reportCard[leadershipAndGovernance]\""))
            let csrf = try #require(Browser.csrf(in: form))
            let empty = try await officer.post(path, form: ["csrf": csrf, "date": "2026-01-12", "framework": "report_card_2025"])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Enter the grade of each area the report card gives"))
            var grades = ["csrf": csrf, "date": "2026-01-12", "framework": "report_card_2025", "safeguarding": "met"]
            for area in ReportCardArea.allCases where area != .earlyYears && area != .sixthForm { grades["reportCard[\(area.evidenceKey)]"] = "expected_standard" }
            grades["reportCard[leadershipAndGovernance]"] = "needs_attention"
            #expect(try await officer.post(path, form: grades).status == .seeOther)
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            let latest = try #require(try await Proposals.establishment(record, on: app.db).latestInspection)
            #expect(latest.framework == .reportCard2025 && latest.safeguarding == .met)
            #expect(latest.reportCard[.leadershipAndGovernance] == .needsAttention && latest.reportCard[.inclusion] == .expectedStandard)
        }
    }

    @Test("a year of measures: numbers checked, the reader's checks on the right field, the year replaced as sent")
    func yearOfMeasures() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            let before = try await EvidenceStore.text(for: record, on: app.db)
            let path = "/establishments/200003/evidence/measures"
            let form = try await officer.get(path + "?year=2024")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("KS2 reading progress"))
            let csrf = try #require(Browser.csrf(in: form.body.string))
            let notNumber = try await officer.post(path, form: ["csrf": csrf, "year": "2024", "ks2_reading_progress__value": "minus four"])
            #expect(notNumber.status == .unprocessableEntity)
            #expect(notNumber.body.string.contains("Enter the value of KS2 reading progress as a number"))
            let badYear = try await officer.post(path, form: ["csrf": csrf, "year": "24"])
            #expect(badYear.status == .unprocessableEntity)
            // The reader's own checks, placed on the field they are about.
            let noValue = try await officer.post(path, form: ["csrf": csrf, "year": "2024", "ks2_maths_progress__status": "published"])
            #expect(noValue.status == .unprocessableEntity)
            #expect(noValue.body.string.contains("href=\"#ks2_maths_progress__value\""))
            let crossed = try await officer.post(path, form: ["csrf": csrf, "year": "2024", "progress8__value": "0.1",
                                                              "progress8__lower": "0.5", "progress8__upper": "-0.3"])
            #expect(crossed.status == .unprocessableEntity)
            #expect(crossed.body.string.contains("href=\"#progress8__lower\""))
            #expect(try await EvidenceStore.text(for: record, on: app.db) == before)

            let saved = try await officer.post(path, form: ["csrf": csrf, "year": "2024", "ks2_reading_progress__value": "-4.2",
                                                            "ks2_reading_progress__lower": "-6.5", "ks2_reading_progress__upper": "-1.9",
                                                            "ks2_rwm_expected__value": "58%", "ks2_writing_progress__status": "suppressed"])
            #expect(saved.status == .seeOther)
            let evidence = try await Proposals.establishment(record, on: app.db)
            let reading = try #require(evidence.records(.ks2ReadingProgress).first { $0.year == 2024 })
            #expect(reading.value == -4.2 && reading.lower == -6.5 && reading.upper == -1.9)
            #expect(evidence.records(.ks2RWMExpected).first { $0.year == 2024 }?.value == 58)
            #expect(evidence.records(.ks2WritingProgress).first { $0.year == 2024 }?.status == .suppressed)
            // Sending the year again replaces it: reading progress is no longer recorded for 2024.
            let shown = try await officer.get(path + "?year=2024")
            #expect(shown.body.string.contains("value=\"-4.2\""))
            #expect(try await officer.post(path, form: ["csrf": csrf, "year": "2024", "ks2_rwm_expected__value": "61"]).status == .seeOther)
            let replaced = try await Proposals.establishment(record, on: app.db)
            #expect(replaced.records(.ks2ReadingProgress).first { $0.year == 2024 } == nil)
            #expect(replaced.records(.ks2RWMExpected).first { $0.year == 2024 }?.value == 61)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "evidence_changed").count() == 2)
        }
    }

    @Test("the authority's evidence: choices and exceptions saved, further facts kept, bad input saves nothing")
    func authorityEvidence() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            // A further named fact the form does not show, which must survive the form.
            var members = try await EvidenceEdit.members(of: record, on: app.db)
            members = EvidenceEdit.replacing("local", with: Tree(.object([.init(key: "other", value: Tree(.object([.init(key: "boardMeetings", value: Tree(.number(3)))])))])), in: members)
            try await EvidenceStore.save(TreeWriter.json(Tree(.object(members))), for: record, on: app.db)
            let before = try await EvidenceStore.text(for: record, on: app.db)
            let path = "/establishments/200003/evidence/authority"
            let form = try await officer.get(path)
            #expect(form.status == .ok)
            let csrf = try #require(Browser.csrf(in: form.body.string))
            let badNumber = try await officer.post(path, form: ["csrf": csrf, "specificAspects": "two"])
            #expect(badNumber.status == .unprocessableEntity)
            let badChoice = try await officer.post(path, form: ["csrf": csrf, "trend": "sideways"])
            #expect(badChoice.status == .unprocessableEntity)
            #expect(badChoice.body.string.contains("href=\"#trend\""))
            #expect(try await EvidenceStore.text(for: record, on: app.db) == before)

            let saved = try await officer.post(path, form: ["csrf": csrf, "risk": "high_risk", "view": "requires_improvement",
                                                            "sefValidatedGrade": "3", "optedOut": "yes", "specificAspects": "2"])
            #expect(saved.status == .seeOther)
            let local = try await Proposals.establishment(record, on: app.db).local
            #expect(local.risk == .highRisk && local.view == .requiresImprovement && local.sefValidatedGrade == 3)
            #expect(local.optedOut == true && local.specificAspects == 2 && local.safeguardingConcern == nil)
            #expect(local.other["boardMeetings"] != nil)
            let page = try await officer.get("/establishments/200003")
            #expect(page.body.string.contains("Opted out of support"))
            // Others may not use the form.
            let reader = Browser(app)
            _ = try await reader.signIn("reader@northbridge.example", accounts.password("reader@northbridge.example"))
            #expect(try await reader.get(path).status == .notFound)
        }
    }
}
}
