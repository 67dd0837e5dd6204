import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// Conversions, amalgamations and splits from GIAS: a new establishment keeps the history of
/// the one it replaced, which leaves the year from its close date.
@Suite("Conversions from GIAS")
struct ConversionTests {
    @Test("the real 2022 download: Wyke Primary Academy takes its maintained predecessor's inspection, decisions and category")
    func realConversion() async throws {
        try await withSift { app, _ in
            try await RealFilesImportTests.authority("surrey", la: "936", on: app)
            let wyke = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "124935").first())
            let academy = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "145543").first())
            // Kept, though closed before it was the authority's: the academy replaced it.
            #expect(wyke.closed == "2018-07-31" && wyke.notCovered != nil)
            let inspection = try #require(try await Proposals.establishment(academy, on: app.db).latestInspection)
            #expect(inspection.urnAtInspection == "124935" && inspection.overallEffectiveness == 2 && inspection.date.description == "2016-12-06")
            // A closed school nothing the authority keeps replaced is still not added.
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "124934").count() == 1, "Abinger Common: replaced by Surrey Hills")
            #expect(try await EstablishmentLinkRecord.query(on: app.db).count() > 200)

            let authorityID = academy.$authority.id
            try await DecisionRecord(authorityID: authorityID, establishmentID: wyke.requireID(), academicYear: 2018, category: "3", designation: nil,
                                     status: .agreed, reason: "Agreed at the annual review", decidedBy: nil, at: Date(timeIntervalSince1970: 1_530_000_000))
                .save(on: app.db)
            #expect(try await PreviousCategories.before(2019, establishmentID: academy.requireID(), on: app.db) == "3")
            #expect(try await PreviousCategories.before(2019, authorityID: authorityID, on: app.db)[academy.requireID()] == "3")

            let officer = try await RealFilesImportTests.officer(of: "surrey", on: app)
            let page = try await officer.get("/establishments/145543").body.string
            #expect(page.contains(">Wyke Primary School</a> (URN 124935), which this school replaced. It closed on 31 July 2018."))
            #expect(page.contains("An inspection of Wyke Primary School (URN 124935), which this school replaced"))
            #expect(page.contains("As Wyke Primary School") && page.contains("Agreed at the annual review"))
            let old = try await officer.get("/establishments/124935").body.string
            #expect(old.contains(">Wyke Primary Academy</a> (URN 145543), which replaced this school."))
        }
    }

    /// A maintained school of the demonstration's Northbridge converts: GIAS closes it, opens
    /// the academy under a new URN, and its links download says which replaced which.
    @Test("a conversion from the published links layout: the academy keeps the school's inspections, decisions and category; a bad file stores nothing")
    func linksDownload() async throws {
        try await withSift { app, accounts in
            let (officer, csrf, year, records) = try await Browser.officerWithYearProposed(app, accounts, authority: "northbridge")
            var school: EstablishmentRecord?
            for record in records where record.proposedCategory != nil && EstablishmentKind(rawValue: record.kind) == .community {
                if try await Proposals.establishment(record, on: app.db).latestInspection != nil { school = record; break }
            }
            let maintained = try #require(school)
            let inspections = try await Proposals.establishment(maintained, on: app.db).inspections
            #expect(try await officer.post("/runs/\(year)/\(maintained.urn)", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)
            let agreed = try #require(try await EstablishmentRecord.find(maintained.requireID(), on: app.db)?.currentCategory)

            let header = "URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),OpenDate,CloseDate,PhaseOfEducation (name)\n"
            let gias = try PublicDataImportTests().temporaryFile(header
                + "\(maintained.urn),999,Northbridge,\(maintained.name),Community school,Closed,,31-12-\(year - 1),Primary\n"
                + "399001,999,Northbridge,\(maintained.name) Academy,Academy converter,Open,01-01-\(year),,Primary\n")
            let opened = try await PublicDataImport.gias(path: gias, authorityCode: "northbridge", laCodes: ["999"], dryRun: false, on: app)
            #expect(opened.added == ["399001"] && opened.updated == [maintained.urn])
            let academy = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "399001").first())
            #expect(try await Proposals.establishment(academy, on: app.db).inspections.isEmpty)

            let links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n"
                + "\(maintained.urn),399001,\(maintained.name) Academy,Successor,01-01-\(year)\n"
                + "399001,\(maintained.urn),\(maintained.name),Predecessor,01-01-\(year)\n"
                + "123456,654321,Elsewhere,Successor,01-09-2020\n"
                // A pair given twice is stored once.
                + "399001,\(maintained.urn),\(maintained.name),Predecessor,01-01-\(year)\n"
            let bad = try PublicDataImportTests().temporaryFile(links + "399001,12X,Nowhere,Predecessor,\n")
            let refused = try await PublicDataImport.giasLinks(path: bad, authorityCode: "northbridge", dryRun: false, on: app)
            #expect(!refused.stored && refused.rejected.map(\.description) == ["line 6, LinkURN: \"12X\" is not a URN"])
            #expect(try await EstablishmentLinkRecord.query(on: app.db).count() == 0)

            let linked = try await PublicDataImport.giasLinks(path: try PublicDataImportTests().temporaryFile(links), authorityCode: "northbridge",
                                                              dryRun: false, on: app)
            #expect(linked.stored && linked.linksStored == 2 && linked.notTheAuthoritys == 1 && linked.updated == ["399001"])
            let taken = try await Proposals.establishment(academy, on: app.db).inspections
            #expect(taken.map(\.date) == inspections.map(\.date) && taken.allSatisfy { $0.urnAtInspection == maintained.urn })
            #expect(try await PreviousCategories.before(year + 1, establishmentID: academy.requireID(), on: app.db) == agreed)
            let again = try await PublicDataImport.giasLinks(path: try PublicDataImportTests().temporaryFile(links), authorityCode: "northbridge",
                                                             dryRun: false, on: app)
            #expect(!again.stored && again.linksStored == 0 && again.unchanged == 1)

            let page = try await officer.get("/establishments/399001").body.string
            let date = try #require(Day("\(year)-01-01")).longText
            #expect(page.contains("(URN \(maintained.urn)), which this school replaced on \(date)."))
            #expect(page.contains("As \(maintained.name)"))
            // The school closed on 31 December: it leaves the year, with nothing more to decide.
            let closed = try #require(try await EstablishmentRecord.find(maintained.requireID(), on: app.db))
            #expect(closed.closed == "\(year - 1)-12-31")
        }
    }

    @Test("an officer records a school an academy replaced: a bad URN is refused with what to do, a good one links them")
    func byHand() async throws {
        try await withSift { app, accounts in
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let form = try await officer.get("/establishments/200004/links")
            let csrf = try #require(Browser.csrf(in: form.body.string))
            let refused = try await officer.post("/establishments/200004/links", form: ["csrf": csrf, "predecessor": "2000O1", "type": "Predecessor"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Enter the URN of the school it replaced"))
            let itself = try await officer.post("/establishments/200004/links", form: ["csrf": csrf, "predecessor": "200004", "type": "Predecessor"])
            #expect(itself.body.string.contains("a school cannot replace itself"))
            #expect(try await EstablishmentLinkRecord.query(on: app.db).count() == 0)
            let saved = try await officer.post("/establishments/200004/links", form: ["csrf": csrf, "predecessor": "200001", "type": "Predecessor",
                                                                                      "date": "01/09/2019"])
            #expect(saved.status == .seeOther)
            let link = try #require(try await EstablishmentLinkRecord.query(on: app.db).first())
            #expect(link.urn == "200004" && link.linkedURN == "200001" && link.established == "2019-09-01" && link.source == "form")
            let page = try await officer.get("/establishments/200004").body.string
            #expect(page.contains("(URN 200001), which this school replaced on 1 September 2019."))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "establishment_linked").count() == 1)
        }
    }
}
}
