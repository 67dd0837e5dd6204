import Fluent
import Foundation
import NIOConcurrencyHelpers
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Importing public files")
struct PublicDataImportTests {
    static let realdata = repositoryPath("../shared/realdata")

    func temporaryFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "sift-import-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("GIAS then KS2: a dry run stores nothing, an import stores all, the same file again changes nothing")
    func importsRealFiles() async throws {
        try await withSift { app, _ in
            try await Accounts.createAuthority(code: "surrey", name: "Surrey", frameworkID: "coventry-2023", on: app)
            let gias = Self.realdata + "/gias/20220420-gias-850-936.csv"
            let dry = try await PublicDataImport.gias(path: gias, authorityCode: "surrey", laCodes: ["936"], dryRun: true, on: app)
            #expect(dry.added.count == 522 && !dry.stored && dry.closedNotAdded == 54 && dry.notTheAuthoritys == 520 && dry.linksStored == 379)
            let surreyID = try #require(try await Authority.query(on: app.db).filter(\.$code == "surrey").first()?.requireID())
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == surreyID).count() == 0)

            let phases = NIOLockedValueBox<[String]>([])
            let stored = try await PublicDataImport.$progress.withValue(.init { phase, done, total in
                phases.withLockedValue { $0.append(ImportReportText.progressLine(phase, done, total, width: 10)) }
            }) {
                try await PublicDataImport.gias(path: gias, authorityCode: "surrey", laCodes: ["936"], dryRun: false, on: app)
            }
            #expect(phases.withLockedValue { $0.first } == "░░░░░░░░░░ Working out each establishment's evidence – 0 of 522")
            #expect(phases.withLockedValue { $0.contains("░░░░░░░░░░ Storing – 0 of 522") && $0.contains("██████████ Storing the words establishments are found by – 522 of 522") && $0.last == "██████████ Updating the database's statistics – 522 of 522" })
            #expect(stored.stored && stored.added.count == 522)
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == surreyID).count() == 522)
            let again = try await PublicDataImport.gias(path: gias, authorityCode: "surrey", laCodes: ["936"], dryRun: false, on: app)
            #expect(again.added.isEmpty && again.updated.isEmpty && again.unchanged == 522 && !again.stored)

            let ks2 = Self.realdata + "/ks2/2018-936-ks2.csv"
            let results = try await PublicDataImport.performance(path: ks2, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            #expect(results.updated.count == 223 && results.notTheAuthoritys == 16)
            let weyfield = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "139070").first())
            let evidence = try await Proposals.establishment(weyfield, on: app.db)
            #expect(evidence.records(.ks2ReadingProgress).last?.value == -5.7)
            #expect(try await PublicDataImport.performance(path: ks2, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app).unchanged == 223)

            // Each URN is stored once, however often its files are imported.
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "139070").count() == 1)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["gias_imported", "ks2_imported"]).count()
            #expect(audited == 2)
        }
    }

    @Test("a later file for the same year replaces that year's figures; a file with a rejected row stores nothing")
    func supersedeAndAllOrNothing() async throws {
        try await withSift { app, _ in
            try await Accounts.createAuthority(code: "surrey", name: "Surrey", frameworkID: "coventry-2023", on: app)
            _ = try await PublicDataImport.gias(path: Self.realdata + "/gias/20220420-gias-850-936.csv", authorityCode: "surrey",
                                                laCodes: ["936"], dryRun: false, on: app)
            let header = "RECTYPE,LEA,URN,SCHNAME,PTRWM_EXP,READPROG,READPROG_LOWER,READPROG_UPPER\n"
            let first = try temporaryFile(header + "1,936,139070,Weyfield Academy,31%,-5.7,-7.9,-3.6\n5,,,,65%,,,\n")
            let revised = try temporaryFile(header + "1,936,139070,Weyfield Academy,33%,-5.1,-7.3,-2.9\n5,,,,65%,,,\n")
            _ = try await PublicDataImport.performance(path: first, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            let later = try await PublicDataImport.performance(path: revised, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            #expect(later.updated == ["139070"])
            let weyfield = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "139070").first())
            let reading = try await Proposals.establishment(weyfield, on: app.db).records(.ks2ReadingProgress)
            #expect(reading.count == 1 && reading[0].value == -5.1 && reading[0].upper == -2.9)
            #expect(try await Proposals.establishment(weyfield, on: app.db).records(.ks2RWMExpected).first?.national == 65)

            // One bad URN: nothing of the file is stored, and the report says where.
            let bad = try temporaryFile(header + "1,936,139070,Weyfield Academy,40%,1.0,0.1,1.9\n1,936,ABC,Bad Row,1%,0,0,0\n")
            let refused = try await PublicDataImport.performance(path: bad, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            #expect(!refused.stored && refused.rejected == [RowProblem(line: 3, column: "URN", "\"ABC\" is not a URN")])
            #expect(try await Proposals.establishment(weyfield, on: app.db).records(.ks2ReadingProgress).first?.value == -5.1)

            // Ofsted's management information adds the inspection with its key judgements.
            let ofsted = try temporaryFile("""
                Management information - state-funded schools
                URN,School name,Inspection start date,Overall effectiveness,Category of concern,Quality of education,Behaviour and attitudes,Personal development,Effectiveness of leadership and management,Safeguarding is effective?
                139070,Weyfield Academy,14/05/2024,3,,3,2,2,3,Yes
                999999,Not Surrey's,14/05/2024,2,,2,2,2,2,Yes
                """)
            let inspected = try await PublicDataImport.ofsted(path: ofsted, authorityCode: "surrey", dryRun: false, on: app)
            #expect(inspected.updated == ["139070"] && inspected.notTheAuthoritys == 1)
            let latest = try await Proposals.establishment(weyfield, on: app.db).latestInspection
            #expect(latest?.date == Day(year: 2024, month: 5, day: 14) && latest?.keyJudgements[.leadershipAndManagement] == 3)
            #expect(try await PublicDataImport.ofsted(path: ofsted, authorityCode: "surrey", dryRun: false, on: app).unchanged == 1)

            // A file that is not a performance table is refused as a whole.
            let wrong = try temporaryFile("Name,Town\nOak,Leeds\n")
            await #expect(throws: Abort.self) {
                try await PublicDataImport.performance(path: wrong, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            }
        }
    }
}
}

extension DatabaseSuites {
@Suite("Uploading a public file")
struct UploadTests {
    static let gias = """
        URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),OfstedRating (name),OfstedLastInsp
        990001,999,Ironbury,Upload Primary School,Community school,Open,Primary,Good,12-03-2019
        990002,999,Ironbury,Upload Academy,Academy converter,Open,Secondary,,
        990003,998,Elsewhere,Not Ours School,Community school,Open,Primary,,
        """

    /// Uploads a file and follows its import's page until the report is shown.
    func uploadAndWait(_ browser: Browser, form: [String: String], file: (name: String, filename: String, contents: String)) async throws -> TestingHTTPResponse {
        let started = try await browser.upload("/imports", form: form, file: file)
        guard started.status == .seeOther, let location = started.headers.first(name: .location) else { return started }
        #expect(location.hasPrefix("/imports/"))
        await browser.app.sift.background.waitForAll()
        let page = try await browser.get(location)
        if page.body.string.contains("http-equiv=\"refresh\"") { Issue.record("the import of \(file.filename) did not end") }
        return page
    }

    @Test("an administrator uploads a GIAS file: a dry run stores nothing, then every row is stored and listed")
    func upload() async throws {
        try await withSift { app, accounts in
            let browser = Browser(app)
            _ = try await browser.signIn("admin@ironbury.example", accounts.password("admin@ironbury.example"))
            let page = try await browser.get("/imports")
            #expect(page.status == .ok && page.body.string.contains("enctype=\"multipart/form-data\"") && page.body.string.contains("type=\"file\""))
            let csrf = try #require(Browser.csrf(in: page.body.string))
            let file = (name: "file", filename: "ironbury-gias.csv", contents: Self.gias)

            let dry = try await uploadAndWait(browser, form: ["csrf": csrf, "kind": "gias", "la": "999", "dryRun": "yes"], file: file)
            #expect(dry.status == .ok && dry.body.string.contains("Dry run: nothing was stored. Importing would add 2"))
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "990001").count() == 0)

            let stored = try await uploadAndWait(browser, form: ["csrf": csrf, "kind": "gias", "la": "999"], file: file)
            #expect(stored.status == .ok && stored.body.string.contains("Stored: 2 added"))
            #expect(stored.body.string.contains("1 rows are about establishments that are not the authority"))
            #expect(try await browser.get("/establishments?q=upload").body.string.contains("Upload Primary School"))
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "gias_imported").first())
            #expect(audit.detail.contains("ironbury-gias.csv") && audit.$user.id != nil)

            // A rejected row: nothing stored, the row shown by line; a missing file or year is asked for.
            let bad = (name: "file", filename: "bad.csv", contents: Self.gias + "\nNOTAURN,999,Ironbury,Bad,Community school,Open,Primary,,\n")
            let refused = try await uploadAndWait(browser, form: ["csrf": csrf, "kind": "gias", "la": "999"], file: bad)
            #expect(refused.status == .ok && refused.body.string.contains("Rejected rows") && refused.body.string.contains("is not a URN"))
            let noYear = try await browser.upload("/imports", form: ["csrf": csrf, "kind": "ks2"], file: file)
            #expect(noYear.status == .unprocessableEntity && noYear.body.string.contains("Enter the academic year"))
            let wrongKind = try await uploadAndWait(browser, form: ["csrf": csrf, "kind": "ks2", "year": "2019"], file: file)
            #expect(wrongKind.body.string.contains("was not imported") && wrongKind.body.string.contains("This is not a KS2 performance table"))
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "990001").count() == 1)
        }
    }

    @Test("a long import's page follows it: the phase and how far it has got, then the report; another authority's admin cannot see it")
    func progressPage() async throws {
        try await withSift { app, accounts in
            let ironbury = try #require(try await Authority.query(on: app.db).filter(\.$code == "ironbury").first())
            let board = app.sift.imports
            let job = board.begin(authorityID: try ironbury.requireID(), fileName: "national.csv", dryRun: false, at: Date())
            board.update(job, phase: PublicDataImport.Phase.storing.rawValue, done: 10, total: 40)
            #expect(board.job(job)?.percent == 31)

            let browser = Browser(app)
            _ = try await browser.signIn("admin@ironbury.example", accounts.password("admin@ironbury.example"))
            let running = try await browser.get("/imports/\(job.uuidString)")
            #expect(running.status == .ok && running.body.string.contains("http-equiv=\"refresh\""))
            #expect(running.body.string.contains("Importing national.csv") && running.body.string.contains("<strong>Storing</strong> – 10 of 40"))
            #expect(running.body.string.contains("value=\"31\""))

            let stranger = Browser(app)
            _ = try await stranger.signIn("admin@fenmoor.example", accounts.password("admin@fenmoor.example"))
            #expect(try await stranger.get("/imports/\(job.uuidString)").status == .notFound)
            #expect(try await browser.get("/imports/\(UUID().uuidString)").status == .notFound)

            var report = PublicDataImport.Report()
            report.added = ["990001"]
            report.stored = true
            board.finish(job, .report(report), at: Date())
            board.update(job, phase: PublicDataImport.Phase.words.rawValue, done: 40, total: 40)
            let done = try await browser.get("/imports/\(job.uuidString)")
            #expect(!done.body.string.contains("http-equiv=\"refresh\"") && done.body.string.contains("Stored: 1 added"))
        }
    }
}
}

@Suite("Import reports")
struct ImportReportTextTests {
    @Test("a refused file's report lists its rejected rows and names nothing as added")
    func refused() {
        var report = PublicDataImport.Report(rejected: [RowProblem(line: 3, column: "URN", "\"12X\" is not a URN")])
        report.added = ["100001"]
        let lines = ImportReportText.lines(report, dryRun: false)
        #expect(lines == ["Nothing was stored: 1 row was rejected. Correct it in the file, or take it out, and import the file again.",
                          "  line 3, URN: \"12X\" is not a URN"])
        let dry = ImportReportText.lines(PublicDataImport.Report(), dryRun: true)
        #expect(dry.first?.hasPrefix("Dry run: nothing was stored.") == true)
        var would = PublicDataImport.Report()
        would.added = ["100001"]
        #expect(ImportReportText.lines(would, dryRun: true).last == "Would add: 100001")
    }
}
