import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("National quintiles")
struct QuintilesTests {
    /// A Northbridge primary with a published KS2 figure, its year and value.
    func schoolWithResults(_ app: Application) async throws -> (record: EstablishmentRecord, year: Int, value: Double) {
        let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first())
        for record in try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == northbridge.requireID()).sort(\.$urn).all() {
            let results = try await Proposals.establishment(record, on: app.db).records(.ks2RWMExpected)
            if let published = results.last(where: { $0.status == .published && $0.value != nil }) {
                return (record, published.year, published.value!)
            }
        }
        throw Abort(.notFound, reason: "no demo school has KS2 results")
    }

    func rwm(_ record: EstablishmentRecord, year: Int, on app: Application) async throws -> MeasureRecord? {
        try await Proposals.establishment(record, on: app.db).records(.ks2RWMExpected).first { $0.year == year }
    }

    @Test("an administrator enters a year's quintiles: bad input stores nothing; good input places the stored figures and is kept")
    func enter() async throws {
        try await withSift { app, accounts in
            let (school, year, value) = try await schoolWithResults(app)
            let browser = Browser(app)
            _ = try await browser.signIn("admin@northbridge.example", accounts.password("admin@northbridge.example"))
            let page = try await browser.get("/quintiles")
            #expect(page.status == .ok && page.body.string.contains("No quintiles are recorded yet."))
            let csrf = try #require(Browser.csrf(in: page.body.string))

            // Out of order, not a number, no measure: the error summary, and nothing stored.
            let falling = try await browser.post("/quintiles", form: ["csrf": csrf, "year": String(year), "measure": "ks2_rwm_expected",
                                                                      "q4From": "70", "q3From": "60", "q2From": "80", "q1From": "90"])
            #expect(falling.status == .unprocessableEntity && falling.body.string.contains("at or above where the one below it begins"))
            let words = try await browser.post("/quintiles", form: ["csrf": csrf, "year": "last year", "measure": "",
                                                                    "q4From": "=1+1", "q3From": "60", "q2From": "80", "q1From": "90"])
            #expect(words.status == .unprocessableEntity && words.body.string.contains("Enter the academic year")
                    && words.body.string.contains("Choose the measure") && words.body.string.contains("Enter where quintile 4 begins"))
            #expect(try await QuintileRecord.query(on: app.db).count() == 0)

            // The school's figure falls below where quintile 4 begins: the bottom quintile.
            let form = ["csrf": csrf, "year": String(year), "measure": "ks2_rwm_expected", "q4From": Tree.format(value + 1),
                        "q3From": Tree.format(value + 2), "q2From": Tree.format(value + 3), "q1From": Tree.format(value + 4)]
            let stored = try await browser.post("/quintiles", form: form)
            #expect(stored.status == .seeOther)
            let shown = try await browser.get(try #require(stored.headers.first(name: .location)))
            #expect(shown.body.string.contains("Quintiles stored:") && shown.body.string.contains("In force"))
            let placed = try #require(try await rwm(school, year: year, on: app))
            #expect(placed.quintile == 5 && placed.bottomQuintileBelow == value + 1)
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "quintiles_entered").first())
            #expect(audit.detail.contains("National quintiles of KS2 reading, writing and maths") && audit.$user.id != nil)

            // Entered again, lower: the school rises to the top fifth, and the first entry is kept as replaced.
            var lower = form
            for (field, step) in [("q4From", 4.0), ("q3From", 3), ("q2From", 2), ("q1From", 1)] { lower[field] = Tree.format(value - step) }
            _ = try await browser.post("/quintiles", form: lower)
            #expect(try await rwm(school, year: year, on: app)?.quintile == 1)
            #expect(try await QuintileRecord.query(on: app.db).count() == 2)
            #expect(try await browser.get("/quintiles").body.string.contains("Replaced"))
        }
    }

    @Test("an authority's own KS2 file is placed by the year's entered quintiles; a national file's are kept once")
    func imports() async throws {
        try await withSift { app, _ in
            let (school, _, _) = try await schoolWithResults(app)
            let northbridge = try #require(try await Authority.query(on: app.db).filter(\.$code == "northbridge").first())
            let cuts = QuintileCuts(q4From: 50, q3From: 60, q2From: 70, q1From: 80)
            _ = try await Quintiles.enter(cuts, measure: .ks2RWMExpected, year: 2031, authority: northbridge, by: nil, on: app)

            let own = NSTemporaryDirectory() + "sift-quintiles-\(UUID().uuidString).csv"
            try "RECTYPE,LEA,URN,PTRWM_EXP,READPROG\n1,999,\(school.urn),65%,0.5\n".write(toFile: own, atomically: true, encoding: .utf8)
            let report = try await PublicDataImport.performance(path: own, keyStage: .ks2, year: 2031, authorityCode: "northbridge", dryRun: false, on: app)
            #expect(report.quintilesEntered == [.ks2RWMExpected] && report.quintilesFrom == nil)
            #expect(ImportReportText.lines(report, dryRun: false).contains { $0.hasPrefix("Placed in national quintiles") })
            let placed = try #require(try await rwm(school, year: 2031, on: app))
            #expect(placed.quintile == 3 && placed.bottomQuintileBelow == 50)
            #expect(try await Proposals.establishment(school, on: app.db).records(.ks2ReadingProgress).last?.quintile == nil)

            // A national file: 120 authorities' schools, the school among them.
            var national = "RECTYPE,LEA,URN,PTRWM_EXP\n1,999,\(school.urn),40%\n"
            for index in 0..<600 { national += "1,\(800 + index % 120),\(700_000 + index),\(index % 100)%\n" }
            try national.write(toFile: own, atomically: true, encoding: .utf8)
            let first = try await PublicDataImport.performance(path: own, keyStage: .ks2, year: 2032, authorityCode: "northbridge", dryRun: false, on: app)
            #expect(first.quintilesFrom == 601 && first.updated == [school.urn])
            let kept = try await Quintiles.inForce(authorityID: northbridge.requireID(), year: 2032, on: app.db)
            #expect(kept[.ks2RWMExpected] == QuintileCuts(q4From: 20, q3From: 40, q2From: 59, q1From: 79))
            #expect(try await rwm(school, year: 2032, on: app)?.quintile == 3)
            _ = try await PublicDataImport.performance(path: own, keyStage: .ks2, year: 2032, authorityCode: "northbridge", dryRun: false, on: app)
            #expect(try await QuintileRecord.query(on: app.db).filter(\.$year == 2032).count() == 1)
        }
    }
}
}
