import Fluent
import Foundation
import SiftCore
import Vapor

/// National quintiles per year and measure: worked out from a national file when one is
/// imported, otherwise entered by an administrator. Entering them places the authority's
/// stored figures of that measure and year at once; a later import of an authority's own
/// extract for the year is placed by them too.
enum Quintiles {
    /// The quintiles in force for a year, by measure: the latest recorded for each.
    static func inForce(authorityID: UUID, year: Int, on database: any Database) async throws -> [MeasureID: QuintileCuts] {
        let records = try await QuintileRecord.query(on: database)
            .filter(\.$authority.$id == authorityID).filter(\.$year == year)
            .sort(\.$enteredAt).all()
        var cuts: [MeasureID: QuintileCuts] = [:]
        for record in records {
            if let measure = MeasureID(rawValue: record.measure) { cuts[measure] = record.cuts }
        }
        return cuts
    }

    /// Every record of the authority, newest first, with who entered it.
    static func history(authorityID: UUID, on database: any Database) async throws -> [QuintileRecord] {
        try await QuintileRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .with(\.$enteredBy).sort(\.$year, .descending).sort(\.$measure).sort(\.$enteredAt, .descending).all()
    }

    /// Places a performance table's figures in national quintiles. A national file's own
    /// boundaries are worked out (`worked`) and returned to be kept as the year's, unless the
    /// same are in force already; any other file is placed by the year's quintiles in force,
    /// and the measures so placed are returned (`entered`).
    static func place(_ table: inout PerformanceYear, from file: String, authorityID: UUID, by userID: UUID?,
                      on app: Application) async throws -> (worked: Bool, keep: [QuintileRecord], entered: [MeasureID]) {
        let inForce = try await inForce(authorityID: authorityID, year: table.year, on: app.db)
        guard NationalQuintiles.isNational(table) else {
            let entered = inForce.filter { measure, _ in table.keyStage.measures.contains(measure) }
            NationalQuintiles.apply(entered, to: &table)
            return (false, [], entered.keys.sorted { $0.rawValue < $1.rawValue })
        }
        let found = NationalQuintiles.apply(to: &table)
        let keep = found.filter { inForce[$0.key] != $0.value }.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            QuintileRecord(authorityID: authorityID, measure: $0.key, year: table.year, cuts: $0.value, source: "national file " + file,
                           by: userID, at: app.sift.settings.now())
        }
        return (true, keep, [])
    }

    /// Records an administrator's quintiles and, in the same transaction, places every stored
    /// published figure of that measure and year by them.
    static func enter(_ cuts: QuintileCuts, measure: MeasureID, year: Int, authority: Authority, by userID: UUID?,
                      on app: Application) async throws -> PublicDataImport.Report {
        let authorityID = try authority.requireID()
        let records = try await PublicDataImport.records(of: authority, on: app)
        let changes = records.values.sorted { $0.urn < $1.urn }.map { record in
            PublicDataImport.Change(urn: record.urn, line: 0, isNew: false) { stored in
                stored.map { EvidenceMerge.quintiles(cuts, measure: measure, year: year, onto: $0) }
            }
        }
        let entry = QuintileRecord(authorityID: authorityID, measure: measure, year: year, cuts: cuts, source: "entered", by: userID,
                                   at: app.sift.settings.now())
        let boundaries = cuts.boundaries.map(Tree.format).joined(separator: ", ")
        return try await PublicDataImport.store(
            changes, in: authority, records: records, report: .init(), action: "quintiles_entered",
            describing: "National quintiles of \(measure.label), \(Runs.label(year)), from \(boundaries)",
            dryRun: false, by: userID, on: app, also: { database in try await entry.create(on: database) })
    }
}
