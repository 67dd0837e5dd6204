import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// What an evidence file sets at the top of an establishment, set by a person instead: a
/// setting added by hand under Ofsted's reference, and what a school is corrected or closed.
@Suite("Establishments kept by hand")
struct EstablishmentFormsTests {
    @Test("an officer adds a childminder by Ofsted's reference: bad input is refused with what to do; it is proposed, and its letter is addressed to the childminder by name")
    func addChildminder() async throws {
        try await withSift { app, accounts in
            let (officer, csrf) = try await FundingTests().signedIn(app, "officer@ironbury.example", accounts)
            #expect(try await officer.get("/establishments").body.string.contains("Add an early-years setting, childminder or school by hand"))
            let refused = try await officer.post("/establishments/new", form: ["csrf": csrf, "urn": "EY12", "name": "", "kind": "childminder", "pupils": "six"])
            #expect(refused.status == .unprocessableEntity)
            let text = refused.body.string
            #expect(text.contains("Enter the URN, or Ofsted&#39;s reference for a setting, like EY123456") && text.contains("Enter the name")
                    && text.contains("Enter the number of places or pupils as a whole number"))
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "EY552211").count() == 0)

            let added = try await officer.post("/establishments/new", form: ["csrf": csrf, "urn": "ey552211", "name": "Jo Bloggs Childminding",
                                                                            "kind": "childminder", "pupils": "6", "opened": "01/09/2024",
                                                                            "registeredPerson": "Jo Bloggs"])
            #expect(added.status == .seeOther && added.headers.first(name: .location) == "/establishments/EY552211")
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "EY552211").first())
            #expect(record.kind == "childminder" && record.notCovered == nil)
            #expect(try await officer.post("/establishments/new", form: ["csrf": csrf, "urn": "EY552211", "name": "Again", "kind": "childminder"])
                .body.string.contains("already has an establishment with the reference EY552211"))
            let page = try await officer.get("/establishments/EY552211").body.string
            #expect(page.contains("Registered person") && page.contains("Jo Bloggs") && page.contains("1 September 2024"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "establishment_added").count() == 1)
            // Found by name in the list.
            #expect(try await officer.get("/establishments?q=Bloggs").body.string.contains("Jo Bloggs Childminding"))

            let changed = try await officer.post("/establishments/EY552211/recategorise", form: ["csrf": csrf, "category": "C", "reason": "Registered this year"])
            #expect(changed.status == .seeOther)
            let letter = try #require(try await LetterRecord.query(on: app.db).filter(\.$establishment.$id == record.requireID()).first())
            #expect(letter.body.contains("To Jo Bloggs, childminder"))
        }
    }

    @Test("what a school is, changed by hand: its head's start and first headship read by the framework; a bad date refused; closed by hand, it leaves the year")
    func changeFacts() async throws {
        try await withSift { app, accounts in
            let (officer, csrf) = try await FundingTests().signedIn(app, "officer@northbridge.example", accounts)
            let school = try await FundingTests().record(app, authority: "northbridge", proposed: ["1", "2", "3", "4"])
            let path = "/establishments/\(school.urn)/evidence/establishment"
            let form = try await officer.get(path).body.string
            #expect(form.contains("What the establishment is") && form.contains("name=\"headStarted\""))
            var values = ["csrf": csrf, "name": school.name, "kind": school.kind, "phase": school.phase ?? "", "headStarted": "31/02/2025", "firstHeadship": "yes"]
            let refused = try await officer.post(path, form: values)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Enter the day the head started as day/month/year"))
            values["headStarted"] = "01/09/2025"
            #expect(try await officer.post(path, form: values).status == .seeOther)
            let evidence = try await Proposals.establishment(try #require(try await EstablishmentRecord.find(school.requireID(), on: app.db)), on: app.db)
            #expect(evidence.headteacher?.startDate?.description == "2025-09-01" && evidence.headteacher?.firstHeadship == true)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "evidence_changed").first()?.detail.contains("what the establishment is changed") == true)

            values["closed"] = "01/10/2025"
            #expect(try await officer.post(path, form: values).status == .seeOther)
            let closed = try #require(try await EstablishmentRecord.find(school.requireID(), on: app.db))
            #expect(closed.closed == "2025-10-01" && closed.notCovered?.contains("closed on 1 October 2025") == true)
        }
    }

    @Test("Ofsted's early-years file adds the authority's childminders and settings with their latest inspection; again changes nothing; a bad row stores nothing")
    func earlyYearsFile() async throws {
        try await withSift { app, _ in
            let path = repositoryPath("Tests/fixtures/ofsted-early-years-2025-12.csv")
            let dry = try await PublicDataImport.ofstedEarlyYears(path: path, authorityCode: "ironbury", localAuthorities: ["Wolverhampton"], dryRun: true, on: app)
            #expect(dry.added == ["EY552211", "EY401122", "EY733001"] && !dry.stored && dry.notTheAuthoritys == 1 && dry.notCovered.count == 2)
            let stored = try await PublicDataImport.ofstedEarlyYears(path: path, authorityCode: "ironbury", localAuthorities: ["Wolverhampton"], dryRun: false, on: app)
            #expect(stored.stored && stored.added.count == 3)
            let childminder = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "EY552211").first())
            #expect(childminder.kind == "childminder" && childminder.name == "Childminder EY552211" && childminder.notCovered == nil)
            #expect(try await Proposals.establishment(childminder, on: app.db).latestInspection?.overallEffectiveness == 2)
            let nursery = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "EY401122").first())
            #expect(try await Proposals.establishment(nursery, on: app.db).registeredPerson == "Little Acorns Ltd")
            let again = try await PublicDataImport.ofstedEarlyYears(path: path, authorityCode: "ironbury", localAuthorities: ["Wolverhampton"], dryRun: false, on: app)
            #expect(again.unchanged == 3 && !again.stored)

            let bad = try PublicDataImportTests().temporaryFile(try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "12/03/2024,1,", with: "12/03/2024,Great,"))
            let refused = try await PublicDataImport.ofstedEarlyYears(path: bad, authorityCode: "ironbury", localAuthorities: ["Wolverhampton"], dryRun: false, on: app)
            #expect(!refused.stored && refused.rejected.count == 1)
        }
    }
}
}
