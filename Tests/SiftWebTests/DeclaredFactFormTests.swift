import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("The framework's own facts on the evidence form")
struct DeclaredFactFormTests {
    @Test("an officer enters a fact the framework declares like any other: offered with its label, checked, kept beside the other named facts")
    func declaredFactEntered() async throws {
        try await withSift { app, accounts in
            // Fenmoor works to Milton Keynes' framework, which declares an academy order among others.
            let officer = Browser(app)
            _ = try await officer.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            let path = "/establishments/220001/evidence/authority"
            let form = try await officer.get(path)
            #expect(form.status == .ok)
            let page = form.body.string
            #expect(page.contains("What the framework asks the authority to record"))
            #expect(page.contains("An academy order has been made for the school"))
            #expect(page.contains("Not recorded (reads as no)"))
            let csrf = try #require(Browser.csrf(in: page))
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "220001").first())
            let before = try await EvidenceStore.text(for: record, on: app.db)
            let wrong = try await officer.post(path, form: ["csrf": csrf, "own_academy_order": "perhaps"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Choose yes or no for an academy order has been made for the school"))
            #expect(try await EvidenceStore.text(for: record, on: app.db) == before)

            let saved = try await officer.post(path, form: ["csrf": csrf, "own_academy_order": "yes"])
            #expect(saved.status == .seeOther)
            let evidence = try await Proposals.establishment(record, on: app.db)
            #expect(evidence.local.other["academy_order"] == .bool(true))
            let again = try await officer.get(path)
            #expect(again.body.string.contains("<option value=\"yes\" selected"))
            await app.sift.background.waitForAll()
            // With an academy order the school is LA4, and the page says why in words.
            let establishment = try await officer.get("/establishments/220001")
            #expect(establishment.body.string.contains("An academy order has been made for the school."))
        }
    }

    @Test("the data trend is worked out from the results and shown with its figures; an officer's trend overrides it only with a reason")
    func trendOverride() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            let path = "/establishments/220001/evidence/authority"
            let form = try await officer.get(path)
            #expect(form.body.string.contains("Worked out from the results:"))
            let csrf = try #require(Browser.csrf(in: form.body.string))
            let noReason = try await officer.post(path, form: ["csrf": csrf, "trend": "improving"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("Say why the authority records this data trend"))
            let saved = try await officer.post(path, form: ["csrf": csrf, "trend": "improving", "trendReason": "The current Year 6 assessments show a rise"])
            #expect(saved.status == .seeOther)
            await app.sift.background.waitForAll()
            let page = try await officer.get("/establishments/220001")
            #expect(page.body.string.contains("Worked out from the results:"))
            #expect(page.body.string.contains("The authority recorded improving instead because the current Year 6 assessments show a rise, and that stands."))
        }
    }
}
}
