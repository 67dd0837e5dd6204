import Fluent
import Foundation
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("The web service")
struct WebTests {
    @Test("the sign-in page has a CSRF field and every response carries the security headers")
    func signInPage() async throws {
        try await withSift { app, _ in
            let page = try await Browser(app).get("/sign-in")
            #expect(page.status == .ok)
            #expect(Browser.csrf(in: page.body.string) != nil)
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let missing = try await Browser(app).get("/no-such-page")
            #expect(missing.headers.first(name: "Content-Security-Policy") != nil)
        }
    }

    @Test("signing in renews the session; signing out ends it; a signed-out visitor is sent to sign in")
    func signInAndOut() async throws {
        try await withSift { app, accounts in
            let browser = Browser(app)
            #expect(try await browser.get("/").status == .seeOther)
            browser.cookies["sift_session"] = "a-session-id-an-attacker-planted"
            let signedIn = try await browser.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            #expect(signedIn.status == .seeOther)
            let session = try #require(browser.cookies["sift_session"])
            #expect(session != "a-session-id-an-attacker-planted")
            #expect(signedIn.headers[.setCookie].first { $0.hasPrefix("sift_session=") }?.contains("HttpOnly") == true)
            let overview = try await browser.get("/")
            #expect(overview.status == .ok)
            #expect(overview.body.string.contains("Northbridge City Council"))
            #expect(overview.body.string.contains("<svg"))
            // Sign-out needs the form's token.
            #expect(try await browser.post("/sign-out", form: [:]).status == .forbidden)
            let csrf = try #require(Browser.csrf(in: overview.body.string))
            #expect(try await browser.post("/sign-out", form: ["csrf": csrf]).status == .seeOther)
            browser.cookies["sift_session"] = session
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("a wrong password, an unknown email and missing fields are refused with the GOV.UK error summary")
    func badSignIn() async throws {
        try await withSift { app, _ in
            let browser = Browser(app)
            let wrong = try await browser.signIn("officer@northbridge.example", "not-the-password")
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("There is a problem"))
            #expect(try await browser.signIn("nobody@example.org", "x").status == .unprocessableEntity)
            let empty = try await browser.signIn("", "")
            #expect(empty.body.string.contains("Enter your email address"))
            #expect(empty.body.string.contains("Enter your password"))
            #expect(browser.cookies["sift_session"] == nil)
        }
    }

    @Test("ten failures lock an account for five minutes, even against the right password")
    func lockout() async throws {
        let clock = TestClock()
        try await withSift(clock: clock) { app, accounts in
            let browser = Browser(app)
            for _ in 0..<10 { _ = try await browser.signIn("admin@riverside.example", "wrong") }
            let locked = try await browser.signIn("admin@riverside.example", accounts.password("admin@riverside.example"))
            #expect(locked.status == .unprocessableEntity)
            // A locked account answers as an unknown one does: the page does not tell which exists.
            let unknown = try await browser.signIn("nobody@riverside.example", "wrong")
            #expect(locked.body.string.contains(SignInController.wrongDetails.message) && unknown.body.string.contains(SignInController.wrongDetails.message))
            #expect(!locked.body.string.contains("This account is locked"))
            clock.advance(by: 5 * 60 + 1)
            #expect(try await browser.signIn("admin@riverside.example", accounts.password("admin@riverside.example")).status == .seeOther)
        }
    }

    @Test("forty wrong passwords sent at once are each counted: the account is locked")
    func lockoutAtOnce() async throws {
        try await withSift { app, accounts in
            let page = try await Browser(app).get("/sign-in")
            #expect(page.headers.first(name: .cacheControl) != "no-store", "a page for no one in particular may be kept")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask { _ = try await Browser(app).signIn("officer@fenmoor.example", "wrong") }
                }
                try await group.waitForAll()
            }
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "officer@fenmoor.example").first())
            #expect(user.lockedUntil != nil, "locked after ten of the forty")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "account_locked").count() >= 1)
            // Whatever a signed-in person is shown is never stored by the browser.
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            for path in ["/establishments", "/establishments.csv", "/api/v1/establishments/200001"] {
                #expect(try await officer.get(path).headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
        }
    }

    @Test("a session ends after 30 idle minutes")
    func idleTimeout() async throws {
        let clock = TestClock()
        try await withSift(clock: clock) { app, accounts in
            let browser = Browser(app)
            _ = try await browser.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            #expect(try await browser.get("/").status == .ok)
            clock.advance(by: 31 * 60)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("a school user sees their own establishment and nothing else, by any URL")
    func schoolUserIsolation() async throws {
        try await withSift { app, accounts in
            let browser = Browser(app)
            _ = try await browser.signIn("school@ironbury.example", accounts.password("school@ironbury.example"))
            let home = try await browser.get("/")
            #expect(home.status == .seeOther)
            let own = try #require(home.headers.first(name: .location))
            let page = try await browser.get(own)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Why"))
            let others = try await EstablishmentRecord.query(on: app.db).all().map(\.urn).filter { "/establishments/\($0)" != own }
            #expect(others.count > 100)
            for urn in others.prefix(40) {
                #expect(try await browser.get("/establishments/\(urn)").status == .notFound, "URN \(urn)")
            }
            let list = try await browser.get("/establishments")
            #expect(list.body.string.contains("1 establishment"))
            let csv = try await browser.get("/establishments.csv")
            #expect(csv.body.string.split(separator: "\n").count == 2)
        }
    }

    @Test("an officer sees their own authority's establishments and none of another's")
    func tenancy() async throws {
        try await withSift { app, accounts in
            let browser = Browser(app)
            _ = try await browser.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let mine = try await Authority.query(on: app.db).filter(\.$code == "northbridge").first()!
            let theirs = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id != mine.id!).first()!
            #expect(try await browser.get("/establishments/\(theirs.urn)").status == .notFound)
            let own = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == mine.id!).first()!
            let page = try await browser.get("/establishments/\(own.urn)")
            #expect(page.status == .ok)
            let csv = try await browser.get("/establishments.csv")
            #expect(!csv.body.string.contains(theirs.urn))
        }
    }

    @Test("the list searches by name or URN, filters by category, and pages")
    func list() async throws {
        try await withSift { app, accounts in
            let browser = Browser(app)
            _ = try await browser.signIn("admin@ironbury.example", accounts.password("admin@ironbury.example"))
            let all = try await browser.get("/establishments")
            #expect(all.status == .ok)
            #expect(all.body.string.contains("58 establishments"))
            #expect(all.body.string.contains("Page 1 of 2"))
            let one = try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "240003").first()!
            let byURN = try await browser.get("/establishments?q=240003")
            #expect(byURN.body.string.contains(one.name))
            let word = String(one.name.split(separator: " ")[0]).uppercased()
            let byName = try await browser.get("/establishments?q=\(word)")
            #expect(byName.body.string.contains(one.name))
            // Words are matched from their start, every word typed must match, and case, accents
            // and apostrophes do not matter.
            let words = one.name.split(separator: " ").map(String.init)
            let prefixes = words.prefix(2).map { String($0.prefix(3)) }.joined(separator: "+")
            #expect(try await browser.get("/establishments?q=\(prefixes)").body.string.contains(one.name))
            #expect(try await browser.get("/establishments?q=\(words[0])+zzzz").body.string.contains("0 establishments"))
            #expect(try await browser.get("/establishments?q=2400").body.string.contains(one.name))
            // Another authority's establishments are never found.
            let stranger = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            let theirs = stranger.name.split(separator: " ").map { String($0) }.joined(separator: "+")
            #expect(!(try await browser.get("/establishments?q=\(theirs)").body.string.contains(">\(stranger.name)<")))
            let category = try #require(one.proposedCategory)
            let filtered = try await browser.get("/establishments?category=\(category)")
            #expect(filtered.body.string.contains(one.name))
        }
    }

    @Test("passwords are stored as Bcrypt hashes, never as given")
    func bcrypt() async throws {
        try await withApp(configure: { app in try await configure(app, settings: ServerSettings(database: .memory)) }) { app in
            let authority = Authority(code: "t", name: "T", frameworkID: "hackney-2023")
            try await authority.save(on: app.db)
            let password = try await Accounts.createUser(authorityCode: "t", email: "Someone@Example.org", name: "S", role: "officer",
                                                         establishmentURN: nil, network: nil, on: app)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "someone@example.org").first())
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(!user.passwordHash.contains(password))
            #expect(try Bcrypt.verify(password, created: user.passwordHash))
        }
    }
}
}
