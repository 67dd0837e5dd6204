import Fluent
import Foundation
import SiftCore
import Vapor

/// Stores an evidence file's establishments in an authority: every establishment or none.
/// A file with any problem changes nothing; an establishment already there is replaced.
enum EvidenceImport {
    struct Summary: Sendable {
        var added = 0
        var replaced = 0
    }

    static func load(path: String, authorityCode: String, on app: Application) async throws -> Summary {
        guard let authority = try await Authority.query(on: app.db).filter(\.$code == authorityCode).first() else {
            throw Abort(.notFound, reason: "no authority has the code \(authorityCode)")
        }
        // The file is read and parsed once: the establishments are read from the tree, and
        // each one's evidence is stored as the file gave it.
        let tree: Tree
        do {
            tree = try JSONReader.read(bytes: try EvidenceFile.readBytes(path))
        } catch let failure as JSONReader.Failure {
            throw Abort(.badRequest, reason: "\(path): line \(failure.line): not valid JSON: \(failure.message)")
        } catch {
            throw Abort(.badRequest, reason: "\(error)")
        }
        let set = EvidenceDecoder.decodeFile(tree)
        if !set.problems.isEmpty {
            let listed = set.problems.prefix(20).map(\.description).joined(separator: "\n")
            throw Abort(.badRequest, reason: "nothing was stored: \(set.problems.count) problems in the evidence\n\(listed)")
        }
        let authorityID = try authority.requireID()
        let engine = try await app.sift.engine(for: authority, on: app.db)
        let today = Day(app.sift.settings.now())
        let existing = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == authorityID).all()
        let byURN = Dictionary(existing.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        var summary = Summary()
        var records: [EstablishmentRecord] = []
        var texts: [String] = []
        records.reserveCapacity(set.establishments.count)
        let elements = tree["establishments"]?.elements ?? [tree]
        let results = engine.categoriseAll(set.establishments, runDate: today)
        for ((establishment, result), element) in zip(zip(set.establishments, results), elements) {
            let record = byURN[establishment.urn] ?? EstablishmentRecord(authorityID: authorityID, urn: establishment.urn, name: establishment.name,
                                                                          kind: establishment.kind.rawValue, phase: nil, network: nil)
            if byURN[establishment.urn] == nil { summary.added += 1 } else { summary.replaced += 1 }
            record.name = establishment.name
            record.kind = establishment.kind.rawValue
            record.phase = establishment.phase?.rawValue
            record.network = establishment.network
            Proposals.apply(result, to: record)
            records.append(record)
            texts.append(TreeWriter.json(element))
        }
        let added = zip(records, texts).filter { $0.0.id == nil }, replaced = zip(records, texts).filter { $0.0.id != nil }
        try await app.db.transaction { database in
            try await BulkInsert.establishments(added.map(\.0), evidence: added.map(\.1), at: app.sift.settings.now(), on: database)
            for (record, text) in replaced {
                try await record.save(on: database)
                try await EvidenceStore.save(text, for: record, on: database)
            }
            try await SearchWords.replace(for: added.map(\.0), added: true, on: database)
            try await SearchWords.replace(for: replaced.map(\.0), on: database)
            try await Networks.reconcile(authorityID: authorityID, source: "evidence file", at: app.sift.settings.now(), on: database)
            try await Closures.release(authorityID: authorityID, by: nil, at: app.sift.settings.now(), on: database)
        }
        try await refreshQueryStatistics(app.db)
        return summary
    }
}
