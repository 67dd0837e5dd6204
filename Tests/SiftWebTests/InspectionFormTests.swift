import Fluent
import Foundation
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Adding an inspection")
struct InspectionFormTests {
    @Test("bad input gets the error summary and saves nothing; good input is added and the proposal follows it")
    func addInspection() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            let before = try await EvidenceStore.text(for: record, on: app.db)
            let form = try await officer.get("/establishments/200003/inspections/new")
            #expect(form.status == .ok)
            let csrf = try #require(Browser.csrf(in: form.body.string))
            // Missing fields, then a date that is not a date, then a contradiction: each refused, nothing saved.
            let empty = try await officer.post("/establishments/200003/inspections/new", form: ["csrf": csrf])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Enter the date of the inspection"))
            let badDate = try await officer.post("/establishments/200003/inspections/new",
                                                 form: ["csrf": csrf, "date": "31/02/2023", "framework": "graded", "overallEffectiveness": "2"])
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.body.string.contains("Expected a date (yyyy-mm-dd)"))
            let contradiction = try await officer.post("/establishments/200003/inspections/new",
                                                       form: ["csrf": csrf, "date": "2024-03-01", "framework": "graded", "overallEffectiveness": "2",
                                                              "categoryOfConcern": "special_measures"])
            #expect(contradiction.status == .unprocessableEntity)
            #expect(try await EvidenceStore.text(for: record, on: app.db) == before)
            // A valid inspection in special measures: added, and the proposal moves to Category 1.
            let added = try await officer.post("/establishments/200003/inspections/new",
                                               form: ["csrf": csrf, "date": "2024-03-01", "framework": "graded", "overallEffectiveness": "4",
                                                      "leadershipAndManagement": "4", "categoryOfConcern": "special_measures"])
            #expect(added.status == .seeOther)
            let after = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            #expect(after.proposedCategory == "1")
            #expect(try await EvidenceStore.text(for: after, on: app.db).contains("special_measures"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "evidence_changed").count() == 1)
        }
    }
}
}
