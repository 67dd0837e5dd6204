import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Importing the authority's evidence")
struct LocalEvidenceImportTests {
    @Test("a CSV of the authority's evidence, the framework's own facts included, is stored whole or not at all")
    func importWholeOrNothing() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            let page = try await officer.get("/evidence/import")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("academy_order"))
            let csrf = try #require(Browser.csrf(in: page.body.string))
            let records = try await EstablishmentRecord.query(on: app.db).filter(\.$urn ~~ ["220001", "220002"]).all()
            var before: [String] = []
            for record in records { before.append(try await EvidenceStore.text(for: record, on: app.db)) }

            let bad = "urn,trnd,risk,academy_order,previous_category\n220001,,at risk,perhaps,\n220002,,very high,no,9\n999999,,,,\n"
            let refused = try await officer.upload("/evidence/import", form: ["csrf": csrf], file: (name: "file", filename: "evidence.csv", contents: bad))
            #expect(refused.status == .unprocessableEntity)
            let text = refused.body.string
            #expect(text.contains("Nothing was imported"))
            #expect(text.contains("did you mean trend?"))
            #expect(text.contains("Line 2") && text.contains("choose yes or no for an academy order"))
            #expect(text.contains("not a value of risk"))
            #expect(text.contains("9&#39; is not a category of Milton Keynes"))
            #expect(text.contains("no establishment of this authority has the URN 999999"))
            var after: [String] = []
            for record in records { after.append(try await EvidenceStore.text(for: record, on: app.db)) }
            #expect(after == before)

            let noReason = try await officer.upload("/evidence/import", form: ["csrf": csrf], file: (name: "file", filename: "evidence.csv", contents: "urn,trend\n220001,sharp decline\n"))
            #expect(noReason.body.string.contains("give trend_reason"))

            let good = "urn,trend,trend_reason,risk,academy_order,previous_category\n220001,sharp decline,Teacher assessments fell,at risk,yes,\n220002,,,none,no,2\n"
            let done = try await officer.upload("/evidence/import", form: ["csrf": csrf], file: (name: "file", filename: "evidence.csv", contents: good))
            #expect(done.status == .seeOther)
            let first = try await Proposals.establishment(try #require(records.first { $0.urn == "220001" }), on: app.db)
            #expect(first.local.trend == .sharpDecline && first.local.risk == .atRisk && first.local.other["academy_order"] == .bool(true))
            let second = try await Proposals.establishment(try #require(records.first { $0.urn == "220002" }), on: app.db)
            #expect(second.local.risk == LocalEvidence.Risk.none && second.local.other["academy_order"] == .bool(false))
            #expect(second.local.previousCategory == "2")
            // The proposal follows: an academy order is LA4.
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "220001").first()?.proposedCategory == "4")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "evidence_imported").count() == 1)
        }
    }
}
}
