import Fluent
import Foundation
import SiftCore
import Vapor

/// An establishment that closes leaves the year from its close date (issue: "closed schools
/// stay supported"): it is no longer proposed a category (`DecisionEngine`), its funding ends
/// the day before (`FundingYear`), and what was planned for it from then on is released here,
/// so advisers' capacity counts it no more. Released activities are withdrawn with the reason,
/// never deleted; support for a part of the year it closes in is kept for the days it was open
/// (`ClosureRelease`).
enum Closures {
    static func reason(_ closed: Day) -> String { "Released: the establishment closed on \(closed.longText)" }

    /// Releases the planned support of every establishment of the authority that has closed;
    /// returns how many activities were withdrawn. Doing it again releases nothing more.
    @discardableResult
    static func release(authorityID: UUID, only establishmentID: UUID? = nil, by userID: UUID?, at now: Date,
                        on database: any Database) async throws -> Int {
        var query = EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID).filter(\.$closed != nil)
        if let establishmentID { query = query.filter(\.$id == establishmentID) }
        let closed = try await query.all()
        guard !closed.isEmpty else { return 0 }
        // One query for every closed establishment's activities still planned: an import keeps
        // thousands of closed schools (those a converter replaced), most with nothing planned.
        // In slices, each well under the databases' limits on bound values.
        var rows: [PlanActivityRecord] = []
        let ids = closed.compactMap(\.id)
        for start in stride(from: 0, to: ids.count, by: 5_000) {
            rows += try await PlanActivityRecord.query(on: database).filter(\.$establishment.$id ~~ Array(ids[start..<min(start + 5_000, ids.count)]))
                .filter(\.$withdrawnAt == nil).all()
        }
        let planned = Dictionary(grouping: rows, by: { $0.$establishment.id })
        var released = 0
        for record in closed {
            guard let text = record.closed, let day = Day(text) else { continue }
            let id = try record.requireID()
            let activities = (planned[id] ?? []).filter { $0.academicYear >= AcademicYear(containing: day).year }
                // What an earlier release kept is not released again.
                .filter { !($0.note?.hasPrefix("Released:") ?? false) }
            guard !activities.isEmpty else { continue }
            var withdrawn: [PlanActivityRecord] = [], added: [PlanActivityRecord] = []
            for (year, rows) in Dictionary(grouping: activities, by: \.academicYear) {
                let change = ClosureRelease(current: rows.map(\.item), closed: day, year: year)
                for index in change.withdrawn {
                    rows[index].withdrawnAt = now
                    rows[index].$withdrawnBy.id = userID
                    rows[index].withdrawnReason = reason(day)
                    withdrawn.append(rows[index])
                }
                added += change.kept.map {
                    PlanActivityRecord(authorityID: authorityID, establishmentID: id, year: year, item: $0, origin: .replanned,
                                       note: reason(day), by: userID, at: now)
                }
            }
            guard !withdrawn.isEmpty else { continue }
            let keep = added, release = withdrawn
            try await database.transaction { database in
                for row in release { try await row.save(on: database) }
                try await keep.create(on: database)
            }
            try await Audit.record(on: database, at: now, authorityID: authorityID, userID: userID, action: "plan_released",
                                   detail: "\(record.urn): \(withdrawn.count) activities released — \(reason(day))")
            released += withdrawn.count
        }
        return released
    }
}
