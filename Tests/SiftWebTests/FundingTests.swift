import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("Network and consortium funding")
struct FundingTests {
    /// Coventry's rate and weights as an authority might set them (the seed gives neither).
    static let coventry = ["network_rate_per_pupil": "£40", "weight_category_1": "4", "weight_category_2": "3", "weight_category_3": "2",
                           "weight_category_4": "1", "weight_designation_A": "1.5", "weight_designation_B": "1.25",
                           "weight_designation_C": "1.1", "weight_designation_D": "1"]
    static let categoryWeight: [String: Double] = ["1": 4, "2": 3, "3": 2, "4": 1]
    static let designationWeight: [String: Double] = ["A": 1.5, "B": 1.25, "C": 1.1, "D": 1]

    func signedIn(_ app: Application, _ email: String, _ accounts: [DemoData.Account]) async throws -> (Browser, String) {
        let browser = Browser(app)
        _ = try await browser.signIn(email, accounts.password(email))
        let home = try await browser.get("/")
        let page = home.status == .seeOther ? try await browser.get(home.headers.first(name: .location)!) : home
        return (browser, try #require(Browser.csrf(in: page.body.string)))
    }

    func rows(_ csv: String) throws -> [[String]] {
        let reader = CSVReader(bytes: Array(csv.utf8))
        var rows: [[String]] = []
        while let record = try reader.next() { rows.append(record.fields) }
        return Array(rows.dropFirst())
    }

    /// A CSV cell as a number; one that is not (an amount not worked out is blank) fails any comparison.
    func number(_ cell: String?) -> Double { cell.flatMap(Double.init) ?? .nan }

    /// The first maintained school of the authority proposed one of these categories: any
    /// category can be given to it (Coventry's 1 and 2 are for maintained schools only).
    func record(_ app: Application, authority code: String, proposed: [String]) async throws -> EstablishmentRecord {
        let authority = try #require(try await Authority.query(on: app.db).filter(\.$code == code).first())
        return try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == authority.requireID())
            .filter(\.$proposedCategory ~~ proposed).sort(\.$urn).all().first { EstablishmentKind(rawValue: $0.kind)?.isMaintained == true })
    }

    @Test("an administrator sets Coventry's rate and weights: bad input stores nothing; every page's engine uses them; only the admin may")
    func setRates() async throws {
        try await withSift { app, accounts in
            let (admin, csrf) = try await signedIn(app, "admin@northbridge.example", accounts)
            let school = try await record(app, authority: "northbridge", proposed: ["4"])
            #expect(try await admin.get("/api/v1/establishments/\(school.urn)").body.string.contains("the authority has not set network_rate_per_pupil"))
            let page = try await admin.get("/parameters")
            #expect(page.status == .ok && page.body.string.contains("network_rate_per_pupil") && page.body.string.contains("Not set"))

            var bad = Self.coventry.merging(["csrf": csrf, "network_rate_per_pupil": "forty pounds", "weight_category_1": "-4"]) { $1 }
            let refused = try await admin.post("/parameters", form: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("There is a problem"))
            #expect(refused.body.string.contains("Enter network_rate_per_pupil as a number"))
            #expect(refused.body.string.contains("funding cannot be negative"))
            #expect(try await ParameterValueRecord.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "parameters_set").count() == 0)

            #expect(try await admin.post("/parameters", form: Self.coventry.merging(["csrf": csrf]) { $1 }).status == .seeOther)
            let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first())
            let inForce = try await AuthorityParameters.inForce(authorityID: northbridge.requireID(), frameworkID: "coventry-2023", on: app.db)
            #expect(inForce == ["network_rate_per_pupil": 40, "weight_category_1": 4, "weight_category_2": 3, "weight_category_3": 2,
                                "weight_category_4": 1, "weight_designation_A": 1.5, "weight_designation_B": 1.25,
                                "weight_designation_C": 1.1, "weight_designation_D": 1])
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "parameters_set").first())
            // Funding rates and weights move no proposal, so none is worked out again.
            #expect(audit.detail.contains("network_rate_per_pupil 40") && !audit.detail.contains("proposals worked out again"))
            let api = try await admin.get("/api/v1/establishments/\(school.urn)").body.string
            #expect(!api.contains("the authority has not set") && api.contains("\"rate\":40"))

            // Sending the same again stores nothing; a blank field goes back to the file's value; a
            // threshold the rules read has every proposal worked out again.
            #expect(try await admin.post("/parameters", form: Self.coventry.merging(["csrf": csrf]) { $1 }).headers.first(name: .location)
                    == "/parameters?changed=0")
            bad = Self.coventry.merging(["csrf": csrf, "weight_category_1": "", "new_headteacher_months": "18"]) { $1 }
            #expect(try await admin.post("/parameters", form: bad).status == .seeOther)
            let after = try await AuthorityParameters.inForce(authorityID: northbridge.requireID(), frameworkID: "coventry-2023", on: app.db)
            #expect(after["weight_category_1"] == nil && after["new_headteacher_months"] == 18)
            #expect(try await ParameterValueRecord.query(on: app.db).count() == 11)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "parameters_set").sort(\.$at).all().last?.detail
                .contains("proposals worked out again") == true)

            let (officer, officerCSRF) = try await signedIn(app, "officer@northbridge.example", accounts)
            #expect(try await officer.get("/parameters").status == .notFound)
            #expect(try await officer.post("/parameters", form: ["csrf": officerCSRF, "network_rate_per_pupil": "1"]).status == .notFound)
            #expect(try await ParameterValueRecord.query(on: app.db).count() == 11)
        }
    }

    @Test("after a run is agreed the page and CSVs give each establishment's amount, and the network totals add up to the authority's")
    func agreedYear() async throws {
        try await withSift { app, accounts in
            let (admin, adminCSRF) = try await signedIn(app, "admin@northbridge.example", accounts)
            #expect(try await admin.post("/parameters", form: Self.coventry.merging(["csrf": adminCSRF]) { $1 }).status == .seeOther)
            let (officer, csrf) = try await signedIn(app, "officer@northbridge.example", accounts)
            let year = Runs.academicYear(of: app.sift.settings.now())
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            let before = try await officer.get("/funding?year=\(year)").body.string
            #expect(before.contains("0 of 42 establishments have a category agreed") && before.contains("No establishment has a category agreed"))

            let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first())
            let records = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == northbridge.requireID()).all()
            var expected: [String: Double] = [:]
            for record in records {
                #expect(try await officer.post("/runs/\(year)/\(record.urn)", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)
                let pupils = try #require(try await Proposals.establishment(record, on: app.db).pupils)
                let category = try #require(record.proposedCategory), designation = try #require(record.proposedDesignation)
                expected[record.urn] = Double(pupils) * 40 * Self.categoryWeight[category]! * Self.designationWeight[designation]!
            }

            let lines = try rows(try await officer.get("/funding.csv?year=\(year)").body.string)
            #expect(lines.count == 42)
            for line in lines {
                #expect(abs(number(line[12]) - (expected[line[0]] ?? .nan)) < 0.01, "\(line)")
                #expect(line[7] == "\(year - 1)-09-01" && line[9] == "365")
            }
            let totals = try rows(try await officer.get("/funding/networks.csv?year=\(year)").body.string)
            let networks = totals.filter { $0[0] == "network" }, authority = try #require(totals.first { $0[0] == "authority" })
            #expect(networks.count == 5 && networks.map { Int($0[3]) ?? -100 }.reduce(0, +) == 42)
            let authorityAmount = number(authority[6])
            #expect(abs(networks.map { number($0[6]) }.reduce(0, +) - authorityAmount) < 0.01)
            #expect(abs(expected.values.reduce(0, +) - authorityAmount) < 0.01)

            let page = try await officer.get("/funding?year=\(year)").body.string
            #expect(page.contains("42 of 42 establishments have a category agreed") && page.contains("0 not decided"))
            #expect(page.contains("Funding worked out: \(Money.pounds(authorityAmount))."))
            #expect(page.contains("network_rate_per_pupil is 40 GBP") && !page.contains("id=\"not-worked-out\""))

            // A network lead sees their network only, and no authority row.
            let (lead, _) = try await signedIn(app, "network@northbridge.example", accounts)
            let network = try #require(try await User.query(on: app.db).filter(\.$email == "network@northbridge.example").first()?.network)
            let theirs = try rows(try await lead.get("/funding/networks.csv?year=\(year)").body.string)
            #expect(theirs.map { $0[0] } == ["network"] && theirs.first?[1] == network)
            #expect(try rows(try await lead.get("/funding.csv?year=\(year)").body.string).allSatisfy { $0[2] == network })
        }
    }

    @Test("an in-year change re-prices the rest of the year from its date; Warwickshire counts the category held on 1 September")
    func inYearChange() async throws {
        let clock = TestClock()
        try await withSift(clock: clock) { app, accounts in
            let (admin, adminCSRF) = try await signedIn(app, "admin@northbridge.example", accounts)
            #expect(try await admin.post("/parameters", form: Self.coventry.merging(["csrf": adminCSRF]) { $1 }).status == .seeOther)
            let (officer, csrf) = try await signedIn(app, "officer@northbridge.example", accounts)
            let year = Runs.academicYear(of: app.sift.settings.now())
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            let school = try await record(app, authority: "northbridge", proposed: ["4"])
            #expect(try await officer.post("/runs/\(year)/\(school.urn)", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)

            clock.advance(by: 100 * 86_400)
            let (later, laterCSRF) = try await signedIn(app, "officer@northbridge.example", accounts)
            #expect(try await later.post("/establishments/\(school.urn)/recategorise",
                                         form: ["csrf": laterCSRF, "category": "1", "reason": "Inadequate at inspection"]).status == .seeOther)
            let change = Day(app.sift.settings.now()), academic = AcademicYear(year)
            let before = academic.start.days(to: change), after = academic.days - before
            let pupils = Double(try #require(try await Proposals.establishment(school, on: app.db).pupils))
            let weight = Self.designationWeight[try #require(school.proposedDesignation)]!

            let lines = try rows(try await later.get("/funding.csv?year=\(year)").body.string).filter { $0[0] == school.urn }
            #expect(lines.map { $0[5] } == ["4", "1"] && lines.map { $0[9] } == [String(before), String(after)])
            #expect(lines.last?[7] == change.description)
            let expected = pupils * 40 * weight * (1 * Double(before) + 4 * Double(after)) / Double(academic.days)
            #expect(abs(lines.map { number($0[12]) }.reduce(0, +) - expected) < 0.02)
            let page = try await later.get("/funding?year=\(year)").body.string
            #expect(page.contains("1 of 42 establishments have a category agreed") && page.contains("41 not decided"))
            #expect(page.contains("from 1 September \(year - 1), then 1\(school.proposedDesignation!) from \(change.longText)"))

            // Wealdshire (Warwickshire): a change during the year is funded from the next year.
            let (weald, wealdCSRF) = try await signedIn(app, "admin@wealdshire.example", accounts)
            #expect(try await weald.post("/parameters", form: ["csrf": wealdCSRF, "consortium_rate_per_pupil": "50"]).status == .seeOther)
            let nextYear = year + 1
            #expect(try await weald.proposeYear(nextYear, csrf: wealdCSRF).status == .seeOther)
            let good = try await record(app, authority: "wealdshire", proposed: ["1", "2A", "2B"])
            #expect(try await weald.post("/runs/\(nextYear)/\(good.urn)", form: ["csrf": wealdCSRF, "action": "agree"]).status == .seeOther)
            clock.advance(by: 300 * 86_400)
            let (wealdLater, wealdLaterCSRF) = try await signedIn(app, "admin@wealdshire.example", accounts)
            #expect(try await wealdLater.post("/establishments/\(good.urn)/recategorise",
                                              form: ["csrf": wealdLaterCSRF, "category": "3A", "reason": "Data declining"]).status == .seeOther)
            let consortium = try rows(try await wealdLater.get("/funding.csv?year=\(nextYear)").body.string).filter { $0[0] == good.urn }
            #expect(consortium.map { $0[5] } == [good.proposedCategory!, "3A"] && consortium.map { $0[12] } == ["0", "0"] && consortium.map { $0[16] } == ["no", "yes"])
            #expect(try await wealdLater.get("/funding?year=\(nextYear)").body.string.contains("3A from \(Day(app.sift.settings.now()).longText) (funded from the next year)"))
        }
    }

    @Test("the CSV defuses a formula-like name, and a school's user finds no funding page")
    func csvAndSchoolUser() async throws {
        try await withSift { app, accounts in
            let (officer, csrf) = try await signedIn(app, "officer@northbridge.example", accounts)
            let year = Runs.academicYear(of: app.sift.settings.now())
            let school = try await record(app, authority: "northbridge", proposed: ["4"])
            school.name = "=HYPERLINK(\"http://example.com\",\"Click\")"
            try await school.save(on: app.db)
            #expect(try await officer.proposeYear(year, csrf: csrf).status == .seeOther)
            #expect(try await officer.post("/runs/\(year)/\(school.urn)", form: ["csrf": csrf, "action": "agree"]).status == .seeOther)
            let csv = try await officer.get("/funding.csv?year=\(year)").body.string
            #expect(csv.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Click\"\")\""))
            #expect(!csv.contains(",=") && !csv.contains("\n="))
            #expect(try rows(csv).first?[17].contains("the authority has not set network_rate_per_pupil") == true)

            let (user, _) = try await signedIn(app, "school@northbridge.example", accounts)
            for path in ["/funding", "/funding?year=\(year)", "/funding.csv", "/funding/networks.csv?year=\(year)", "/parameters"] {
                #expect(try await user.get(path).status == .notFound, "\(path)")
            }
        }
    }
}
}
