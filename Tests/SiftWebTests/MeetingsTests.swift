import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Meetings, action plans and leaving intervention")
struct MeetingsTests {
    /// Agrees `category` for the school user's establishment of `code` and returns its URN.
    private func agreed(_ officer: Browser, _ app: Application, code: String, category: String, csrf: String, year: Int) async throws -> String {
        let urn = try #require(try await User.query(on: app.db).filter(\.$email == "school@\(code).example").first()?.establishmentURN)
        #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
        #expect(try await officer.post("/runs/\(year)/\(urn)", form: ["csrf": csrf, "action": "override", "category": category,
                                                                       "reason": "Agreed with the school"]).status == .seeOther)
        return urn
    }

    @Test("Wolverhampton's C: half-termly TAS meetings, each ending with a risk assessment; actions reviewed each term")
    func teamAroundTheSchool() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@ironbury.example", accounts.password("officer@ironbury.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let year = Runs.academicYear(of: app.sift.settings.now())
            let urn = try await agreed(officer, app, code: "ironbury", category: "C", csrf: csrf, year: year)
            let base = "/establishments/\(urn)/meetings"
            let page = try await officer.get(base)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Still to hold"))
            let today = Day(app.sift.settings.now()).description
            // Without the risk assessment the meeting is refused and nothing is stored.
            let noRisk = try await officer.post(base + "/held", form: ["csrf": csrf, "year": String(year), "kind": "tas_meetings", "date": today,
                                                                        "attendees": "Headteacher, chair of governors", "minutes": "Reading priorities reviewed"])
            #expect(noRisk.status == .unprocessableEntity)
            #expect(noRisk.body.string.contains("Choose the risk against a good judgement"))
            #expect(try await MeetingRecord.query(on: app.db).count() == 0)
            #expect(try await officer.post(base + "/held", form: ["csrf": csrf, "year": String(year), "kind": "tas_meetings", "date": today,
                                                                   "attendees": "Headteacher, chair of governors", "minutes": "Reading priorities reviewed",
                                                                   "risk": "high"]).status == .seeOther)
            // Once the school has closed, no meeting about it is held from its close date.
            let closing = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == urn).first())
            closing.closed = today
            try await closing.save(on: app.db)
            let afterClosing = try await officer.post(base + "/held", form: ["csrf": csrf, "year": String(year), "kind": "tas_meetings", "date": today,
                                                                              "attendees": "Headteacher", "minutes": "Closing", "risk": "low"])
            #expect(afterClosing.status == .unprocessableEntity && afterClosing.body.string.contains("a meeting about it must be before then"))
            closing.closed = nil
            try await closing.save(on: app.db)
            #expect(try await officer.post(base + "/action", form: ["csrf": csrf, "year": String(year), "action": "Phonics training for Year 1 staff",
                                                                     "owner": "Reading lead", "due": "2026-03-31"]).status == .seeOther)
            let action = try #require(try await PlanActionRecord.query(on: app.db).first())
            let before = try await officer.get(base).body.string
            #expect(before.contains("Not reviewed this term"))
            #expect(try await officer.post(base + "/review", form: ["csrf": csrf, "year": String(year), "item": action.id!.uuidString, "term": "autumn",
                                                                     "status": "on_track", "note": "Two sessions held"]).status == .seeOther)
            let after = try await officer.get(base).body.string
            #expect(after.contains("Autumn term: On track — Two sessions held"))
            #expect(!after.contains("Not reviewed this term"))
            #expect(after.contains("High"))
            // The school sees its meetings and plan, and cannot change them.
            let school = Browser(app)
            _ = try await school.signIn("school@ironbury.example", accounts.password("school@ironbury.example"))
            let seen = try await school.get(base).body.string
            #expect(seen.contains("Phonics training for Year 1 staff"))
            #expect(try await school.post(base + "/action", form: ["csrf": Browser.csrf(in: seen) ?? "", "action": "x", "owner": "y", "due": "2026-01-01"]).status == .notFound)
        }
    }

    @Test("Milton Keynes' TIB: leaving intervention needs every exit criterion, then marks the school sustaining success")
    func tibExit() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let year = Runs.academicYear(of: app.sift.settings.now())
            let urn = try await agreed(officer, app, code: "fenmoor", category: "3c", csrf: csrf, year: year)
            let base = "/establishments/\(urn)/meetings"
            #expect(try await officer.get(base).body.string.contains("TIB exit strategy"))
            let early = try await officer.post(base + "/leave", form: ["csrf": csrf, "year": String(year)])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("cannot leave intervention yet"))
            for criterion in TIBExit.criteria where criterion != TIBExit.academisation {
                #expect(try await officer.post(base + "/exit-criterion", form: ["csrf": csrf, "year": String(year), "criterion": criterion.id,
                                                                                 "met": "yes", "evidence": "Seen at the summer TIB"]).status == .seeOther)
            }
            let left = try await officer.post(base + "/leave", form: ["csrf": csrf, "year": String(year)])
            #expect(left.status == .seeOther)
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == urn).first())
            #expect(try await EvidenceStore.text(for: record, on: app.db).contains("\"sustaining_success\":true"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "intervention_left").count() == 1)
            // The category follows at once: the change of category opens with the new proposal chosen.
            let next = try #require(left.headers.first(name: .location))
            #expect(next == "/establishments/\(urn)/recategorise?after=exit")
            let proposed = try #require(record.proposedCategory)
            #expect(proposed != "3c")
            let form = try await officer.get(next).body.string
            #expect(form.contains("value=\"\(proposed)\" selected") && form.contains("every exit criterion is met"))
            #expect(try await officer.post("/establishments/\(urn)/recategorise", form: ["csrf": csrf, "category": proposed,
                                                                                        "reason": "Left intervention"]).status == .seeOther)
        }
    }
}
}
