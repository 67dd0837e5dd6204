import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// An authority running a primary framework and another for what it does not cover: each
/// establishment is proposed, decided and checked under the framework that covers it.
@Suite("An authority with two frameworks")
struct TwoFrameworksTests {
    @Test("Surrey's real all-phases file under Coventry's primary framework and Hackney's for the rest: secondaries are Hackney's, primaries Coventry's, and the decision form offers each its own categories")
    func primaryAndSecondary() async throws {
        try await withSift { app, _ in
            try await Accounts.createAuthority(code: "surrey", name: "Surrey", frameworkID: "coventry-2023, hackney-2023", on: app)
            await #expect(throws: Abort.self) { try await Accounts.createAuthority(code: "twice", name: "Twice", frameworkID: "coventry-2023,coventry-2023", on: app) }
            let report = try await PublicDataImport.gias(path: RealFilesImportTests.realdata + "/gias/2021-936-gias-allfields.csv", authorityCode: "surrey",
                                                         laCodes: ["936"], dryRun: false, on: app)
            #expect(report.stored)
            let surrey = try #require(try await Authority.query(on: app.db).filter(\.$code == "surrey").first())
            #expect(surrey.frameworkIDs == ["coventry-2023", "hackney-2023"])
            let records = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == surrey.requireID()).all()
            let secondaries = records.filter { $0.phase == "secondary" && $0.closed == nil }
            let primaries = records.filter { $0.phase == "primary" && $0.closed == nil && EstablishmentKind(rawValue: $0.kind)?.isMaintained == true }
            #expect(!secondaries.isEmpty && !primaries.isEmpty)
            #expect(secondaries.allSatisfy { $0.notCovered == nil }, "Hackney's framework covers every phase")

            let officer = try await RealFilesImportTests.officer(of: "surrey", on: app)
            let secondary = try #require(secondaries.first), primary = try #require(primaries.first)
            let secondaryForm = try await officer.get("/establishments/\(secondary.urn)/recategorise").body.string
            #expect(secondaryForm.contains("Enhanced – Enhanced Support") && !secondaryForm.contains("SIB School"))
            let primaryForm = try await officer.get("/establishments/\(primary.urn)/recategorise").body.string
            #expect(primaryForm.contains("1 – SIB School") && !primaryForm.contains("Enhanced Support"))
            // Each decision is checked against the covering framework's own categories.
            let csrf = try #require(Browser.csrf(in: secondaryForm))
            #expect(try await officer.post("/establishments/\(secondary.urn)/recategorise", form: ["csrf": csrf, "category": "1", "reason": "r"]).status == .unprocessableEntity)
            #expect(try await officer.post("/establishments/\(secondary.urn)/recategorise", form: ["csrf": csrf, "category": "Enhanced", "reason": "Agreed with the head"]).status == .seeOther)
            #expect(try await EstablishmentRecord.find(secondary.requireID(), on: app.db)?.currentCategory == "Enhanced")
        }
    }
}
}
