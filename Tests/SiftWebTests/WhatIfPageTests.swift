import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("What-if in the browser")
struct WhatIfPageTests {
    /// Northbridge runs Coventry's framework; the copy sends a non-maintained school to
    /// Category 3 only when it is judged inadequate, so academies requiring improvement move.
    static let original = "when: \"establishment.maintained == false and (ofsted.overall >= 3 or"
    static let tightened = "when: \"establishment.maintained == false and (ofsted.overall >= 4 or"
    static let row = "C3-ofsted-non-maintained"

    static func coventryText() throws -> String {
        try String(contentsOfFile: try #require(BundledFrameworks.resolve("coventry-2023")), encoding: .utf8)
    }

    static func officer(_ app: Application, _ accounts: [DemoData.Account]) async throws -> (Browser, String) {
        let browser = Browser(app)
        _ = try await browser.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
        let page = try await browser.get("/what-if")
        #expect(page.status == .ok)
        return (browser, try #require(Browser.csrf(in: page.body.string)))
    }

    /// What the web app stores that a what-if must leave alone: every decision and each
    /// establishment's proposed and current category.
    static func stored(_ app: Application) async throws -> (decisions: Int, categories: [String: String]) {
        let records = try await EstablishmentRecord.query(on: app.db).all()
        let categories = Dictionary(uniqueKeysWithValues: records.map {
            ($0.urn, "\($0.proposedCategory ?? "-")/\($0.proposedDesignation ?? "-")/\($0.currentCategory ?? "-")")
        })
        return (try await DecisionRecord.query(on: app.db).count(), categories)
    }

    /// The URNs whose category or designation differs between the two frameworks, worked out
    /// one establishment at a time from the stored evidence, apart from the page's own path.
    static func expectedChanges(_ app: Application, edited: Framework, on day: Day) async throws -> [String: (old: CategorisationResult, new: CategorisationResult)] {
        let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first())
        let inForce = try await app.sift.engine(for: northbridge, on: app.db)
        let changed = DecisionEngine(framework: edited, overrides: try await AuthorityParameters.inForce(
            authorityID: try northbridge.requireID(), frameworkID: northbridge.frameworkID, on: app.db))
        var changes: [String: (old: CategorisationResult, new: CategorisationResult)] = [:]
        for record in try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == northbridge.id!).all() {
            let old = try await Proposals.categorise(record, engine: inForce, on: day, database: app.db)
            let new = try await Proposals.categorise(record, engine: changed, on: day, database: app.db)
            if old.category?.code != new.category?.code || old.designation?.code != new.designation?.code { changes[record.urn] = (old, new) }
        }
        return changes
    }

    @Test("an edited copy that tightens a rule moves the expected establishments, with both reasons, and changes nothing stored")
    func editedCopy() async throws {
        try await withSift { app, accounts in
            let (officer, csrf) = try await Self.officer(app, accounts)
            let year = Runs.academicYear(of: app.sift.settings.now())
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            let day = Day(app.sift.settings.now())
            let text = try Self.coventryText()
            #expect(text.contains(Self.original))
            let editedText = text.replacing(Self.original, with: Self.tightened)
            let expected = try await Self.expectedChanges(app, edited: try FrameworkLoader.load(yaml: editedText, file: "edited"), on: day)
            #expect(!expected.isEmpty)
            #expect(expected.values.allSatisfy { $0.old.category?.code == "3" && $0.old.reasons.contains { $0.row == Self.row } })
            let before = try await Self.stored(app)

            // The form opens with the framework in force to edit; unchanged, it moves no one.
            let form = try await officer.get("/what-if").body.string
            #expect(form.contains("id=\"yaml\"") && form.contains(Self.row) && form.contains("value=\"\(day)\""))
            let same = try await officer.post("/what-if", form: ["csrf": csrf, "date": day.description, "yaml": text])
            #expect(same.status == .ok)
            #expect(same.body.string.contains("No establishment would change category or designation."))

            let response = try await officer.post("/what-if", form: ["csrf": csrf, "date": day.description, "yaml": editedText])
            #expect(response.status == .ok)
            let page = response.body.string
            #expect(page.contains("Changed</dt><dd class=\"govuk-summary-list__value\">\(expected.count) ("))
            #expect(page.contains("id=\"moves\""))
            for (urn, results) in expected {
                let section = try #require(page.range(of: "id=\"change-\(urn)\"")).upperBound
                let rest = page[section...]
                let change = rest.prefix(upTo: rest.range(of: "class=\"sift-whatif-change\"")?.lowerBound ?? rest.endIndex)
                #expect(change.contains("href=\"/establishments/\(urn)\""))
                #expect(change.contains("Category 3 → \(results.new.category?.code ?? "No category")"))
                let newRow = try #require(results.new.reasons.first { $0.table == "category" }).row
                #expect(change.contains("row <code class=\"sift-code\">\(Self.row)</code>"), "\(urn): the reason in force")
                #expect(change.contains("row <code class=\"sift-code\">\(newRow)</code>"), "\(urn): the changed reason")
                #expect(change.contains("From the framework:"))
                // Each side says its reason in words first; the expression is in the workings.
                let sentence = try #require(results.new.reasons.first { $0.table == "category" }).sentence
                #expect(change.contains(HTMLFragment.escape(sentence)), "\(urn): the changed reason in words")
            }
            #expect(page.components(separatedBy: "class=\"sift-whatif-change\"").count - 1 == expected.count)

            // Every change as a spreadsheet, from the same form.
            let csv = try await officer.post("/what-if", form: ["csrf": csrf, "date": day.description, "yaml": editedText, "format": "csv"])
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\n")
            #expect(lines.first == "urn,name,old_category,new_category,old_designation,new_designation,old_deciding_rows,new_deciding_rows")
            #expect(Set(lines.dropFirst().map { String($0.prefix { $0 != "," }) }) == Set(expected.keys))

            let after = try await Self.stored(app)
            #expect(after.decisions == before.decisions && after.decisions > 0)
            #expect(after.categories == before.categories)
            let audits = try await AuditEntry.query(on: app.db).filter(\.$action == "whatif_run").all()
            #expect(audits.count == 3)
            #expect(audits.contains { $0.detail.contains("\(expected.count) changed") })
        }
    }

    @Test("a framework that does not load gets the error summary with its lines, and nothing is run")
    func malformed() async throws {
        try await withSift { app, accounts in
            let (officer, csrf) = try await Self.officer(app, accounts)
            let text = try Self.coventryText()
            let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(Self.original) }) + 1
            let broken = text.replacing(Self.original, with: "whne: \"establishment.maintained == false and (ofsted.overall >= 4 or")

            let response = try await officer.post("/what-if", form: ["csrf": csrf, "date": "2025-10-01", "yaml": broken])

            #expect(response.status == .unprocessableEntity)
            let page = response.body.string
            #expect(page.contains("There is a problem"))
            #expect(page.contains("<a href=\"#yaml\">Line \(line): unknown key &#39;whne&#39;"), "\(page)")
            #expect(!page.contains("id=\"moves\""))
            let empty = try await officer.post("/what-if", form: ["csrf": csrf, "date": "1 October", "yaml": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Enter the date of the run"))
            #expect(empty.body.string.contains("Choose a framework file, or enter the framework in the box"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "whatif_run").count() == 0)
        }
    }

    @Test("an uploaded framework file is compared")
    func upload() async throws {
        try await withSift { app, accounts in
            let (officer, csrf) = try await Self.officer(app, accounts)
            let day = Day(app.sift.settings.now())
            let editedText = try Self.coventryText().replacing(Self.original, with: Self.tightened)
            let expected = try await Self.expectedChanges(app, edited: try FrameworkLoader.load(yaml: editedText, file: "edited"), on: day)

            let response = try await officer.upload("/what-if", form: ["csrf": csrf, "date": day.description, "yaml": ""],
                                                    file: (name: "file", filename: "coventry-proposed.yaml", contents: editedText))

            #expect(response.status == .ok)
            #expect(response.body.string.contains("Changed</dt><dd class=\"govuk-summary-list__value\">\(expected.count) ("))
            for urn in expected.keys { #expect(response.body.string.contains("id=\"change-\(urn)\"")) }
        }
    }

    /// In memory a body arrives whole; over a socket 40 kB of framework arrives in several
    /// reads, and the form's CSRF token must still be found in it.
    @Test("a whole framework's text posted over a real connection is compared")
    func overTheNetwork() async throws {
        try await withSift { app, accounts in
            let (officer, csrf) = try await Self.officer(app, accounts)
            var headers = officer.cookieHeader
            headers.contentType = .urlEncodedForm
            let form = ["csrf": csrf, "date": Day(app.sift.settings.now()).description, "yaml": try Self.coventryText()]
            let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            #expect(body.utf8.count > 40_000)

            try await app.testing(method: .running(port: 0)).test(.POST, "/what-if", headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("No establishment would change category or designation."))
            }
        }
    }

    @Test("a read-only user and a school's user find no what-if")
    func hidden() async throws {
        try await withSift { app, accounts in
            for email in ["reader@northbridge.example", "school@northbridge.example"] {
                let browser = Browser(app)
                _ = try await browser.signIn(email, accounts.password(email))
                let home = try await browser.get("/")
                let page = home.status == .seeOther ? try await browser.get(home.headers.first(name: .location)!) : home
                let csrf = try #require(Browser.csrf(in: page.body.string))
                #expect(try await browser.get("/what-if").status == .notFound, "\(email)")
                let post = try await browser.post("/what-if", form: ["csrf": csrf, "date": "2025-10-01", "yaml": try Self.coventryText()])
                #expect(post.status == .notFound, "\(email)")
            }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "whatif_run").count() == 0)
        }
    }
}
}
