import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

extension DatabaseSuites {
/// A framework's constraints bind people (issue: "no person or run can place an establishment
/// where its framework forbids"): overrides, in-year changes and agreeing at once.
@Suite("Decisions checked against the framework's constraints")
struct ConstraintDecisionTests {
    static let rule = "Only maintained schools can be designated Category 1."

    @Test("an academy cannot be overridden or changed into Coventry's Category 1; agreeing at once is all or nothing and re-checks the evidence")
    func coventry() async throws {
        try await withSift { app, accounts in
            let (officer, csrf, year, records) = try await Browser.officerWithYearProposed(app, accounts, authority: "northbridge")
            let northbridgeID = try #require(records.first?.$authority.id)
            let academy = try #require(records.first { $0.kind.contains("academy") && $0.proposedCategory != "1" })

            let override = try await officer.post("/runs/\(year)/\(academy.urn)", form: ["csrf": csrf, "action": "override", "category": "1",
                                                                                        "reason": "The board asked for it"])
            #expect(override.status == .unprocessableEntity)
            #expect(override.body.string.contains(Self.rule))
            #expect(override.body.string.contains("Here the school is not maintained by the local authority."))
            #expect(!override.body.string.contains("name=\"exception\""), "the framework allows no exception")
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$status == .overridden).count() == 0)

            let inYear = try await officer.post("/establishments/\(academy.urn)/recategorise", form: ["csrf": csrf, "category": "1", "reason": "Concerns"])
            #expect(inYear.status == .unprocessableEntity)
            #expect(inYear.body.string.contains(Self.rule))
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$status == .inYearChange).count() == 0)
            // Category 3 is open to academies.
            #expect(try await officer.post("/runs/\(year)/\(academy.urn)", form: ["csrf": csrf, "action": "override", "category": "3",
                                                                                "reason": "Known concerns"]).status == .seeOther)

            // A school proposed Category 1 or 2 that has since become an academy: agreeing at once stores nothing.
            let maintained = try #require(records.first { ["1", "2"].contains($0.proposedCategory ?? "") && !$0.kind.contains("academy") })
            let evidence = try await EvidenceStore.text(for: maintained, on: app.db)
            let converted = evidence.replacingOccurrences(of: "\"kind\":\"\(maintained.kind)\"", with: "\"kind\":\"academy_converter\"")
            #expect(converted != evidence)
            try await EvidenceStore.save(converted, for: maintained, on: app.db)
            let refused = try await officer.post("/runs/\(year)/agree-all", form: ["csrf": csrf])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Nothing was agreed") && refused.body.string.contains(maintained.urn))
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$status == .agreed).count() == 0)

            try await EvidenceStore.save(evidence, for: maintained, on: app.db)
            let review = try await officer.get("/runs/\(year)").body.string
            #expect(review.contains("/runs/\(year)/agree-all"))
            let pending = try await Runs.latest(app.db, authorityID: northbridgeID, year: year).values
                .filter { $0.status == .provisional && $0.category != Runs.undecided }.map(\.$establishment.id)
            let judgement = records.filter { pending.contains($0.id!) && $0.needsJudgement }.count
            #expect(try await officer.post("/runs/\(year)/agree-all", form: ["csrf": csrf]).status == .seeOther)
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$status == .agreed).count() == pending.count - judgement)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "proposals_agreed").count() == 1)
        }
    }

    @Test("where a framework names who may make an exception, that role may, with a reason, and the decision records it; others are refused")
    func exception() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frameworks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundled = try String(contentsOfFile: repositoryPath("Sources/SiftCore/Resources/Frameworks/coventry-2023.yaml"), encoding: .utf8)
        let allowing = bundled.replacingOccurrences(of: "id: coventry-2023", with: "id: coventry-exceptions")
            .replacingOccurrences(of: "    require: \"establishment.maintained\"\n", with: "    require: \"establishment.maintained\"\n    exception_by: [administrator]\n")
        #expect(allowing.contains("exception_by: [administrator]"))
        try allowing.write(to: folder.appendingPathComponent("coventry-exceptions.yaml"), atomically: true, encoding: .utf8)
        try await withSift(frameworks: folder.path) { app, _ in
            try await Accounts.createAuthority(code: "eastmarsh", name: "Eastmarsh", frameworkID: "coventry-exceptions", on: app)
            var passwords: [String: String] = [:]
            for role in ["administrator", "officer"] {
                passwords[role] = try await Accounts.createUser(authorityCode: "eastmarsh", email: "\(role)@eastmarsh.example", name: role.capitalized,
                                                                role: role, establishmentURN: nil, network: nil, on: app)
            }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("eastmarsh-\(UUID().uuidString).json").path
            try Data(#"{ "establishments": [ { "urn": "E000001", "name": "Eastmarsh Academy", "kind": "academy_converter", "phase": "primary" } ] }"#.utf8)
                .write(to: URL(fileURLWithPath: file))
            defer { try? FileManager.default.removeItem(atPath: file) }
            _ = try await EvidenceImport.load(path: file, authorityCode: "eastmarsh", on: app)
            let form = ["category": "1", "reason": "The trust has asked the authority to lead its improvement"]

            let officer = Browser(app)
            _ = try await officer.signIn("officer@eastmarsh.example", passwords["officer"]!)
            let officerCSRF = try #require(Browser.csrf(in: try await officer.get("/establishments/E000001/recategorise").body.string))
            let officerTry = try await officer.post("/establishments/E000001/recategorise", form: form.merging(["csrf": officerCSRF, "exception": "yes"]) { $1 })
            #expect(officerTry.status == .unprocessableEntity && officerTry.body.string.contains(Self.rule))

            let admin = Browser(app)
            _ = try await admin.signIn("administrator@eastmarsh.example", passwords["administrator"]!)
            let csrf = try #require(Browser.csrf(in: try await admin.get("/establishments/E000001/recategorise").body.string))
            let offered = try await admin.post("/establishments/E000001/recategorise", form: form.merging(["csrf": csrf]) { $1 })
            #expect(offered.status == .unprocessableEntity)
            #expect(offered.body.string.contains("name=\"exception\"") && offered.body.string.contains("as an exception to this rule"))
            #expect(try await DecisionRecord.query(on: app.db).count() == 0)
            #expect(try await admin.post("/establishments/E000001/recategorise", form: form.merging(["csrf": csrf, "exception": "yes"]) { $1 }).status == .seeOther)
            let decision = try #require(try await DecisionRecord.query(on: app.db).first())
            #expect(decision.category == "1" && decision.exception == "maintained-only")
            #expect(try await admin.get("/establishments/E000001").body.string.contains("Recorded as an exception the framework allows"))
        }
    }
}
}
