import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// A framework categorises only what it covers (docs/framework-format.md, "phases and kinds").
@Suite("What a framework covers")
struct ScopeTests {
    @Test("a secondary school and a childminder under Coventry's primary framework are not covered: no proposal, and the review counts them")
    func notCovered() async throws {
        try await withSift { app, accounts in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("northbridge-\(UUID().uuidString).json").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            try Data("""
            { "establishments": [
              { "urn": "209901", "name": "Northbridge High", "kind": "community", "phase": "secondary",
                "inspections": [ { "date": "2023-03-01", "framework": "graded", "overallEffectiveness": 4, "leadershipAndManagement": 4 } ] },
              { "urn": "EY209902", "name": "A Northbridge Childminder", "kind": "childminder", "phase": "nursery" } ] }
            """.utf8).write(to: URL(fileURLWithPath: file))
            _ = try await EvidenceImport.load(path: file, authorityCode: "northbridge", on: app)
            let high = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "209901").first())
            #expect(high.proposedCategory == nil && high.notCovered?.contains("primary phase only") == true)

            let (officer, _, year, _) = try await Browser.officerWithYearProposed(app, accounts, authority: "northbridge")
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$establishment.$id == high.requireID()).count() == 0)
            let review = try await officer.get("/runs/\(year)").body.string
            #expect(review.contains("2 establishments are not covered by the framework or have closed, so have no proposal"))
            #expect(review.contains("Northbridge High (URN 209901): Coventry primary categorisation 2023/24 is for the primary phase only; this establishment&#39;s phase is secondary."))
            let page = try await officer.get("/establishments/209901").body.string
            #expect(page.contains("Not covered by the framework"))
            #expect(!page.contains("Category 1 –"))
            // No person can give it a category under the framework either.
            let csrf = try #require(Browser.csrf(in: try await officer.get("/establishments/209901/recategorise").body.string))
            let change = try await officer.post("/establishments/209901/recategorise", form: ["csrf": csrf, "category": "1", "reason": "Inadequate"])
            #expect(change.status == .unprocessableEntity && change.body.string.contains("It cannot be given a category under it."))
            let childminder = try await officer.get("/establishments/EY209902").body.string
            #expect(childminder.contains("is for schools; this is a childminder."))
        }
    }
}
}
