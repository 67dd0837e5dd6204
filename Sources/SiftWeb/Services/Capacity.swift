import Fluent
import FluentSQL
import Foundation
import SiftCore
import Vapor

/// Advisers' capacity: their days each term, the establishments assigned to them, the days a
/// unit of support takes, and the demand the year's plans make of them.
enum Capacity {
    /// The authority's conversion: the standard, with the units it has set.
    static func conversion(authorityID: UUID, on database: any Database) async throws -> DayConversion {
        var conversion = DayConversion.standard
        for record in try await DayConversionRecord.query(on: database).filter(\.$authority.$id == authorityID).sort(\.$setAt).all() {
            conversion.daysPer[record.unit] = record.days
        }
        return conversion
    }

    /// Each establishment's adviser in force, by establishment id; nil where an assignment was ended.
    static func assignments(authorityID: UUID, on database: any Database) async throws -> [UUID: UUID?] {
        var latest: [UUID: UUID?] = [:]
        for record in try await AdviserAssignmentRecord.query(on: database).filter(\.$authority.$id == authorityID).sort(\.$assignedAt).all() {
            latest[record.$establishment.id] = record.$adviser.id
        }
        return latest
    }

    /// Each adviser's days in each term of the year, by user id.
    static func days(authorityID: UUID, year: Int, on database: any Database) async throws -> [UUID: [PlanTerm: Double]] {
        var days: [UUID: [PlanTerm: Double]] = [:]
        for record in try await AdviserDaysRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .filter(\.$academicYear == year).sort(\.$setAt).all() {
            if let term = PlanTerm(rawValue: record.term) { days[record.$adviser.id, default: [:]][term] = record.days }
        }
        return days
    }

    /// The year's planned activities in force, with each establishment's adviser, read as plain rows.
    static func work(authorityID: UUID, year: Int, assignments: [UUID: UUID?], on database: any Database) async throws
        -> [(adviser: UUID?, item: PlanItem)] {
        try await PlanActivityRecord.query(on: database).filter(\.$authority.$id == authorityID).filter(\.$academicYear == year)
            .filter(\.$withdrawnAt == nil)
            .rows(["establishment_id", "term", "amount", "unit"]) { row in
                let establishment = try row.decode("establishment_id", as: UUID.self)
                let item = PlanItem(term: PlanTerm(rawValue: try row.decode("term", as: String.self)) ?? .year, activity: "",
                                    amount: try row.decode("amount", as: Double.self), unit: try row.decode("unit", as: String.self),
                                    kind: nil, category: "", cite: nil)
                return (assignments[establishment] ?? nil, item)
            }
    }

    static func setDays(_ request: Request, user: User, adviser: User, year: Int, term: PlanTerm, days: Double) async throws {
        let record = AdviserDaysRecord()
        record.$authority.id = user.$authority.id
        record.$adviser.id = try adviser.requireID()
        record.academicYear = year
        record.term = term.rawValue
        record.days = days
        record.$setBy.id = user.id
        record.setAt = request.now
        try await record.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "adviser_days_set",
                               detail: "\(adviser.name), \(term.label) \(Runs.label(year)): \(Tree.format(days)) days")
    }

    /// Assigns establishments to an adviser (nil ends their assignment), all in one transaction.
    static func assign(_ request: Request, user: User, establishments: [EstablishmentRecord], to adviser: User?) async throws {
        let records = try establishments.map { establishment in
            let record = AdviserAssignmentRecord()
            record.$authority.id = user.$authority.id
            record.$establishment.id = try establishment.requireID()
            record.$adviser.id = adviser?.id
            record.$assignedBy.id = user.id
            record.assignedAt = request.now
            return record
        }
        try await request.db.transaction { database in try await records.create(on: database) }
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "establishments_assigned",
                               detail: "\(establishments.count) establishments to \(adviser?.name ?? "no adviser"): "
                                   + establishments.prefix(20).map(\.urn).joined(separator: ", ") + (establishments.count > 20 ? ", …" : ""))
    }

    static func setConversion(_ request: Request, user: User, daysPer: [String: Double]) async throws {
        let records = daysPer.sorted { $0.key < $1.key }.map { unit, days in
            let record = DayConversionRecord()
            record.$authority.id = user.$authority.id
            record.unit = unit
            record.days = days
            record.$setBy.id = user.id
            record.setAt = request.now
            return record
        }
        try await request.db.transaction { database in try await records.create(on: database) }
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "day_conversion_set",
                               detail: daysPer.sorted { $0.key < $1.key }.map { "\($0.key): \(Tree.format($0.value)) days" }.joined(separator: ", "))
    }
}
