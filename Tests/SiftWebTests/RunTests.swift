import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("The annual run")
struct RunTests {
    @Test("an officer proposes, agrees, overrides with a reason, confirms; letters are issued and kept; nothing is edited")
    func wholeYear() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@riverside.example", accounts.password("officer@riverside.example"))
            let runs = try await officer.get("/runs")
            #expect(runs.status == .ok)
            let csrf = try #require(Browser.csrf(in: runs.body.string))
            let year = Runs.academicYear(of: app.sift.settings.now())
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            let provisional = try await DecisionRecord.query(on: app.db).filter(\.$status == .provisional).count()
            #expect(provisional == 34)
            // Starting the same year again is refused, with the error summary.
            let again = try await officer.post("/runs", form: ["csrf": csrf, "year": String(year)])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("started already"))

            let riverside = try #require(try await Authority.query(on: app.db).filter(\.$code == "riverside").first())
            let establishments = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == riverside.id!).sort(\.$urn).all()
            let first = establishments[0], second = establishments[1]
            // Override without a reason: refused, nothing stored.
            let page = try await officer.get("/runs/\(year)/\(second.urn)")
            #expect(page.status == .ok)
            let noReason = try await officer.post("/runs/\(year)/\(second.urn)", form: ["csrf": csrf, "action": "override", "category": "IntensiveB"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("Enter the reason for this category"))
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$status == .overridden).count() == 0)
            // Override with a reason.
            #expect(try await officer.post("/runs/\(year)/\(second.urn)", form: ["csrf": csrf, "action": "override", "category": "IntensiveB",
                                                                               "reason": "New safeguarding concerns"]).status == .seeOther)
            // Confirming before every proposal is decided is refused.
            let early = try await officer.post("/runs/\(year)/confirm", form: ["csrf": csrf])
            #expect(early.status == .unprocessableEntity)
            #expect(try await LetterRecord.query(on: app.db).count() == 0)
            // Agree the rest.
            for record in establishments where record.urn != second.urn {
                #expect(try await officer.post("/runs/\(year)/\(record.urn)", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)
            }
            #expect(try await officer.post("/runs/\(year)/confirm", form: ["csrf": csrf]).status == .seeOther)
            #expect(try await LetterRecord.query(on: app.db).count() == 34)
            // Append-only: the provisional proposals are all still there beside the decisions.
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$status == .provisional).count() == 34)
            #expect(try await DecisionRecord.query(on: app.db).count() == 68)
            let overridden = try #require(try await EstablishmentRecord.find(second.id, on: app.db))
            #expect(overridden.currentCategory == "IntensiveB")
            // The letter says so, and is kept as issued.
            let letter = try #require(try await LetterRecord.query(on: app.db).filter(\.$establishment.$id == second.id!).first())
            let shown = try await officer.get("/letters/\(letter.id!)")
            #expect(shown.body.string.contains("IntensiveB"))
            #expect(shown.body.string.contains("New safeguarding concerns"))
            // Addressed to whoever runs a school, dated in words, with the plan in Hackney's own unit.
            #expect(shown.body.string.contains("To the headteacher and the chair of governors"))
            #expect(shown.body.string.contains(">Visits</th>") && !shown.body.string.contains(">Days</th>"))
            #expect(!shown.body.string.contains("sift-letter__date\">20"), "the date is written in words")
            let changed = try await EvidenceStore.text(for: first, on: app.db).replacingOccurrences(of: "\"risk\":\"none\"", with: "\"risk\":\"high_risk\"")
            try await EvidenceStore.save(changed, for: first, on: app.db)
            let firstLetter = try #require(try await LetterRecord.query(on: app.db).filter(\.$establishment.$id == first.id!).first())
            let before = firstLetter.body
            // A headteacher reads why in words: no fact paths or expressions.
            for path in ["ofsted.", "la.", "establishment.", "measure.", " == "] { #expect(!before.contains(path), "the letter says \(path)") }
            #expect(try await officer.get("/letters/\(firstLetter.id!)").body.string.contains(before))
            // The audit log recorded the year.
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "run_confirmed").count() == 1)
        }
    }

    @Test("a letter is addressed to whoever runs the establishment")
    func addressees() {
        #expect(Letters.addressee(.community) == "To the headteacher and the chair of governors")
        #expect(Letters.addressee(.pviNursery) == "To the registered person, and the manager")
        #expect(Letters.addressee(.pviNursery, registeredPerson: "Little Acorns Ltd", manager: "Sam Patel")
                == "To Little Acorns Ltd, the registered person, and Sam Patel, the manager")
        #expect(Letters.addressee(.childminder, registeredPerson: "Jo Bloggs") == "To Jo Bloggs, childminder")
        #expect(Letters.addressee(.childminder) == "To the childminder")
    }

    @Test("a school user sees their own letters and no other's; runs do not exist for them or for a network lead")
    func whoSeesWhat() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let records = try await EstablishmentRecord.query(on: app.db).filter(\.$urn ~~ "2000").sort(\.$urn).all()
            for record in records.prefix(2) {
                let page = try await officer.get("/establishments/\(record.urn)/recategorise")
                #expect(page.status == .ok)
                #expect(try await officer.post("/establishments/\(record.urn)/recategorise",
                                               form: ["csrf": csrf, "category": "3", "reason": "Head left"]).status == .seeOther)
            }
            let own = try #require(try await LetterRecord.query(on: app.db).filter(\.$establishment.$id == records[0].id!).first())
            let other = try #require(try await LetterRecord.query(on: app.db).filter(\.$establishment.$id == records[1].id!).first())
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$status == .inYearChange).count() == 2)

            let school = Browser(app)
            _ = try await school.signIn("school@northbridge.example", accounts.password("school@northbridge.example"))
            let page = try await school.get("/establishments/\(records[0].urn)")
            #expect(page.body.string.contains(own.title))
            #expect(!page.body.string.contains("recategorise"))
            #expect(try await school.get("/letters/\(own.id!)").status == .ok)
            #expect(try await school.get("/letters/\(other.id!)").status == .notFound)
            #expect(try await school.get("/runs").status == .notFound)
            #expect(try await school.get("/establishments/\(records[0].urn)/recategorise").status == .notFound)
            let schoolCSRF = try #require(Browser.csrf(in: page.body.string))
            #expect(try await school.post("/establishments/\(records[0].urn)/recategorise",
                                          form: ["csrf": schoolCSRF, "category": "4", "reason": "x"]).status == .notFound)

            let lead = Browser(app)
            _ = try await lead.signIn("network@northbridge.example", accounts.password("network@northbridge.example"))
            #expect(try await lead.get("/runs").status == .notFound)
            // An officer of another authority cannot read the letter either.
            let stranger = Browser(app)
            _ = try await stranger.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            #expect(try await stranger.get("/letters/\(own.id!)").status == .notFound)
        }
    }

    @Test("the run's progress page follows the work, reloads itself, reports a failure, and opens the review when stored")
    func progress() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            let fenmoor = try #require(try await Authority.query(on: app.db).filter(\.$code == "fenmoor").first())
            let year = Runs.academicYear(of: app.sift.settings.now())
            // Nothing under way: there is no progress to show.
            #expect(try await officer.get("/runs/\(year)/progress").status == .notFound)
            // Work under way, as the board records it.
            let board = app.sift.runProgress, key = RunProgressBoard.key(authorityID: fenmoor.id!, year: year)
            #expect(await board.begin(key))
            #expect(await !board.begin(key))
            await board.update(key, phase: .storing, done: 30, total: 60)
            let page = try await officer.get("/runs/\(year)/progress")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Storing the proposals"))
            #expect(page.body.string.contains("30 of 60"))
            #expect(page.body.string.contains("value=\"75\""))
            #expect(page.body.string.contains("http-equiv=\"refresh\""))
            // Another authority's run is not this officer's to see.
            let stranger = Browser(app)
            _ = try await stranger.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            #expect(try await stranger.get("/runs/\(year)/progress").status == .notFound)
            await board.fail(key, "the database went away")
            let failed = try await officer.get("/runs/\(year)/progress")
            #expect(failed.body.string.contains("the database went away"))
            #expect(!failed.body.string.contains("http-equiv=\"refresh\""))
            // A real run: begun again after the failure, stored, and the page opens the review.
            let csrf = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            let done = try await officer.get("/runs/\(year)/progress")
            #expect(done.status == .seeOther && done.headers.first(name: .location) == "/runs/\(year)")
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$authority.$id == fenmoor.id!).count() > 0)
        }
    }
}
}
