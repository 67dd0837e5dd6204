import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
@Suite("A framework from outside the five, installed on the server")
struct InstalledFrameworkTests {
    static let examples = repositoryPath("Examples")

    @Test("an authority runs Wales' categorisation from SIFT_FRAMEWORKS: its pages say why in words and show the grid with the cell applied")
    func walesOnTheWeb() async throws {
        try await withSift(frameworks: Self.examples) { app, _ in
            // Not bundled, so not there without the folder.
            #expect(throws: (any Error).self) { try SiftServices(settings: ServerSettings(database: .memory, frameworksDirectory: nil)).framework("wales-categorisation-2014") }
            try await Accounts.createAuthority(code: "wrexford", name: "Wrexford County Borough Council", frameworkID: "wales-categorisation-2014", on: app)
            let password = try await Accounts.createUser(authorityCode: "wrexford", email: "officer@wrexford.example", name: "Officer",
                                                         role: "officer", establishmentURN: nil, network: nil, on: app)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("wrexford-\(UUID().uuidString).json").path
            try Data("""
            { "establishments": [ { "urn": "W000002", "name": "Ysgol Example Two", "kind": "community", "phase": "primary",
              "otherMeasures": [ { "measure": "ks2_csi", "year": 2024, "value": 80.0, "national": 88.2 },
                                 { "measure": "attendance", "year": 2024, "value": 93.1, "national": 94.5 } ],
              "local": { "other": { "improvement_capacity": "C", "csi_benchmark_quarter": 2, "attendance_benchmark_quarter": 4 } } } ] }
            """.utf8).write(to: URL(fileURLWithPath: file))
            _ = try await EvidenceImport.load(path: file, authorityCode: "wrexford", on: app)
            let officer = Browser(app)
            _ = try await officer.signIn("officer@wrexford.example", password)
            let page = try await officer.get("/establishments/W000002")
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("Rows: the standards group; columns: the challenge adviser&#39;s judgement of the school&#39;s capacity to improve")
                    || body.contains("Rows: the standards group; columns: the challenge adviser's judgement of the school's capacity to improve"))
            #expect(body.contains("amber (this one)"))
            #expect(body.contains("is C: some capacity to improve, with support"))
            // The declared facts are on the authority's evidence form.
            let form = try await officer.get("/establishments/W000002/evidence/authority")
            #expect(form.body.string.contains("Estyn"))
        }
    }
}
}
