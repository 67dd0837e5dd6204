import Fluent
import Foundation
import SiftCore

/// The category an establishment was decided to be in before an academic year, from the
/// decisions Sift holds: a framework's "previous category" (`la.previous_category`, Coventry's
/// "previously a Category 1 school") is taken from them rather than typed. Where Sift holds no
/// earlier decision, the category recorded in the authority's evidence stands.
enum PreviousCategories {
    /// Decisions that put a category in force: agreed, decided in place of the proposal, or
    /// changed during a year. A provisional proposal never did.
    static let inForce: [DecisionRecord.Status] = [.agreed, .overridden, .inYearChange]

    /// By establishment: the category in force at the end of the latest year before `year`
    /// for which one was decided.
    static func before(_ year: Int, authorityID: UUID, on database: any Database) async throws -> [UUID: String] {
        let decisions = try await DecisionRecord.query(on: database)
            .filter(\.$authority.$id == authorityID).filter(\.$academicYear < year).filter(\.$status ~~ inForce)
            .sort(\.$academicYear).sort(\.$decidedAt).all()
        var categories: [UUID: String] = [:]
        for decision in decisions where decision.category != Runs.undecided { categories[decision.$establishment.id] = decision.category }
        // A converter or amalgamated school without decisions of its own carries the category
        // of the school it replaced (the latest, where it replaced several).
        for (successor, predecessors) in try await EstablishmentLinks.predecessorIDs(authorityID: authorityID, on: database)
        where categories[successor] == nil {
            if let inherited = predecessors.compactMap({ categories[$0] }).last { categories[successor] = inherited }
        }
        return categories
    }

    /// The same for one establishment: its own, or else that of one it replaced.
    static func before(_ year: Int, establishmentID: UUID, on database: any Database) async throws -> String? {
        if let own = try await latest(before: year, establishmentIDs: [establishmentID], on: database) { return own }
        guard let record = try await EstablishmentRecord.find(establishmentID, on: database) else { return nil }
        let predecessors = try await EstablishmentLinks.predecessors(of: record, on: database).compactMap(\.id)
        return predecessors.isEmpty ? nil : try await latest(before: year, establishmentIDs: predecessors, on: database)
    }

    private static func latest(before year: Int, establishmentIDs: [UUID], on database: any Database) async throws -> String? {
        try await DecisionRecord.query(on: database)
            .filter(\.$establishment.$id ~~ establishmentIDs).filter(\.$academicYear < year).filter(\.$status ~~ inForce)
            .filter(\.$category != Runs.undecided)
            .sort(\.$academicYear, .descending).sort(\.$decidedAt, .descending).first()?.category
    }

    /// The evidence as a categorisation on `day` reads it: with last year's category from the
    /// decisions, where Sift holds one.
    static func establishment(_ record: EstablishmentRecord, on day: Day, database: any Database) async throws -> Establishment {
        var establishment = try await Proposals.establishment(record, on: database)
        let year = AcademicYear(containing: day).year
        if let code = try await before(year, establishmentID: try record.requireID(), on: database) { establishment.local.previousCategory = code }
        return establishment
    }

    static func apply(_ code: String?, to establishment: Establishment) -> Establishment {
        guard let code else { return establishment }
        var establishment = establishment
        establishment.local.previousCategory = code
        return establishment
    }
}
