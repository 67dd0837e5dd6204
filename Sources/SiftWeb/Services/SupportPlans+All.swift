import Fluent
import FluentSQL
import Foundation
import SiftCore
import Vapor

extension SupportPlans {
    /// Makes the year's plan of every establishment of the authority whose category is agreed
    /// and which has none yet, all in one transaction; returns how many plans and activities.
    static func createAll(_ request: Request, user: User, year: Int, engine: DecisionEngine) async throws -> (plans: Int, activities: Int) {
        let authorityID = user.$authority.id, database = request.db
        let decided = try await Runs.latest(database, authorityID: authorityID, year: year).filter { $0.value.status != .provisional }
        let planned = Set(try await PlanActivityRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .filter(\.$academicYear == year).rows(["establishment_id"]) { try $0.decode("establishment_id", as: UUID.self) })
        let evidence = try await EvidenceStore.texts(authorityID: authorityID, on: database)
        let today = Day(request.now), now = request.now, userID = try user.requireID()
        var rows: [[BulkInsert.Value]] = [], plans = 0
        for (establishmentID, decision) in decided where !planned.contains(establishmentID) {
            guard let text = evidence[establishmentID], case .success(let establishment) = EvidenceDecoder.decode(try JSONReader.read(text)) else { continue }
            let result = engine.categorise(establishment, runDate: today, supportFor: decision.category)
            let items = YearPlanner.plan(category: decision.category, result: result).items
            if !items.isEmpty { plans += 1 }
            for item in items {
                rows.append([.id(UUID()), .id(authorityID), .id(establishmentID), .int(year), .text(item.term.rawValue), .text(item.activity),
                             .double(item.amount), .text(item.unit), .text(item.kind), .text(item.category), .text(item.cite),
                             .text(PlanActivityRecord.Origin.framework.rawValue), .id(userID), .date(now)])
            }
        }
        let columns = ["id", "authority_id", "establishment_id", "academic_year", "term", "activity", "amount", "unit", "kind", "category",
                       "cite", "origin", "created_by", "created_at"]
        let allRows = rows
        try await database.transaction { database in
            try await BulkInsert.rows(into: PlanActivityRecord.schema, columns: columns, allRows, on: database)
        }
        try await Audit.record(request, authorityID: authorityID, userID: user.id, action: "plans_created",
                               detail: "\(Runs.label(year)): \(plans) plans, \(allRows.count) activities")
        // Schools GIAS says will close keep nothing planned from their close date.
        try await Closures.release(authorityID: authorityID, by: user.id, at: request.now, on: database)
        return (plans, allRows.count)
    }
}
