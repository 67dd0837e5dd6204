import Fluent
import Foundation
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// A proposal that unknown facts leave open is shown as undetermined, never as a category;
/// it cannot be agreed, only decided with a reason, and the year is not confirmed (nor a
/// letter issued) until it is.
@Suite("Undetermined proposals")
struct UndeterminedTests {
    static let evidence = """
        {"establishments": [
          {"urn": "700001", "name": "Known Primary", "kind": "community", "phase": "primary",
           "headteacher": {"startDate": "2010-09-01"},
           "inspections": [{"date": "2022-03-01", "framework": "graded", "overallEffectiveness": 3, "leadershipAndManagement": 2}],
           "local": {"risk": "none"}},
          {"urn": "700002", "name": "Open Primary", "kind": "community", "phase": "primary",
           "headteacher": {"startDate": "2010-09-01"},
           "inspections": [{"date": "2022-03-01", "framework": "graded", "overallEffectiveness": 2, "leadershipAndManagement": 2}]}
        ]}
        """

    @Test("the page, the list and the review say undetermined and what would decide it; agreeing is refused; deciding with a reason lets the year be confirmed")
    func undetermined() async throws {
        try await withSift { app, _ in
            try await Accounts.createAuthority(code: "openshire", name: "Openshire", frameworkID: "coventry-2023", on: app)
            let path = NSTemporaryDirectory() + "sift-open-\(UUID().uuidString).json"
            try Self.evidence.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try await EvidenceImport.load(path: path, authorityCode: "openshire", on: app)
            let password = try await Accounts.createUser(authorityCode: "openshire", email: "officer@openshire.example", name: "Officer",
                                                         role: "officer", establishmentURN: nil, network: nil, on: app)
            let officer = Browser(app)
            _ = try await officer.signIn("officer@openshire.example", password)

            let page = try await officer.get("/establishments/700002").body.string
            #expect(page.contains("Undetermined") && page.contains("id=\"undetermined\"") && page.contains("la.risk"))
            #expect(try await officer.get("/establishments?q=Open").body.string.contains("Undetermined"))

            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let year = Runs.academicYear(of: app.sift.settings.now())
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            let review = try await officer.get("/runs/\(year)").body.string
            #expect(review.contains("Undetermined: "))

            let decision = try await officer.get("/runs/\(year)/700002").body.string
            #expect(decision.contains("The framework proposes no category") && decision.contains("id=\"undetermined\""))
            #expect(!decision.contains("name=\"action\" value=\"agree\""))
            let agreed = try await officer.post("/runs/\(year)/700002", form: ["csrf": csrf, "action": "agree"])
            #expect(agreed.status == .unprocessableEntity && agreed.body.string.contains("There is no proposal to agree"))

            // The other school agreed; the year still cannot be confirmed.
            #expect(try await officer.post("/runs/\(year)/700001", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)
            _ = try await officer.post("/runs/\(year)/confirm", form: ["csrf": csrf])
            #expect(try await LetterRecord.query(on: app.db).count() == 0)
            #expect(try await officer.post("/runs/\(year)/700002", form: ["csrf": csrf, "action": "override", "category": "4",
                                                                        "reason": "The school judges its own risk as low; agreed at the visit"]).status == .seeOther)
            #expect(try await officer.post("/runs/\(year)/confirm", form: ["csrf": csrf]).status == .seeOther)
            #expect(try await LetterRecord.query(on: app.db).count() == 2)
        }
    }
}
}
