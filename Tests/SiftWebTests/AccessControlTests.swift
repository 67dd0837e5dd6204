import Fluent
import Foundation
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// Calls every registered route as every role — signed out, school user, network lead,
/// read-only, officer, administrator — against the user's own establishment, another of the
/// same authority, and one of another authority, and checks each answer.
@Suite("Access control")
struct AccessControlTests {
    enum Target: String, CaseIterable { case own, sameAuthority, otherAuthority }

    @Test("every route, every role, every target")
    func matrix() async throws {
        try await withSift { app, accounts in
            // Northbridge: a run, and letters for the school user's school and for another.
            let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first())
            let fenmoor = try #require(try await Authority.query(on: app.db).filter(\.$code == "fenmoor").first())
            let schoolUser = try #require(try await User.query(on: app.db).filter(\.$email == "school@northbridge.example").first())
            let lead = try #require(try await User.query(on: app.db).filter(\.$email == "network@northbridge.example").first())
            let own = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == schoolUser.establishmentURN!).first())
            let sameAuthority = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == northbridge.id!)
                .filter(\.$network != lead.network!).first())
            let otherAuthority = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == fenmoor.id!).first())
            let officer = Browser(app)
            _ = try await officer.signIn("officer@northbridge.example", accounts.password("officer@northbridge.example"))
            let officerCSRF = try #require(Browser.csrf(in: try await officer.get("/runs").body.string))
            let year = Runs.academicYear(of: app.sift.settings.now())
            #expect(try await officer.proposeYear(year, csrf: officerCSRF).status == .seeOther)
            for record in [own, sameAuthority] {
                #expect(try await officer.post("/establishments/\(record.urn)/recategorise",
                                               form: ["csrf": officerCSRF, "category": "3", "reason": "test"]).status == .seeOther)
            }
            let stranger = Browser(app)
            _ = try await stranger.signIn("officer@fenmoor.example", accounts.password("officer@fenmoor.example"))
            let strangerCSRF = try #require(Browser.csrf(in: try await stranger.get("/").body.string))
            #expect(try await stranger.post("/establishments/\(otherAuthority.urn)/recategorise",
                                            form: ["csrf": strangerCSRF, "category": "2", "reason": "test"]).status == .seeOther)
            func letter(_ record: EstablishmentRecord) async throws -> String {
                try #require(try await LetterRecord.query(on: app.db).filter(\.$establishment.$id == record.id!).first()).id!.uuidString
            }
            let urns: [Target: String] = [.own: own.urn, .sameAuthority: sameAuthority.urn, .otherAuthority: otherAuthority.urn]
            func userID(_ email: String) async throws -> String {
                try #require(try await User.query(on: app.db).filter(\.$email == email).first()).id!.uuidString
            }
            let userIDs: [Target: String] = [.own: try await userID("reader@northbridge.example"), .sameAuthority: try await userID("network@northbridge.example"),
                                             .otherAuthority: try await userID("reader@fenmoor.example")]
            let letters: [Target: String] = [.own: try await letter(own), .sameAuthority: try await letter(sameAuthority),
                                             .otherAuthority: try await letter(otherAuthority)]

            // An upload's import under way in each authority.
            let ownJob = app.sift.imports.begin(authorityID: try northbridge.requireID(), fileName: "own.csv", dryRun: true, at: Date())
            let strangerJob = app.sift.imports.begin(authorityID: try fenmoor.requireID(), fileName: "other.csv", dryRun: true, at: Date())
            let jobs: [Target: String] = [.own: ownJob.uuidString, .sameAuthority: ownJob.uuidString, .otherAuthority: strangerJob.uuidString]
            // The network lead's own network, another of the authority, and one of another authority.
            func network(_ name: String?, _ authority: Authority) async throws -> String {
                var query = NetworkRecord.query(on: app.db).filter(\.$authority.$id == authority.id!)
                if let name { query = query.filter(\.$name == name) }
                return try #require(try await query.first()).id!.uuidString
            }
            let networks: [Target: String] = [.own: try await network(lead.network, northbridge), .sameAuthority: try await network(sameAuthority.network, northbridge),
                                              .otherAuthority: try await network(nil, fenmoor)]

            let roles: [(String?, Role?)] = [(nil, nil), ("school@northbridge.example", .schoolUser), ("network@northbridge.example", .networkLead),
                                             ("reader@northbridge.example", .readOnly), ("officer@northbridge.example", .officer),
                                             ("admin@northbridge.example", .administrator)]
            var checked = 0
            for (email, role) in roles {
                let browser = Browser(app)
                var csrf = ""
                if let email {
                    _ = try await browser.signIn(email, accounts.password(email))
                    let home = try await browser.get("/")
                    let page = home.status == .seeOther ? try await browser.get(home.headers.first(name: .location)!) : home
                    csrf = try #require(Browser.csrf(in: page.body.string), "\(email)")
                }
                for route in app.routes.all {
                    let path = route.path.map { "\($0)" }
                    for target in Target.allCases {
                        let concrete = "/" + path.map { part -> String in
                            switch part {
                            case ":urn": return urns[target]!
                            case ":id": return letters[target]!
                            case ":userID": return userIDs[target]!
                            case ":job": return jobs[target]!
                            case ":network": return networks[target]!
                            case ":year": return String(year)
                            default: return part
                            }
                        }.joined(separator: "/")
                        let usesTarget = path.contains(":urn") || path.contains(":id") || path.contains(":userID") || path.contains(":job")
                            || path.contains(":network")
                        if !usesTarget && target != .own { continue }
                        // Sign-in is for everyone; sign-out is checked last, so the rest run signed in.
                        if path.first == "sign-in" || path.first == "sign-out" { continue }
                        let response = route.method == .POST
                            ? try await browser.post(concrete, form: ["csrf": csrf, "category": "4", "reason": "matrix", "action": "agree", "year": String(year + 1)])
                            : try await browser.get(concrete)
                        let status = response.status
                        let label = "\(role?.rawValue ?? "signed out") \(route.method) \(concrete) (\(target))"
                        #expect(status.code < 500, "\(label): \(status)")
                        if path.last == "openapi.json" {
                            #expect(status == .ok, "\(label): \(status)")
                            continue
                        }
                        guard let role else {
                            if path.first == "api" {
                                #expect(status == .unauthorized, "\(label): \(status)")
                            } else {
                                #expect(status == .seeOther && response.headers.first(name: .location) == "/sign-in", "\(label): \(status)")
                            }
                            continue
                        }
                        let isRunRoute = path.first == "runs" || path.first == "what-if" || path.last == "recategorise" || path.contains("evidence") || path.last == "links"
                            || (path.first == "establishments" && path.last == "new")
                            || (route.method == .POST && (path.contains("support") || path.contains("meetings")))
                            || path.first == "compliance" || (route.method == .POST && (path.contains("compliance") || path.contains("partnership")))
                        let mayRun = role == .officer || role == .administrator
                        let outside: Bool = {
                            if target == .otherAuthority { return true }
                            switch role {
                            case .schoolUser, .networkLead: return target == .sameAuthority
                            default: return false
                            }
                        }()
                        let adminPage = route.method == .POST || ["new", "assign", "edit"].contains(path.last ?? "")
                        let networksHidden = path.first == "networks" && (role == .schoolUser || (adminPage && role != .administrator))
                        let hidden = networksHidden || (path.first == "decisions.csv" && (role == .schoolUser || role == .networkLead))
                            || (["audit", "users", "imports", "quintiles", "parameters"].contains(path.first ?? "") && role != .administrator)
                            || (path.first == "support" && (role == .schoolUser || (route.method == .POST && !(role == .officer || role == .administrator))))
                            || (path.first == "capacity" && (role == .schoolUser || role == .networkLead || (route.method == .POST && role == .readOnly)))
                            || (["funding", "funding.csv"].contains(path.first ?? "") && role == .schoolUser)
                        if (usesTarget && outside) || (isRunRoute && !mayRun) || hidden {
                            #expect(status == .notFound, "\(label): \(status)")
                        } else {
                            #expect([.ok, .seeOther, .unprocessableEntity].contains(status), "\(label): \(status)")
                        }
                        checked += 1
                    }
                }
                let out = try await browser.post("/sign-out", form: ["csrf": csrf])
                #expect(out.status == .seeOther && out.headers.first(name: .location) == "/sign-in")
                if role != nil { #expect(try await browser.get("/").status == .seeOther, "signed out, \(email ?? "")") }
            }
            #expect(checked > 100)
        }
    }
}
}
