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

    /// Records an administrator's quintiles and, in the same transaction, places every stored
    /// published figure of that measure and year by them.
    static func enter(_ cuts: QuintileCuts, measure: MeasureID, year: Int, authority: Authority, by userID: UUID?,
                      on app: Application) async throws -> PublicDataImport.Report {
        let authorityID = try authority.requireID()
        let records = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == authorityID).all()
        let changes = records.map { record in
            PublicDataImport.Change(urn: record.urn, line: 0, isNew: false) { stored in
                stored.map { EvidenceMerge.quintiles(cuts, measure: measure, year: year, onto: $0) }
            }
        }
        let entry = QuintileRecord(authorityID: authorityID, measure: measure, year: year, cuts: cuts, source: "entered", by: userID,
                                   at: app.sift.settings.now())
        let boundaries = cuts.boundaries.map(Tree.format).joined(separator: ", ")
        return try await PublicDataImport.store(
            changes, in: authority, records: Dictionary(records.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first }),
            report: .init(), action: "quintiles_entered",
            describing: "National quintiles of \(measure.label), \(Runs.label(year)), from \(boundaries)",
            dryRun: false, by: userID, on: app, also: { database in try await entry.create(on: database) })
    }
}
