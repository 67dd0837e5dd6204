import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Partnership: opting out of support, and areas of strength (Coventry)")
struct PartnershipTests {
    @Test("opting out needs the date the school was told the reasons, sets the evidence and the entitlements, and opting back in undoes it")
    func optOut() async throws {
        let clock = TestClock()
        try await withSift(clock: clock) { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/").body.string))
            let urn = try #require(try await User.query(on: app.db).filter(\.$email == "school@northbridge.example").first()?.establishmentURN)
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == urn).first())
            let path = "/establishments/\(urn)/partnership/opt-out"

            let untold = try await officer.post(path, form: ["csrf": csrf, "choice": "out", "reason": "Disagrees with the categorisation"])
            #expect(untold.status == .unprocessableEntity)
            #expect(untold.body.string.contains("Enter the date governors or trustees and leaders were told the reasons"))
            let notOut = try await officer.post(path, form: ["csrf": csrf, "choice": "in", "reason": "Back"])
            #expect(notOut.status == .unprocessableEntity)
            #expect(try await SupportOptOutRecord.query(on: app.db).count() == 0)
            #expect(!(try await EvidenceStore.text(for: record, on: app.db)).contains("optedOut"))

            #expect(try await officer.post(path, form: ["csrf": csrf, "choice": "out", "toldOn": "2025-09-20", "fundingReview": "yes",
                                                         "reason": "Disagrees with the categorisation"]).status == .seeOther)
            #expect(try await EvidenceStore.text(for: record, on: app.db).contains("\"optedOut\":true"))
            let school = Browser(app)
            _ = try await school.signIn("school@northbridge.example", accounts.password("school@northbridge.example"))
            let page = try await school.get("/establishments/\(urn)").body.string
            #expect(page.contains("Opted out of support: governors and leaders are told the reasons"))  // the framework's entitlement
            #expect(page.contains("told the reasons for the support offered on 2025-09-20"))
            #expect(try await school.get("/establishments/\(urn)/support").body.string.contains("opted out of support on"))
            let own = try await school.get("/establishments/\(urn)/partnership")
            #expect(own.status == .ok && own.body.string.contains("Its network funding is to be reviewed"))
            #expect(try await school.post(path, form: ["csrf": try #require(Browser.csrf(in: own.body.string)), "choice": "in", "reason": "x"]).status == .notFound)

            clock.advance(by: 60)
            #expect(try await officer.post(path, form: ["csrf": csrf, "choice": "in", "reason": "Agreed the plan with governors"]).status == .seeOther)
            #expect(!(try await EvidenceStore.text(for: record, on: app.db)).contains("optedOut"))
            let after = try await officer.get("/establishments/\(urn)/partnership").body.string
            #expect(after.contains("The school takes part in the support offered.") && after.contains("Opted back in") && after.contains("Opted out"))
            #expect(!(try await officer.get("/establishments/\(urn)").body.string.contains("Opted out of support: governors")))
            let actions = try await AuditEntry.query(on: app.db).all().map(\.action)
            #expect(actions.contains("support_opted_out") && actions.contains("support_opted_in") && actions.contains("evidence_changed"))
        }
    }

    @Test("strengths are recorded and withdrawn by appending, and found in the authority's directory by anyone of it")
    func strengths() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/").body.string))
            let schoolURN = try #require(try await User.query(on: app.db).filter(\.$email == "school@northbridge.example").first()?.establishmentURN)
            let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first()).requireID()
            let other = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == northbridge)
                .filter(\.$urn != schoolURN).sort(\.$urn).first())
            let path = "/establishments/\(other.urn)/partnership/strengths"

            let bad = try await officer.post(path, form: ["csrf": csrf, "area": "Juggling", "detail": "", "via": "nowhere"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Choose the area of strength") && bad.body.string.contains("Choose how the strength was identified"))
            #expect(try await officer.post(path, form: ["csrf": csrf, "area": "other", "otherArea": "", "detail": "x", "via": "cmo"]).status == .unprocessableEntity)
            #expect(try await StrengthRecord.query(on: app.db).count() == 0)

            #expect(try await officer.post(path, form: ["csrf": csrf, "area": "Phonics and early reading", "detail": "Leads phonics training",
                                                         "via": "directory"]).status == .seeOther)
            #expect(try await officer.post(path, form: ["csrf": csrf, "area": "other", "otherArea": "Outdoor learning",
                                                         "detail": "Forest school for networks", "via": "network"]).status == .seeOther)

            let school = Browser(app)
            _ = try await school.signIn("school@northbridge.example", accounts.password("school@northbridge.example"))
            let all = try await school.get("/strengths").body.string
            #expect(all.contains("2 areas of strength found") && all.contains("Leads phonics training") && all.contains("Forest school"))
            #expect(!all.contains("href=\"/establishments/\(other.urn)/partnership\""))  // another school's page is not theirs to open
            let phonics = try await school.get("/strengths?q=PHONICS&area=").body.string
            #expect(phonics.contains("1 areas of strength found") && !phonics.contains("Forest school"))
            let outdoor = try await school.get("/strengths?q=&area=Outdoor%20learning").body.string
            #expect(outdoor.contains("Forest school") && !outdoor.contains("Leads phonics training"))
            #expect(try await school.get("/establishments/\(other.urn)/partnership").status == .notFound)

            let stranger = Browser(app)
            _ = try await stranger.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            #expect(try await stranger.get("/strengths").body.string.contains("0 areas of strength found"))

            let strength = try #require(try await StrengthRecord.query(on: app.db).filter(\.$area == "Outdoor learning").first())
            let withdraw = "/establishments/\(other.urn)/partnership/strengths/withdraw"
            #expect(try await officer.post(withdraw, form: ["csrf": csrf, "strength": strength.id!.uuidString, "reason": ""]).status == .unprocessableEntity)
            #expect(try await officer.post(withdraw, form: ["csrf": csrf, "strength": strength.id!.uuidString, "reason": "Staff left"]).status == .seeOther)
            #expect(try await StrengthRecord.query(on: app.db).count() == 2)
            #expect(!(try await school.get("/strengths").body.string.contains("Forest school")))
            #expect(try await officer.get("/establishments/\(other.urn)/partnership").body.string.contains("withdrawn"))
            let actions = try await AuditEntry.query(on: app.db).all().map(\.action)
            #expect(actions.filter { $0 == "strength_recorded" }.count == 2 && actions.contains("strength_withdrawn"))

            // Fifty to a page.
            for number in 1...50 {
                let extra = StrengthRecord()
                extra.$authority.id = northbridge
                extra.$establishment.id = try other.requireID()
                extra.area = "Attendance"
                extra.detail = "Attendance offer \(number)"
                extra.identifiedVia = "Network Leads"
                extra.recordedAt = Date()
                try await extra.save(on: app.db)
            }
            let first = try await school.get("/strengths").body.string
            #expect(first.contains("51 areas of strength found") && first.contains("Page 1 of 2") && first.contains("page=2"))
            #expect(try await school.get("/strengths?page=2").body.string.contains("Page 2 of 2"))
        }
    }
}
}
