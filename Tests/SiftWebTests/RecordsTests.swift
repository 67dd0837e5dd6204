import Fluent
import Foundation
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Decisions and the audit log")
struct RecordsTests {
    @Test("decisions export as CSV with their reasons, defused against formula injection")
    func decisionsCSV() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@wealdshire.example", accounts.password("officer@wealdshire.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/").body.string))
            #expect(try await officer.post("/establishments/210000/recategorise",
                                           form: ["csrf": csrf, "category": "3C", "reason": "=HYPERLINK(\"x\")"]).status == .seeOther)
            let csv = try await officer.get("/decisions.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.contains("210000"))
            #expect(csv.body.string.contains("in_year_change"))
            #expect(csv.body.string.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        }
    }

    @Test("administrators read and filter their authority's audit log; no one else does")
    func auditLog() async throws {
        try await withSift { app, accounts in
            let admin = Browser(app)
            _ = try await admin.signIn("admin@fenmoor.example", accounts.password("admin@fenmoor.example"))
            _ = try await Browser(app).signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            _ = try await Browser(app).signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let log = try await admin.get("/audit")
            #expect(log.status == .ok)
            #expect(log.body.string.contains("officer@fenmoor.example"))
            #expect(!log.body.string.contains("officer@northbridge.example"))
            let filtered = try await admin.get("/audit?user=admin@")
            #expect(filtered.body.string.contains("admin@fenmoor.example"))
            #expect(!filtered.body.string.contains("officer@fenmoor.example"))
            let officer = Browser(app)
            _ = try await officer.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            #expect(try await officer.get("/audit").status == .notFound)
        }
    }
}
}
