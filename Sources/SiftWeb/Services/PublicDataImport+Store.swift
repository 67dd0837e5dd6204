import Fluent
import Foundation
import SiftCore
import Vapor

extension PublicDataImport {
    /// Works out each establishment's new evidence and proposal; stores them all in one
    /// transaction unless this is a dry run or a row was rejected. `also` is more to store in
    /// the same transaction (the quintiles a file gave), done even when no evidence changes.
    static func store(_ changes: [Change], in authority: Authority, records: [String: EstablishmentRecord], report: Report,
                      action: String, describing source: String, dryRun: Bool, by userID: UUID?, on app: Application,
                      also: (@Sendable (any Database) async throws -> Void)? = nil) async throws -> Report {
        var report = report
        let authorityID = try authority.requireID()
        let texts = try await EvidenceStore.texts(authorityID: authorityID, on: app.db)
        let engine = try await app.sift.engine(for: authority, on: app.db)
        let today = Day(app.sift.settings.now())
        var writes: [(record: EstablishmentRecord, evidence: String, isNew: Bool)] = []
        for (index, change) in changes.enumerated() {
            if index % 500 == 0 { progress?.update(Phase.working.rawValue, index, changes.count) }
            let record = records[change.urn]
            let storedText = record.flatMap { $0.id }.flatMap { texts[$0] }
            let stored = try storedText.map { try JSONReader.read($0) }
            guard let tree = change.evidence(stored) else { report.unchanged += 1; continue }
            let text = TreeWriter.json(tree)
            if text == storedText { report.unchanged += 1; continue }
            let establishment: Establishment
            switch EvidenceDecoder.decode(tree) {
            case .success(let read): establishment = read
            case .failure(let problems):
                report.rejected.append(RowProblem(line: change.line, "URN \(change.urn): \(problems.problems.first?.description ?? "the evidence does not read")"))
                continue
            }
            let target = record ?? EstablishmentRecord(authorityID: authorityID, urn: change.urn, name: establishment.name,
                                                       kind: establishment.kind.rawValue, phase: nil, network: nil)
            target.name = establishment.name
            target.kind = establishment.kind.rawValue
            target.phase = establishment.phase?.rawValue
            Proposals.apply(engine.categorise(establishment, runDate: today), to: target)
            writes.append((target, text, record == nil))
            if record == nil { report.added.append(change.urn) } else { report.updated.append(change.urn) }
        }
        guard !dryRun, report.rejected.isEmpty, !writes.isEmpty || also != nil else { return report }
        let planned = writes
        let summary = "\(source): \(report.added.count) added, \(report.updated.count) updated, \(report.unchanged) unchanged"
        // The transaction's work runs outside this task, so it takes the progress with it.
        let progress = Self.progress
        try await app.db.transaction { database in
            let added = planned.filter(\.isNew)
            progress?.update(Phase.storing.rawValue, 0, planned.count)
            try await BulkInsert.establishments(added.map(\.record), evidence: added.map(\.evidence), at: app.sift.settings.now(), on: database)
            for (index, write) in planned.filter({ !$0.isNew }).enumerated() {
                if index % 500 == 0 { progress?.update(Phase.storing.rawValue, added.count + index, planned.count) }
                try await write.record.save(on: database)
                try await EvidenceStore.save(write.evidence, for: write.record, on: database)
            }
            progress?.update(Phase.words.rawValue, planned.count, planned.count)
            try await SearchWords.replace(for: added.map(\.record), added: true, on: database)
            try await SearchWords.replace(for: planned.filter { !$0.isNew }.map(\.record), on: database)
            try await also?(database)
            try await Audit.record(on: database, at: app.sift.settings.now(), authorityID: authorityID, userID: userID, action: action, detail: summary)
        }
        progress?.update(Phase.statistics.rawValue, planned.count, planned.count)
        try await refreshQueryStatistics(app.db)
        report.stored = true
        return report
    }
}
