import Fluent
import Foundation
import SiftCore
import Vapor

/// A change to one establishment's evidence from a form. The changed evidence is read by
/// the same reader as an evidence file, so every check applies; nothing is saved unless it
/// reads without a problem, and when it is saved the proposal is worked out again and the
/// change goes into the audit log.
enum EvidenceEdit {
    /// The establishment's evidence as members, ready to change.
    static func members(of record: EstablishmentRecord, on database: any Database) async throws -> [Tree.Member] {
        try JSONReader.read(try await EvidenceStore.text(for: record, on: database)).members ?? []
    }

    /// Replaces (or adds) one top-level member.
    static func replacing(_ key: String, with value: Tree, in members: [Tree.Member]) -> [Tree.Member] {
        var members = members
        members.set(key, value)
        return members
    }

    /// Saves the changed evidence if it reads without a problem; returns the problems otherwise.
    static func save(_ members: [Tree.Member], of record: EstablishmentRecord, by user: User, describing change: String,
                     request: Request) async throws -> [EvidenceProblem] {
        let tree = Tree(.object(members))
        if case .failure(let problems) = EvidenceDecoder.decode(tree) { return problems.problems }
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
        let evidence = TreeWriter.json(tree)
        let previous = try await PreviousCategories.before(AcademicYear(containing: Day(request.now)).year, establishmentID: record.requireID(), on: request.db)
        try Proposals.refresh(record, evidence: evidence, engine: engine, on: Day(request.now), previousCategory: previous)
        try await request.db.transaction { database in
            try await EvidenceStore.save(evidence, for: record, on: database)
            try await record.save(on: database)
        }
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "evidence_changed",
                               detail: "\(record.urn): \(change)")
        return []
    }

    /// A problem's message as a sentence for the error summary.
    static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }

    /// The establishment an evidence form is for: officers and administrators only, in scope.
    static func target(_ request: Request) async throws -> (User, EstablishmentRecord) {
        let user = try RunController.requireRunner(request)
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        return (user, record)
    }
}
