import Fluent
import Foundation
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Managing users")
struct UsersTests {
    @Test("an administrator adds a user with a one-time password, changes a role, resets a password; each is audited and ends sessions")
    func manageUsers() async throws {
        try await withSift { app, accounts in
            let admin = Browser(app)
            _ = try await admin.signIn("admin@wealdshire.example", accounts.password("admin@wealdshire.example"))
            let list = try await admin.get("/users")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("officer@wealdshire.example"))
            #expect(!list.body.string.contains("northbridge.example"))
            let csrf = try #require(Browser.csrf(in: try await admin.get("/users/new").body.string))
            // Bad input: each field named, nothing saved.
            let bad = try await admin.post("/users/new", form: ["csrf": csrf, "name": "", "email": "nobody", "role": "school_user", "establishment": "999999"])
            #expect(bad.status == .unprocessableEntity)
            for message in ["Enter the user&#39;s name", "Enter an email address", "Enter the URN of one of the authority&#39;s establishments"] {
                #expect(bad.body.string.contains(message), "\(message)")
            }
            let taken = try await admin.post("/users/new", form: ["csrf": csrf, "name": "Twin", "email": "officer@wealdshire.example", "role": "officer"])
            #expect(taken.body.string.contains("exists already"))
            let noNetwork = try await admin.post("/users/new", form: ["csrf": csrf, "name": "Lead", "email": "lead@wealdshire.example", "role": "network_lead", "network": "Elsewhere"])
            #expect(noNetwork.body.string.contains("Choose the network"))
            #expect(try await User.query(on: app.db).filter(\.$email == "lead@wealdshire.example").first() == nil)

            // A network lead, added: the password is shown once and works.
            let network = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "210000").first()?.network)
            let added = try await admin.post("/users/new", form: ["csrf": csrf, "name": "Lead", "email": "Lead@Wealdshire.example", "role": "network_lead", "network": network])
            #expect(added.status == .ok)
            #expect(added.headers.first(name: .cacheControl) == "no-store")
            let page = added.body.string
            let start = try #require(page.range(of: "<code class=\"sift-password\">"))
            let password = String(page[start.upperBound...].prefix { $0 != "<" })
            #expect(password.count == 16)
            let lead = try #require(try await User.query(on: app.db).filter(\.$email == "lead@wealdshire.example").first())
            #expect(lead.role == .networkLead && lead.network == network)
            let leadBrowser = Browser(app)
            #expect(try await leadBrowser.signIn("lead@wealdshire.example", password).headers.first(name: .location) == "/")

            // Made a read-only user: the change is audited and the lead's session ends.
            let changed = try await admin.post("/users/\(lead.id!)", form: ["csrf": csrf, "role": "read_only", "network": network])
            #expect(changed.status == .seeOther)
            let after = try #require(try await User.find(lead.id, on: app.db))
            #expect(after.role == .readOnly && after.network == nil)
            #expect(try await leadBrowser.get("/").status == .seeOther)
            // Reset: the old password no longer works, the new one does.
            #expect(try await admin.get("/users/\(lead.id!)/password").status == .ok)
            let reset = try await admin.post("/users/\(lead.id!)/password", form: ["csrf": csrf])
            #expect(reset.status == .ok)
            let resetPage = reset.body.string
            let mark = try #require(resetPage.range(of: "<code class=\"sift-password\">"))
            let fresh = String(resetPage[mark.upperBound...].prefix { $0 != "<" })
            #expect(fresh != password)
            #expect(try await Browser(app).signIn("lead@wealdshire.example", password).status == .unprocessableEntity)
            #expect(try await Browser(app).signIn("lead@wealdshire.example", fresh).headers.first(name: .location) == "/")
            let actions = try await AuditEntry.query(on: app.db).filter(\.$detail ~~ "lead@wealdshire.example").all().map(\.action)
            #expect(Set(actions).isSuperset(of: ["user_created", "role_changed", "password_reset"]))

            // An administrator cannot take away their own administration.
            let me = try #require(try await User.query(on: app.db).filter(\.$email == "admin@wealdshire.example").first())
            let demote = try await admin.post("/users/\(me.id!)", form: ["csrf": csrf, "role": "officer"])
            #expect(demote.status == .unprocessableEntity)
            // Another authority's users do not exist here.
            let stranger = try #require(try await User.query(on: app.db).filter(\.$email == "officer@northbridge.example").first())
            #expect(try await admin.get("/users/\(stranger.id!)").status == .notFound)
            #expect(try await admin.post("/users/\(stranger.id!)/password", form: ["csrf": csrf]).status == .notFound)
        }
    }
}
}
