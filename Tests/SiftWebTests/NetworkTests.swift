import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// Networks and consortia as records: kept by administrators in the framework's words, moves
/// appended with the day they take effect, funding following the network of each day.
@Suite("Networks and consortia")
struct NetworkTests {
    @Test("an administrator adds a network and moves a school into it from a day: its history is kept and its funding is split by the days in each")
    func moveAndFunding() async throws {
        try await withSift { app, accounts in
            let funding = FundingTests()
            let (admin, csrf) = try await funding.signedIn(app, "admin@northbridge.example", accounts)
            #expect(try await admin.post("/parameters", form: FundingTests.coventry.merging(["csrf": csrf]) { $1 }).status == .seeOther)
            let list = try await admin.get("/networks").body.string
            #expect(list.contains("<h1 class=\"govuk-heading-xl\">Networks</h1>") && list.contains("Northbridge network 5"))
            #expect(list.contains("every establishment it covers is in one network") && list.contains("Every open establishment the framework covers is in one."))

            // A name already taken is refused; a new network is added and audited.
            let taken = try await admin.post("/networks/new", form: ["csrf": csrf, "name": "Northbridge network 1"])
            #expect(taken.status == .unprocessableEntity && taken.body.string.contains("There is already a network called Northbridge network 1"))
            let added = try await admin.post("/networks/new", form: ["csrf": csrf, "name": "Northbridge network 6", "phase": "primary", "lead": "Jo Lead"])
            #expect(added.status == .seeOther)
            let network = try #require(try await NetworkRecord.query(on: app.db).filter(\.$name == "Northbridge network 6").first())
            #expect(network.phase == "primary" && network.lead == "Jo Lead")

            let (officer, officerCSRF) = try await funding.signedIn(app, "officer@northbridge.example", accounts)
            let year = Runs.academicYear(of: app.sift.settings.now())
            #expect(try await officer.proposeYear(year, csrf: officerCSRF).status == .seeOther)
            let school = try await funding.record(app, authority: "northbridge", proposed: ["1", "2", "3", "4"])
            let before = try #require(school.network)
            #expect(try await officer.post("/runs/\(year)/\(school.urn)", form: ["csrf": officerCSRF, "action": "agree"]).status == .seeOther)

            // Moves are refused with what to do: an unknown URN, a day that has not come; only an administrator moves.
            let path = "/networks/\(try network.requireID())/members"
            let unknown = try await admin.post(path, form: ["csrf": csrf, "urns": "999999", "from": "01/10/\(year - 1)"])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("No establishment of this authority has the URN 999999"))
            let future = try await admin.post(path, form: ["csrf": csrf, "urns": school.urn, "from": "01/09/\(year)"])
            #expect(future.status == .unprocessableEntity && future.body.string.contains("Enter a day that has come"))
            #expect(try await officer.post(path, form: ["csrf": officerCSRF, "urns": school.urn, "from": "01/10/\(year - 1)"]).status == .notFound)
            #expect(try await admin.post(path, form: ["csrf": csrf, "urns": school.urn, "from": "01/10/\(year - 1)"]).status == .seeOther)

            let moved = try #require(try await EstablishmentRecord.find(school.requireID(), on: app.db))
            #expect(moved.network == "Northbridge network 6")
            #expect(try await Proposals.establishment(moved, on: app.db).network == "Northbridge network 6")
            let history = try await NetworkMembershipRecord.query(on: app.db).filter(\.$establishment.$id == school.requireID()).all()
            #expect(history.count == 2 && history.contains { $0.fromDay == nil } && history.contains { $0.fromDay == "\(year - 1)-10-01" && $0.source == "form" })
            let page = try await admin.get("/networks/\(try network.requireID())").body.string
            #expect(page.contains("Members today (1)") && page.contains(school.name) && page.contains("1 October \(year - 1)") && page.contains("Joined"))
            let oldID = try #require(try await NetworkRecord.query(on: app.db).filter(\.$name == before).first()?.requireID())
            #expect(try await admin.get("/networks/\(oldID)").body.string.contains("Left for Northbridge network 6"))

            // Funding: September in the old network, October to August in the new; the parts add up to the year.
            let lines = try funding.rows(try await officer.get("/funding.csv?year=\(year)").body.string).filter { $0[0] == school.urn }
            #expect(lines.map { $0[2] } == [before, "Northbridge network 6"])
            #expect(lines.map { $0[8] } == ["\(year - 1)-09-30", "\(year)-08-31"] && lines.map { $0[9] } == ["30", "335"])
            let pupils = try #require(try await Proposals.establishment(moved, on: app.db).pupils)
            let whole = Double(pupils) * 40 * FundingTests.categoryWeight[school.proposedCategory!]! * FundingTests.designationWeight[school.proposedDesignation!]!
            #expect(abs(lines.map { funding.number($0[12]) }.reduce(0, +) - whole) < 0.01, "\(lines)")
            let totals = try funding.rows(try await officer.get("/funding/networks.csv?year=\(year)").body.string)
            #expect(totals.first { $0[0] == "authority" }?[3] == "1", "a school in two networks is one establishment of the authority")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["network_added", "network_moved"]).count() == 2)
        }
    }

    @Test("placing from a file is all or nothing, with each bad row named; a school taken out of every network is listed as needing one")
    func fromFile() async throws {
        try await withSift { app, accounts in
            let (admin, csrf) = try await FundingTests().signedIn(app, "admin@northbridge.example", accounts)
            let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first())
            let schools = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == northbridge.requireID())
                .filter(\.$notCovered == nil).sort(\.$urn).all()
            let (first, second) = (schools[0], schools[1])
            let bad = "urn,network,from\n\(first.urn),Northbridge network 2,01/09/2025\n123,Northbridge network 2,01/09/2025\n\(second.urn),Nowhere,2025-09-01\n\(second.urn),,01/09/2099\n"
            let refused = try await admin.upload("/networks/assign", form: ["csrf": csrf], file: (name: "file", filename: "moves.csv", contents: bad))
            #expect(refused.status == .unprocessableEntity)
            let text = refused.body.string
            #expect(text.contains("Nothing was stored: the file has 4 problems") && text.contains("no establishment of this authority has the URN 123")
                    && text.contains("no network is called “Nowhere”") && text.contains("has not come yet") && text.contains("is on line 4 too"))
            #expect(try await NetworkMembershipRecord.query(on: app.db).filter(\.$source == "moves.csv").count() == 0)

            let good = "urn,network,from\n\(first.urn),Northbridge network 2,01/09/2025\n\(second.urn),,01/10/2025\n"
            #expect(try await admin.upload("/networks/assign", form: ["csrf": csrf], file: (name: "file", filename: "moves.csv", contents: good)).status == .seeOther)
            #expect(try await EstablishmentRecord.find(first.requireID(), on: app.db)?.network == "Northbridge network 2")
            #expect(try await EstablishmentRecord.find(second.requireID(), on: app.db)?.network == nil)
            let list = try await admin.get("/networks").body.string
            #expect(list.contains("Not in a network (1)") && list.contains(second.name))

            // A network lead sees their own network only; a school user sees none.
            let (lead, _) = try await FundingTests().signedIn(app, "network@northbridge.example", accounts)
            let theirs = try await lead.get("/networks").body.string
            let leadNetwork = try #require(try await User.query(on: app.db).filter(\.$email == "network@northbridge.example").first()?.network)
            #expect(theirs.contains(leadNetwork) && !theirs.contains("Not in a network"))
            let (school, _) = try await FundingTests().signedIn(app, "school@northbridge.example", accounts)
            #expect(try await school.get("/networks").status == .notFound)
            // Warwickshire's framework calls them consortia.
            let (weald, _) = try await FundingTests().signedIn(app, "admin@wealdshire.example", accounts)
            let consortia = try await weald.get("/networks").body.string
            #expect(consortia.contains("<h1 class=\"govuk-heading-xl\">Consortia</h1>") && consortia.contains("Wealdshire consortium 1")
                    && consortia.contains("all schools would belong to a consortium"))
        }
    }
}
}
