import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Capacity: advisers' days against the plans")
struct CapacityTests {
    @Test("an officer gives an adviser days, assigns a planned school, and sees demand against capacity, flagged when over")
    func demandAgainstCapacity() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let year = Runs.academicYear(of: app.sift.settings.now())
            let urn = try #require(try await User.query(on: app.db).filter(\.$email == "school@northbridge.example").first()?.establishmentURN)
            try await makeMaintained(urn, on: app)
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            #expect(try await officer.post("/runs/\(year)/\(urn)", form: ["csrf": csrf, "action": "override", "category": "1", "reason": "Agreed"]).status == .seeOther)
            #expect(try await officer.post("/establishments/\(urn)/support/plan", form: ["csrf": csrf, "year": String(year)]).status == .seeOther)
            let adviser = try #require(try await User.query(on: app.db).filter(\.$email == "officer@northbridge.example").first())

            // Before assignment the three CMO visits (a day each by the standard) are demand no adviser holds.
            let before = try await officer.get("/capacity?year=\(year)").body.string
            #expect(before.contains("Not assigned to an adviser"))

            // Bad input stores nothing.
            let bad = try await officer.post("/capacity/days", form: ["csrf": csrf, "year": String(year), "adviser": adviser.id!.uuidString,
                                                                       "term": "autumn", "days": "lots"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await AdviserDaysRecord.query(on: app.db).count() == 0)
            let unknown = try await officer.post("/capacity/assign", form: ["csrf": csrf, "year": String(year), "adviser": adviser.id!.uuidString,
                                                                             "urns": "\(urn) 999999999"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("999999999"))
            #expect(try await AdviserAssignmentRecord.query(on: app.db).count() == 0)

            #expect(try await officer.post("/capacity/days", form: ["csrf": csrf, "year": String(year), "adviser": adviser.id!.uuidString,
                                                                     "term": "autumn", "days": "0.5"]).status == .seeOther)
            #expect(try await officer.post("/capacity/days", form: ["csrf": csrf, "year": String(year), "adviser": adviser.id!.uuidString,
                                                                     "term": "spring", "days": "4"]).status == .seeOther)
            #expect(try await officer.post("/capacity/days", form: ["csrf": csrf, "year": String(year), "adviser": adviser.id!.uuidString,
                                                                     "term": "summer", "days": "2"]).status == .seeOther)
            #expect(try await officer.post("/capacity/assign", form: ["csrf": csrf, "year": String(year), "adviser": adviser.id!.uuidString,
                                                                       "urns": urn]).status == .seeOther)
            let page = try await officer.get("/capacity?year=\(year)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(!html.contains("Not assigned to an adviser"))
            // Autumn: a day asked for, half a day available: over. Spring: one of four; summer: one of two.
            #expect(html.contains("Over capacity"))
            #expect(html.contains("0.5 available"))
            #expect(html.contains("1 planned (over)"))
            #expect(html.contains("\(adviser.name): 1 establishments"))

            // Visits taking half a day each bring autumn within the half day.
            #expect(try await officer.post("/capacity/conversion", form: ["csrf": csrf, "year": String(year), "per-visits": "0.5", "per-meetings": "1",
                                                                           "per-reviews": "1", "per-hours": "7"]).status == .seeOther)
            let within = try await officer.get("/capacity?year=\(year)").body.string
            #expect(!within.contains("Over capacity"))

            let reader = Browser(app)
            _ = try await reader.signIn("reader@northbridge.example", accounts.password("reader@northbridge.example"))
            #expect(try await reader.get("/capacity").status == .ok)
            let school = Browser(app)
            _ = try await school.signIn("school@northbridge.example", accounts.password("school@northbridge.example"))
            #expect(try await school.get("/capacity").status == .notFound)
            let actions = try await AuditEntry.query(on: app.db).all().map(\.action)
            #expect(actions.contains("adviser_days_set") && actions.contains("establishments_assigned") && actions.contains("day_conversion_set"))
        }
    }
}
}
