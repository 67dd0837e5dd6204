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
        var writes: [Write] = []
        var gaps: [String?] = []
        let day = Day(app.sift.settings.now())
        let previous = try await PreviousCategories.before(AcademicYear(containing: day).year, authorityID: authorityID, on: app.db)
        let worked = await work(changes, records: records, texts: texts, previous: previous, engine: engine, on: day,
                                authorityID: authorityID)
        for (change, outcome) in zip(changes, worked) {
            switch outcome {
            case .unchanged(let nationalGaps):
                report.unchanged += 1
                gaps.append(nationalGaps)
            case .rejected(let problem):
                report.rejected.append(problem)
            case .write(let write):
                gaps.append(write.record.nationalGaps)
                writes.append(write)
                if write.isNew { report.added.append(change.urn) } else { report.updated.append(change.urn) }
            }
        }
        report.nationalContextMissing = NationalGaps.tally(gaps).map { ($0.gap.label, $0.establishments) }
        guard !dryRun, report.rejected.isEmpty, !writes.isEmpty || also != nil else { return report }
        let planned = writes
        let summary = "\(source): \(report.added.count) added, \(report.updated.count) updated, \(report.unchanged) unchanged"
        // The transaction's work runs outside this task, so it takes the progress with it.
        let progress = Self.progress
        try await app.db.transaction { database in
            let added = planned.filter(\.isNew), updated = planned.filter { !$0.isNew }
            progress?.update(Phase.storing.rawValue, 0, planned.count)
            try await BulkInsert.establishments(added.map(\.record), evidence: added.map(\.evidence), at: app.sift.settings.now(), on: database)
            progress?.update(Phase.storing.rawValue, added.count, planned.count)
            // A new year of results mostly leaves what the list shows as it was: only the
            // establishments whose row changed are written, every new evidence is.
            try await BulkUpdate.establishments(updated.filter(\.rowChanged).map(\.record), at: app.sift.settings.now(), on: database)
            try await BulkUpdate.evidence(updated.map { (try $0.record.requireID(), $0.evidence) }, on: database)
            progress?.update(Phase.words.rawValue, planned.count, planned.count)
            try await SearchWords.replace(for: added.map(\.record), added: true, on: database)
            // Only a new name changes the words an establishment is found by.
            try await SearchWords.replace(for: updated.filter(\.renamed).map(\.record), on: database)
            try await also?(database)
            // GIAS may have closed some: what was planned for them from then on is released,
            // in the same transaction, so an import and its releases stand or fall together.
            try await Closures.release(authorityID: authorityID, by: userID, at: app.sift.settings.now(), on: database)
            try await Audit.record(on: database, at: app.sift.settings.now(), authorityID: authorityID, userID: userID, action: action, detail: summary)
        }
        progress?.update(Phase.statistics.rawValue, planned.count, planned.count)
        try await refreshQueryStatistics(app.db)
        report.stored = true
        return report
    }
}
