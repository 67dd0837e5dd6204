import Fluent
import FluentSQL
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("The establishment list")
struct ListTests {
    @Test("counts and networks kept between requests follow every change to the establishments")
    func keptAnswersFollowChanges() async throws {
        try await withSift { app, accounts in
            let browser = Browser(app)
            _ = try await browser.signIn("admin@ironbury.example", accounts.password("admin@ironbury.example"))
            #expect(try await browser.get("/establishments").body.string.contains("58 establishments"))
            #expect(try await browser.get("/establishments?q=zebra").body.string.contains("0 establishments"))
            #expect(!(try await browser.get("/establishments").body.string.contains("Network Zebra")))

            // A rename, as any save of an establishment: the search's count moves at once.
            let one = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "240003").first())
            let authorityID = one.$authority.id
            let before = try await Self.dataVersion(authorityID, on: app.db)
            one.name = "Zebra Crossing Primary School"
            one.network = "Network Zebra"
            try await one.save(on: app.db)
            try await SearchWords.replace(for: [one], on: app.db)
            if let before { #expect(try await Self.dataVersion(authorityID, on: app.db)! > before) }
            #expect(try await browser.get("/establishments?q=zebra").body.string.contains("1 establishment<"))
            #expect(try await browser.get("/establishments").body.string.contains("Network Zebra"))

            // An establishment added and one removed: the total follows each.
            let added = EstablishmentRecord(authorityID: authorityID, urn: "249999", name: "Added School", kind: "community",
                                            phase: "primary", network: one.network)
            try await added.save(on: app.db)
            #expect(try await browser.get("/establishments").body.string.contains("59 establishments"))
            try await added.delete(on: app.db)
            #expect(try await browser.get("/establishments").body.string.contains("58 establishments"))
        }
    }

    @Test("a list longer than its kept URNs is read a page at a time from where each page begins, in name and URN order")
    func longListPages() async throws {
        try await withSift { app, accounts in
            // 3,000 more establishments take the list past the 2,500 whose URNs are kept whole.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("long-list-\(UUID().uuidString).json").path
            try TreeWriter.json(SyntheticEvidence(count: 3_000, seed: 7).tree()).write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            _ = try await EvidenceImport.load(path: file, authorityCode: "ironbury", on: app)
            let ironbury = try #require(try await Authority.query(on: app.db).filter(\.$code == "ironbury").first())
            let expected = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == ironbury.requireID())
                .sort(\.$name).sort(\.$urn).all().map(\.urn)
            #expect(expected.count > ListOrder.mostURNsKept)
            let browser = Browser(app)
            _ = try await browser.signIn("admin@ironbury.example", accounts.password("admin@ironbury.example"))
            let pageCount = (expected.count + EstablishmentController.pageSize - 1) / EstablishmentController.pageSize
            for page in [1, 2, pageCount / 2, pageCount - 1, pageCount] {
                let html = try await browser.get("/establishments?page=\(page)").body.string
                let shown = html.matches(of: /href="\/establishments\/(\d+)"/).map { String($0.output.1) }
                let start = (page - 1) * EstablishmentController.pageSize
                #expect(shown == Array(expected[start..<min(start + EstablishmentController.pageSize, expected.count)]), "page \(page)")
            }
        }
    }

    @Test("names are escaped in the list and the filters: markup in the data is shown, never run")
    func escaping() async throws {
        try await withSift { app, accounts in
            let browser = Browser(app)
            _ = try await browser.signIn("admin@ironbury.example", accounts.password("admin@ironbury.example"))
            let one = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "240003").first())
            one.name = "Oak <script>alert('x')</script> & \"Sons\""
            one.network = "<b>North</b>"
            try await one.save(on: app.db)
            let page = try await browser.get("/establishments?page=1&category=&q=").body.string
            #expect(!page.contains("<script>alert"))
            #expect(!page.contains("<b>North</b>"))
            #expect(page.contains("Oak &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Sons&quot;"))
            #expect(page.contains("<option value=\"&lt;b&gt;North&lt;/b&gt;\">&lt;b&gt;North&lt;/b&gt;</option>"))
        }
    }

    /// The authority's data version, where the database keeps one (SQLite).
    static func dataVersion(_ authorityID: UUID, on database: any Database) async throws -> Int? {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return nil }
        return try await sql.select().column("data_version").from(Authority.schema).where("id", .equal, authorityID).first()?
            .decode(column: "data_version", as: Int.self)
    }
}
}

@Suite("Markup written in Swift")
struct HTMLFragmentTests {
    @Test("every character that could open markup or close an attribute is escaped")
    func escape() {
        #expect(HTMLFragment.escape("Plain name 12") == "Plain name 12")
        #expect(HTMLFragment.escape("<a href=\"x\">St Mary's & Co</a>") == "&lt;a href=&quot;x&quot;&gt;St Mary&#39;s &amp; Co&lt;/a&gt;")
        #expect(HTMLFragment.escape("Ysgol Brynïach ✓") == "Ysgol Brynïach ✓")
        #expect(HTMLFragment.options([(value: "a\"b", label: "<A>")], selected: "a\"b") == "<option value=\"a&quot;b\" selected>&lt;A&gt;</option>\n")
    }
}
