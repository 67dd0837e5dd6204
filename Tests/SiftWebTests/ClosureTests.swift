import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// Closed schools leave the year from their close date, on the real GIAS file: its April 2022
/// extract gives Thames Ditton Junior School (URN 124967) as "Open, but proposed to close" on
/// 31 May 2022, and 368 establishments as closed.
@Suite("Closures from GIAS")
struct ClosureTests {
    static let thamesDitton = "124967"

    @Test("a school GIAS closes is proposed while open, funded to the day before it closes, then leaves the year with nothing to decide")
    func closesDuringTheYear() async throws {
        let clock = TestClock()
        clock.advance(by: 1_633_046_400 - clock.now.timeIntervalSince1970)   // 1 October 2021
        try await withSift(clock: clock) { app, _ in
            try await RealFilesImportTests.authority("surrey", la: "936", on: app)
            let password = try await Accounts.createUser(authorityCode: "surrey", email: "officer@surrey.example", name: "Officer",
                                                         role: "officer", establishmentURN: nil, network: nil, on: app)
            let officer = Browser(app)
            _ = try await officer.signIn("officer@surrey.example", password)
            let school = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == Self.thamesDitton).first())
            // Open on the day: proposed (undetermined, with no inspections or results imported yet).
            #expect(school.closed == "2022-05-31" && school.notCovered == nil && school.undetermined != nil)
            // The two proposed to close are the only ones open on the day of the download; those GIAS lists as
            // closed already are added only where a school the authority keeps replaced them.
            let closing = try await EstablishmentRecord.query(on: app.db).filter(\.$closed > "2022-04-20").all()
            #expect(closing.map(\.urn).sorted() == [Self.thamesDitton, "130397"])

            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let year = 2022
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            #expect(try await officer.post("/runs/\(year)/\(Self.thamesDitton)", form: ["csrf": csrf, "action": "override", "category": "4",
                                                                                    "reason": "No concerns"]).status == .seeOther)
            // Funding runs from 1 September to 30 May: 272 of the year's 365 days.
            let lines = try FundingTests().rows(try await officer.get("/funding.csv?year=\(year)").body.string).filter { $0[0] == Self.thamesDitton }
            #expect(!lines.isEmpty && lines.allSatisfy { $0[8] == "2022-05-30" && $0[9] == "272" }, "\(lines)")

            // After 31 May, the school is no longer proposed, and the year can be confirmed without it.
            clock.advance(by: 1_655_251_200 - clock.now.timeIntervalSince1970)   // 15 June 2022
            // Signed in again: a session does not last months.
            let later = Browser(app)
            _ = try await later.signIn("officer@surrey.example", password)
            let laterCSRF = try #require(Browser.csrf(in: try await later.get("/runs").body.string))
            _ = try await PublicDataImport.gias(path: RealFilesImportTests.realdata + "/gias/20220420-gias-850-936.csv", authorityCode: "surrey",
                                                laCodes: ["936"], dryRun: false, on: app)
            let closed = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == Self.thamesDitton).first())
            let engine = try await app.sift.engine(for: try #require(try await Authority.query(on: app.db).filter(\.$code == "surrey").first()), on: app.db)
            #expect(try await Proposals.categorise(closed, engine: engine, on: Day(clock.now), database: app.db).notCovered
                    == "The establishment closed on 31 May 2022: it is no longer categorised or supported.")
            let review = try await later.get("/runs/\(year)").body.string
            #expect(review.contains("Thames Ditton Junior School (URN 124967): The establishment closed on 31 May 2022"))
            let page = try await later.get("/establishments/\(Self.thamesDitton)").body.string
            #expect(page.contains("closed on 31 May 2022"))
            let change = try await later.post("/establishments/\(Self.thamesDitton)/recategorise", form: ["csrf": laterCSRF, "category": "1", "reason": "Concerns"])
            #expect(change.status == .unprocessableEntity && change.body.string.contains("closed on 31 May 2022: it is no longer given a category"))
        }
    }

    @Test("what was planned for a school from its close date is released, kept as withdrawn with the reason, and not released twice")
    func planReleased() async throws {
        try await withSift { app, accounts in
            let (officer, csrf, year, records) = try await Browser.officerWithYearProposed(app, accounts, authority: "northbridge")
            let school = try #require(records.first { $0.proposedCategory != nil && EstablishmentKind(rawValue: $0.kind)?.isMaintained == true })
            #expect(try await officer.post("/runs/\(year)/\(school.urn)", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)
            #expect(try await officer.post("/establishments/\(school.urn)/support/plan", form: ["csrf": csrf, "year": String(year)]).status == .seeOther)
            let planned = try await PlanActivityRecord.query(on: app.db).filter(\.$establishment.$id == school.requireID()).filter(\.$withdrawnAt == nil).count()
            #expect(planned > 0)
            // It closes on 1 January of the year: the spring and summer terms' activities go.
            let closing = "\(year)-01-01"
            let evidence = try await EvidenceStore.text(for: school, on: app.db)
            let changed = evidence.replacingOccurrences(of: "{\"urn\":\"\(school.urn)\"", with: "{\"closed\":\"\(closing)\",\"urn\":\"\(school.urn)\"")
            #expect(changed != evidence)
            try await EvidenceStore.save(changed, for: school, on: app.db)
            school.closed = closing
            try await school.save(on: app.db)
            let released = try await Closures.release(authorityID: school.$authority.id, by: nil, at: app.sift.settings.now(), on: app.db)
            #expect(released > 0)
            let rows = try await PlanActivityRecord.query(on: app.db).filter(\.$establishment.$id == school.requireID()).all()
            let withdrawn = rows.filter { $0.withdrawnAt != nil }
            #expect(withdrawn.count == released && withdrawn.allSatisfy { $0.withdrawnReason == "Released: the establishment closed on 1 January \(year)" })
            #expect(withdrawn.allSatisfy { ["spring", "summer"].contains($0.term) || $0.term == "year" || $0.term == "preparation" })
            #expect(try await Closures.release(authorityID: school.$authority.id, by: nil, at: app.sift.settings.now(), on: app.db) == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "plan_released").count() == 1)
        }
    }
}
}
