import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Support: the year's plan and what was delivered")
struct SupportTests {
    /// Northbridge runs Coventry's framework: an agreed category brings CMO visits a term at a time.
    @Test("an officer makes the plan from the agreed category, moves an activity, adds extra support, and logs a visit; the school sees the notes once shared")
    func planAndDeliver() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let year = Runs.academicYear(of: app.sift.settings.now())
            let schoolUser = try #require(try await User.query(on: app.db).filter(\.$email == "school@northbridge.example").first())
            let urn = try #require(schoolUser.establishmentURN)
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == urn).first())
            let base = "/establishments/\(urn)/support"

            // Nothing agreed yet: no plan can be made, and nothing is stored.
            let early = try await officer.post(base + "/plan", form: ["csrf": csrf, "year": String(year)])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("No category is agreed"))
            #expect(try await PlanActivityRecord.query(on: app.db).count() == 0)

            try await makeMaintained(urn, on: app)
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            #expect(try await officer.post("/runs/\(year)/\(urn)", form: ["csrf": csrf, "action": "override", "category": "1",
                                                                           "reason": "Agreed at the autumn conversation"]).status == .seeOther)
            #expect(try await officer.post(base + "/plan", form: ["csrf": csrf, "year": String(year)]).status == .seeOther)
            let planned = try await PlanActivityRecord.query(on: app.db).filter(\.$establishment.$id == record.id!).all()
            // Category 1: three CMO visits, one a term.
            #expect(planned.map(\.term).sorted() == ["autumn", "spring", "summer"])
            #expect(planned.allSatisfy { $0.unit == "visits" && $0.amount == 1 && $0.category == "1" })
            let again = try await officer.post(base + "/plan", form: ["csrf": csrf, "year": String(year)])
            #expect(again.status == .unprocessableEntity)
            #expect(try await PlanActivityRecord.query(on: app.db).count() == 3)

            // Move the summer visit to spring 2, with a reason: the row is withdrawn, its copy added.
            let summer = try #require(planned.first { $0.term == "summer" })
            let noReason = try await officer.post(base + "/move", form: ["csrf": csrf, "year": String(year), "item": summer.id!.uuidString, "term": "spring2"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await officer.post(base + "/move", form: ["csrf": csrf, "year": String(year), "item": summer.id!.uuidString,
                                                                   "term": "spring2", "reason": "Before the SATs"]).status == .seeOther)
            let moved = try await PlanActivityRecord.query(on: app.db).filter(\.$establishment.$id == record.id!).all()
            #expect(moved.count == 4)
            #expect(moved.first { $0.id == summer.id }?.withdrawnReason?.contains("Before the SATs") == true)
            #expect(moved.contains { $0.term == "spring2" && $0.origin == .moved && $0.withdrawnAt == nil })

            // An agreed extra visit takes the plan over the framework's three: a warning.
            #expect(try await officer.post(base + "/extra", form: ["csrf": csrf, "year": String(year), "activity": "Additional CMO visit",
                                                                    "term": "autumn", "amount": "1", "unit": "visits",
                                                                    "reason": "New headteacher"]).status == .seeOther)
            let page = try await officer.get(base + "?year=\(year)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("over the framework"))
            #expect(page.body.string.contains("4 visits planned against 3"))

            // Log a visit against the autumn activity; bad input first stores nothing.
            let autumn = try #require(moved.first { $0.term == "autumn" && $0.withdrawnAt == nil })
            let adviser = try #require(try await User.query(on: app.db).filter(\.$email == "officer@northbridge.example").first())
            let today = Day(app.sift.settings.now())
            let bad = try await officer.post(base + "/delivered", form: ["csrf": csrf, "year": String(year), "date": "31/02/2024", "kind": "visit",
                                                                          "adviser": adviser.id!.uuidString, "outcome": ""])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Enter the date it took place"))
            #expect(bad.body.string.contains("Enter the outcome"))
            #expect(try await SupportRecord.query(on: app.db).count() == 0)
            #expect(try await officer.post(base + "/delivered", form: ["csrf": csrf, "year": String(year), "date": today.description, "kind": "visit",
                                                                        "item": autumn.id!.uuidString, "adviser": adviser.id!.uuidString,
                                                                        "notes": "Reading leads observed in Year 4", "outcome": "Phonics actions agreed"]).status == .seeOther)
            let after = try await officer.get(base + "?year=\(year)").body.string
            #expect(after.contains("Reading leads observed in Year 4"))
            let yearPage = try await officer.get("/support?year=\(year)").body.string
            #expect(yearPage.contains(adviser.name))
            #expect(yearPage.contains("Delivered: 1 visits"))

            // The school sees that the visit took place, but not its notes until they are shared.
            let school = Browser(app)
            _ = try await school.signIn("school@northbridge.example", accounts.password("school@northbridge.example"))
            let unshared = try await school.get(base).body.string
            #expect(unshared.contains("Notes not shared"))
            #expect(!unshared.contains("Reading leads observed"))
            #expect(!unshared.contains("Record it"))
            let delivered = try #require(try await SupportRecord.query(on: app.db).first())
            #expect(try await school.post(base + "/share", form: ["csrf": Browser.csrf(in: unshared) ?? "", "record": delivered.id!.uuidString]).status == .notFound)
            #expect(try await officer.post(base + "/share", form: ["csrf": csrf, "year": String(year),
                                                                    "record": delivered.id!.uuidString]).status == .seeOther)
            #expect(try await school.get(base).body.string.contains("Reading leads observed in Year 4"))
            #expect(try await school.get("/support").status == .notFound)
            let actions = try await AuditEntry.query(on: app.db).all().map(\.action)
            for action in ["plan_created", "plan_activity_moved", "plan_extra_added", "support_delivered", "support_notes_shared"] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }

    @Test("every establishment whose category is agreed gets its plan in one go, and none twice")
    func planEveryAgreed() async throws {
        try await withSift { app, accounts in
            let (officer, csrf, year, records) = try await Browser.officerWithYearProposed(app, accounts, authority: "ironbury")
            for record in records.prefix(3) {
                #expect(try await officer.post("/runs/\(year)/\(record.urn)", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)
            }
            // One is planned by hand first: it is not planned again.
            #expect(try await officer.post("/establishments/\(records[0].urn)/support/plan", form: ["csrf": csrf, "year": String(year)]).status == .seeOther)
            let byHand = try await PlanActivityRecord.query(on: app.db).count()
            let made = try await officer.post("/support/plan", form: ["csrf": csrf, "year": String(year)])
            #expect(made.status == .seeOther)
            #expect(made.headers.first(name: .location)?.contains("2%20plans") == true)
            let planned = try await PlanActivityRecord.query(on: app.db).all()
            #expect(Set(planned.map(\.$establishment.id)) == Set(records.prefix(3).map(\.id!)))
            #expect(planned.filter { $0.$establishment.id == records[0].id }.count == byHand)
            // Each plan is Wolverhampton's annex 2 plan for the agreed category, in days.
            for record in records.dropFirst().prefix(2) {
                let rows = planned.filter { $0.$establishment.id == record.id }
                #expect(!rows.isEmpty && rows.allSatisfy { $0.unit == "days" && $0.category == record.proposedCategory })
            }
            let page = try await officer.get("/support?year=\(year)").body.string
            #expect(page.contains("3 establishments with support planned or delivered"))
        }
    }

    @Test("an in-year change of category re-plans the rest of the year and keeps what was planned before")
    func replanOnChange() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let year = Runs.academicYear(of: app.sift.settings.now())
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first())
            // A maintained school: Coventry's Category 1 is for maintained schools only.
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == northbridge.requireID())
                .filter(\.$proposedCategory == "4").all().first { EstablishmentKind(rawValue: $0.kind)?.isMaintained == true })
            #expect(try await officer.post("/runs/\(year)/\(record.urn)", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)
            #expect(try await officer.post("/establishments/\(record.urn)/support/plan", form: ["csrf": csrf, "year": String(year)]).status == .seeOther)
            #expect(try await PlanActivityRecord.query(on: app.db).filter(\.$establishment.$id == record.id!).count() == 1)
            #expect(try await officer.post("/establishments/\(record.urn)/recategorise",
                                           form: ["csrf": csrf, "category": "1", "reason": "Inadequate at inspection"]).status == .seeOther)
            let rows = try await PlanActivityRecord.query(on: app.db).filter(\.$establishment.$id == record.id!).all()
            let today = Day(app.sift.settings.now())
            let inForce = rows.filter { $0.withdrawnAt == nil }
            // Every activity of category 1 in a part of the year from today on is added; none before it.
            for row in inForce where row.origin == .replanned {
                #expect(row.category == "1")
                #expect((PlanTerm(rawValue: row.term)?.start(in: year))! >= today)
            }
            #expect(rows.allSatisfy { $0.withdrawnAt == nil || $0.withdrawnReason?.contains("Re-planned") == true })
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "plan_replanned").count() == 1)
        }
    }
}
}
