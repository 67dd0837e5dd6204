import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// The real files of `../shared/realdata` imported end to end, on each database: every row
/// that is a real school's taken, a second import changing nothing, what was imported read
/// back through the API, and missing national context said out loud.
@Suite("Importing the real files")
struct RealFilesImportTests {
    static let realdata = PublicDataImportTests.realdata

    /// An authority on Coventry's framework holding the real GIAS file's establishments of `la`.
    static func authority(_ code: String, la: String, on app: Application) async throws {
        try await Accounts.createAuthority(code: code, name: code.capitalized, frameworkID: "coventry-2023", on: app)
        _ = try await PublicDataImport.gias(path: realdata + "/gias/20220420-gias-850-936.csv", authorityCode: code,
                                            laCodes: [la], dryRun: false, on: app)
    }

    /// Signs an officer of the authority in.
    static func officer(of code: String, on app: Application) async throws -> Browser {
        let password = try await Accounts.createUser(authorityCode: code, email: "officer@\(code).example", name: "Officer",
                                                     role: "officer", establishmentURN: nil, network: nil, on: app)
        let browser = Browser(app)
        _ = try await browser.signIn("officer@\(code).example", password)
        return browser
    }

    @Test("Hampshire's real Ofsted rows: every inspection kept with its date, the grade standing after an ungraded one, again changes nothing")
    func ofsted() async throws {
        try await withSift { app, _ in
            try await Self.authority("hampshire", la: "850", on: app)
            let file = Self.realdata + "/ofsted/2026-spring-ofsted-mi-reportcard-sample.csv"
            let report = try await PublicDataImport.ofsted(path: file, authorityCode: "hampshire", dryRun: false, on: app)
            #expect(report.rejected.isEmpty && report.stored)
            // Southampton's schools (LAESTAB 852…) are not Hampshire's.
            #expect(report.updated.count + report.notTheAuthoritys == 17 && report.notTheAuthoritys > 0)
            let manorField = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "116055").first())
            let evidence = try await Proposals.establishment(manorField, on: app.db)
            let frameworks = evidence.inspections.map(\.framework)
            #expect(frameworks.suffix(2) == [.ungradedInspection, .reportCard2025])
            #expect(evidence.latestInspection?.reportCard[.earlyYears] == .strongStandard)
            let again = try await PublicDataImport.ofsted(path: file, authorityCode: "hampshire", dryRun: false, on: app)
            #expect(again.unchanged == report.updated.count && !again.stored)
        }
    }

    @Test("an authority's own KS2 extract cannot place its schools nationally: the report, the page, the list and the run say so")
    func nationalContext() async throws {
        try await withSift { app, _ in
            try await Self.authority("surrey", la: "936", on: app)
            let report = try await PublicDataImport.performance(path: Self.realdata + "/ks2/2018-936-ks2.csv", keyStage: .ks2, year: 2018,
                                                                authorityCode: "surrey", dryRun: false, on: app)
            let gap = try #require(report.nationalContextMissing.first)
            #expect(gap.label == "KS2 reading, writing and maths at expected (%), 2017/18" && gap.establishments > 100, "\(gap)")
            let lines = ImportReportText.lines(report, dryRun: false)
            #expect(lines.contains { $0.contains("Some data flags could not be judged") } && lines.contains(NationalGaps.remedy))

            let browser = try await Self.officer(of: "surrey", on: app)
            let page = try await browser.get("/establishments/139070").body.string
            #expect(page.contains("id=\"national-gaps\"") && page.contains("2017/18"))
            #expect(try await browser.get("/establishments?q=Weyfield").body.string.contains("National figures missing"))

            // Entering the year's quintiles places the schools: the warning goes.
            let cuts = QuintileCuts(q4From: 55, q3From: 62, q2From: 68, q1From: 75)
            let surrey = try #require(try await Authority.query(on: app.db).filter(\.$code == "surrey").first())
            _ = try await Quintiles.enter(cuts, measure: .ks2RWMExpected, year: 2018, authority: surrey, by: nil, on: app)
            #expect(!(try await browser.get("/establishments/139070").body.string.contains("id=\"national-gaps\"")))
        }
    }

    @Test("the API gives an establishment's evidence as imported: inspections, measures with their status and national figure")
    func apiEvidence() async throws {
        try await withSift { app, _ in
            try await Self.authority("surrey", la: "936", on: app)
            _ = try await PublicDataImport.performance(path: Self.realdata + "/ks2/2018-936-ks2.csv", keyStage: .ks2, year: 2018,
                                                       authorityCode: "surrey", dryRun: false, on: app)
            let browser = try await Self.officer(of: "surrey", on: app)
            let body = try await browser.get("/api/v1/establishments/139070").body.string
            let tree = try JSONReader.read(body)
            let evidence = try #require(tree["evidence"])
            #expect(evidence["urn"]?.text == "139070" && evidence["kind"]?.text != nil)
            let reading = try #require(evidence["measures"]?.elements?.first { $0["measure"]?.text == "ks2_reading_progress" })
            #expect(reading["value"]?.number == -5.7 && reading["lower"]?.number == -7.9 && reading["upper"]?.number == -3.6)
            let combined = try #require(evidence["measures"]?.elements?.first { $0["measure"]?.text == "ks2_rwm_expected" })
            #expect(combined["national"]?.number == 65)
            #expect(tree["result"]?["flags"]?.elements?.isEmpty == false)
            // Another authority's establishment is not there for this officer.
            #expect(try await browser.get("/api/v1/establishments/116055").status == .notFound)
        }
    }

    @Test("Surrey's real KS4 tables of three years import whole, England's state-funded figure carried, and again change nothing")
    func ks4() async throws {
        try await withSift { app, _ in
            try await Accounts.createAuthority(code: "surrey", name: "Surrey", frameworkID: "milton-keynes-2019", on: app)
            // The KS4 schools, from the tables themselves: GIAS's file here is of primary schools.
            let table = try PerformanceTableReader.read(CSVReader(path: Self.realdata + "/ks4/2019-936-ks4final.csv"), year: 2019)
            let evidence = table.schools.map { school in
                "{\"urn\": \"\(school.urn)\", \"name\": \"School \(school.urn)\", \"kind\": \"community\", \"phase\": \"secondary\"}"
            }
            let path = NSTemporaryDirectory() + "sift-ks4-\(UUID().uuidString).json"
            try "{\"establishments\": [\(evidence.joined(separator: ","))]}".write(toFile: path, atomically: true, encoding: .utf8)
            _ = try await EvidenceImport.load(path: path, authorityCode: "surrey", on: app)
            for year in [2017, 2018, 2019] {
                let report = try await PublicDataImport.performance(path: Self.realdata + "/ks4/\(year)-936-ks4final.csv", keyStage: .ks4,
                                                                    year: year, authorityCode: "surrey", dryRun: false, on: app)
                #expect(report.rejected.isEmpty && report.stored, "\(year): \(report.rejected)")
                let again = try await PublicDataImport.performance(path: Self.realdata + "/ks4/\(year)-936-ks4final.csv", keyStage: .ks4,
                                                                   year: year, authorityCode: "surrey", dryRun: false, on: app)
                #expect(!again.stored && again.updated.isEmpty, "\(year)")
            }
            let collingwood = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "136828").first())
            let progress = try await Proposals.establishment(collingwood, on: app.db).records(.progress8)
            #expect(progress.map(\.year) == [2017, 2018, 2019] && progress.last?.value == 0.06 && progress.last?.national == -0.03)
        }
    }
}
}
