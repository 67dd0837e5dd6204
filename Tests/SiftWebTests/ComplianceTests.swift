import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Compliance dashboard (Wolverhampton, Annex 5)")
struct ComplianceTests {
    func ironbury(_ app: Application) async throws -> UUID {
        try #require(try await Authority.query(on: app.db).filter(\.$code == "ironbury").first()).requireID()
    }

    @Test("an officer's checks are appended, the latest in force and coloured, an old one stale; the school sees its own only")
    func dashboard() async throws {
        let clock = TestClock()
        try await withSift(clock: clock) { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@ironbury.example", accounts.password("officer@ironbury.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/").body.string))
            let urn = try #require(try await User.query(on: app.db).filter(\.$email == "school@ironbury.example").first()?.establishmentURN)
            let path = "/establishments/\(urn)/compliance"

            // Bad input stores nothing and names each problem.
            let bad = try await officer.post(path, form: ["csrf": csrf, "item": "budget", "status": "purple", "checked": "soon"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Choose the status: red, amber or green"))
            #expect(bad.body.string.contains("Enter the date it was checked"))
            let future = try await officer.post(path, form: ["csrf": csrf, "item": "website", "status": "green", "checked": "2099-01-01"])
            #expect(future.status == .unprocessableEntity)
            #expect(try await ComplianceCheckRecord.query(on: app.db).count() == 0)

            #expect(try await officer.post(path, form: ["csrf": csrf, "item": "budget", "status": "green", "checked": "2025-09-01",
                                                         "note": "Surplus £10,000"]).status == .seeOther)
            clock.advance(by: 60)
            #expect(try await officer.post(path, form: ["csrf": csrf, "item": "budget", "status": "red", "checked": "2025-10-01",
                                                         "note": "Deficit £40,000"]).status == .seeOther)
            #expect(try await officer.post(path, form: ["csrf": csrf, "item": "website", "status": "amber", "checked": "2024-06-30",
                                                         "note": "Pupil premium statement missing"]).status == .seeOther)
            let html = try await officer.get(path).body.string
            #expect(html.contains("govuk-tag govuk-tag--red\">Red"))
            #expect(html.contains("Deficit £40,000") && html.contains("Surplus £10,000"))  // in force, and in the history
            #expect(html.contains("Website compliant?"))
            #expect(html.contains("2024-06-30 <strong class=\"govuk-tag govuk-tag--yellow\">Stale"))
            #expect(!html.contains("2025-10-01 <strong class=\"govuk-tag govuk-tag--yellow\">Stale"))
            #expect(html.contains("1 red, 1 amber, 0 green; 1 stale"))
            #expect(try await ComplianceCheckRecord.query(on: app.db).count() == 3)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "compliance_checked").count() == 3)

            // The school sees its own dashboard, not another's, and changes nothing.
            let other = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == (try await ironbury(app)))
                .filter(\.$urn != urn).first())
            let school = Browser(app)
            _ = try await school.signIn("school@ironbury.example", accounts.password("school@ironbury.example"))
            let own = try await school.get(path)
            #expect(own.status == .ok && own.body.string.contains("Deficit £40,000"))
            #expect(!own.body.string.contains("Record the check"))
            #expect(try await school.get("/establishments/\(other.urn)/compliance").status == .notFound)
            let schoolCSRF = try #require(Browser.csrf(in: own.body.string))
            #expect(try await school.post(path, form: ["csrf": schoolCSRF, "item": "budget", "status": "green", "checked": "2025-10-01"]).status == .notFound)
            let stranger = Browser(app)
            _ = try await stranger.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            #expect(try await stranger.get(path).status == .notFound)
            #expect(try await ComplianceCheckRecord.query(on: app.db).count() == 3)
        }
    }

    @Test("a file of checks is stored whole, or refused with every bad row named by line and nothing stored")
    func importFile() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@ironbury.example", accounts.password("officer@ironbury.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/compliance/import").body.string))
            let authorityID = try await ironbury(app)
            let urns = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == authorityID).sort(\.$urn).all().map(\.urn)
            let foreign = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id != authorityID).first()).urn

            let bad = "urn,item,status,checked,note\n\(urns[0]),budget,green,2025-09-01,ok\n\(foreign),budget,green,2025-09-01,\n"
                + "\(urns[1]),Website compliant?,blue,2025-09-01,\n\(urns[1]),rating,green,2025-09-01,\n\(urns[0]),BUDGET,red,2025-09-02,\n"
            let refused = try await officer.upload("/compliance/import", form: ["csrf": csrf], file: ("file", "checks.csv", bad))
            #expect(refused.status == .unprocessableEntity)
            let text = refused.body.string
            #expect(text.contains("Nothing was imported: 4 problems"))
            #expect(text.contains("Line 3, urn: no establishment of this authority has the URN \(foreign)"))
            #expect(text.contains("Line 4, status"))
            #expect(text.contains("Line 5, item") && text.contains("read from the establishment"))
            #expect(text.contains("Line 6, item") && text.contains("is on line 2 too"))
            #expect(try await ComplianceCheckRecord.query(on: app.db).count() == 0)

            let good = "URN,Item,Status,Checked,Note\n\(urns[0]),budget,G,2025-09-01,Surplus 1.2%\n"
                + "\(urns[1]),Confirmation of SCR & Vetting checks,amber,2025-09-15,\"Two checks, late\"\n"
            let stored = try await officer.upload("/compliance/import", form: ["csrf": csrf], file: ("file", "checks.csv", good))
            #expect(stored.status == .seeOther)
            #expect(try await ComplianceCheckRecord.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "compliance_imported").count() == 1)
            let page = try await officer.get("/establishments/\(urns[1])/compliance").body.string
            #expect(page.contains("Two checks, late") && page.contains("Imported from checks.csv"))

            let reader = Browser(app)
            _ = try await reader.signIn("reader@ironbury.example", accounts.password("reader@ironbury.example"))
            #expect(try await reader.get("/compliance/import").status == .notFound)
            #expect(try await reader.get("/establishments/\(urns[1])/compliance").status == .ok)
        }
    }
}
}
