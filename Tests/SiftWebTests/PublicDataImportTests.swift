import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor

extension DatabaseSuites {
@Suite("Importing public files")
struct PublicDataImportTests {
    static let realdata: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/realdata").path
    }()

    func temporaryFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "sift-import-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("GIAS then KS2: a dry run stores nothing, an import stores all, the same file again changes nothing")
    func importsRealFiles() async throws {
        try await withSift { app, _ in
            try await Accounts.createAuthority(code: "surrey", name: "Surrey", frameworkID: "coventry-2023", on: app)
            let gias = Self.realdata + "/gias/20220420-gias-850-936.csv"
            let dry = try await PublicDataImport.gias(path: gias, authorityCode: "surrey", laCodes: ["936"], dryRun: true, on: app)
            #expect(dry.added.count == 301 && !dry.stored && dry.closedNotAdded == 275 && dry.notTheAuthoritys == 520)
            let surreyID = try #require(try await Authority.query(on: app.db).filter(\.$code == "surrey").first()?.requireID())
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == surreyID).count() == 0)

            let stored = try await PublicDataImport.gias(path: gias, authorityCode: "surrey", laCodes: ["936"], dryRun: false, on: app)
            #expect(stored.stored && stored.added.count == 301)
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == surreyID).count() == 301)
            let again = try await PublicDataImport.gias(path: gias, authorityCode: "surrey", laCodes: ["936"], dryRun: false, on: app)
            #expect(again.added.isEmpty && again.updated.isEmpty && again.unchanged == 301 && !again.stored)

            let ks2 = Self.realdata + "/ks2/2018-936-ks2.csv"
            let results = try await PublicDataImport.performance(path: ks2, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            #expect(results.updated.count == 199 && results.notTheAuthoritys == 40)
            let weyfield = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "139070").first())
            let evidence = try await Proposals.establishment(weyfield, on: app.db)
            #expect(evidence.records(.ks2ReadingProgress).last?.value == -5.7)
            #expect(try await PublicDataImport.performance(path: ks2, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app).unchanged == 199)

            // Each URN is stored once, however often its files are imported.
            #expect(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "139070").count() == 1)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["gias_imported", "ks2_imported"]).count()
            #expect(audited == 2)
        }
    }

    @Test("a later file for the same year replaces that year's figures; a file with a rejected row stores nothing")
    func supersedeAndAllOrNothing() async throws {
        try await withSift { app, _ in
            try await Accounts.createAuthority(code: "surrey", name: "Surrey", frameworkID: "coventry-2023", on: app)
            _ = try await PublicDataImport.gias(path: Self.realdata + "/gias/20220420-gias-850-936.csv", authorityCode: "surrey",
                                                laCodes: ["936"], dryRun: false, on: app)
            let header = "RECTYPE,LEA,URN,SCHNAME,PTRWM_EXP,READPROG,READPROG_LOWER,READPROG_UPPER\n"
            let first = try temporaryFile(header + "1,936,139070,Weyfield Academy,31%,-5.7,-7.9,-3.6\n5,,,,65%,,,\n")
            let revised = try temporaryFile(header + "1,936,139070,Weyfield Academy,33%,-5.1,-7.3,-2.9\n5,,,,65%,,,\n")
            _ = try await PublicDataImport.performance(path: first, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            let later = try await PublicDataImport.performance(path: revised, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            #expect(later.updated == ["139070"])
            let weyfield = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "139070").first())
            let reading = try await Proposals.establishment(weyfield, on: app.db).records(.ks2ReadingProgress)
            #expect(reading.count == 1 && reading[0].value == -5.1 && reading[0].upper == -2.9)
            #expect(try await Proposals.establishment(weyfield, on: app.db).records(.ks2RWMExpected).first?.national == 65)

            // One bad URN: nothing of the file is stored, and the report says where.
            let bad = try temporaryFile(header + "1,936,139070,Weyfield Academy,40%,1.0,0.1,1.9\n1,936,ABC,Bad Row,1%,0,0,0\n")
            let refused = try await PublicDataImport.performance(path: bad, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            #expect(!refused.stored && refused.rejected == [RowProblem(line: 3, column: "URN", "\"ABC\" is not a URN")])
            #expect(try await Proposals.establishment(weyfield, on: app.db).records(.ks2ReadingProgress).first?.value == -5.1)

            // A file that is not a performance table is refused as a whole.
            let wrong = try temporaryFile("Name,Town\nOak,Leeds\n")
            await #expect(throws: Abort.self) {
                try await PublicDataImport.performance(path: wrong, keyStage: .ks2, year: 2018, authorityCode: "surrey", dryRun: false, on: app)
            }
        }
    }
}
}
