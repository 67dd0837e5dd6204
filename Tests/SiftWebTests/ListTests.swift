import Fluent
import FluentSQL
import Foundation
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
