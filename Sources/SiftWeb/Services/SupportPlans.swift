import Fluent
import Foundation
import SiftCore
import Vapor

/// An establishment's plan of support for a year: made from the category decided, changed by
/// officers (an activity moved, extra support agreed), and re-planned from the date of an
/// in-year change of category. Every change withdraws or adds rows and is audited.
enum SupportPlans {
    /// The decision in force for the year: its latest that is not a proposal.
    static func decision(establishmentID: UUID, year: Int, on database: any Database) async throws -> DecisionRecord? {
        try await DecisionRecord.query(on: database).filter(\.$establishment.$id == establishmentID).filter(\.$academicYear == year)
            .filter(\.$status != .provisional).sort(\.$decidedAt, .descending).first()
    }

    /// The year's activities, those in force first by term, then those withdrawn.
    static func activities(establishmentID: UUID, year: Int, on database: any Database) async throws -> [PlanActivityRecord] {
        try await PlanActivityRecord.query(on: database).filter(\.$establishment.$id == establishmentID).filter(\.$academicYear == year)
            .sort(\.$createdAt).all()
            .sorted { ($0.withdrawnAt == nil ? 0 : 1, $0.item.term) < ($1.withdrawnAt == nil ? 0 : 1, $1.item.term) }
    }

    /// The plan `category` brings this establishment, from its evidence as it stands.
    static func framePlan(_ record: EstablishmentRecord, category: String, engine: DecisionEngine, on day: Day,
                          database: any Database) async throws -> YearPlan {
        let establishment = try await Proposals.establishment(record, on: database)
        let result = engine.categorise(establishment, runDate: day, supportFor: category)
        return YearPlanner.plan(category: category, result: result)
    }

    /// Makes the year's plan from the category decided for it; refused when a plan exists or
    /// nothing is decided.
    static func create(_ request: Request, user: User, record: EstablishmentRecord, year: Int, engine: DecisionEngine) async throws -> Int {
        let id = try record.requireID()
        guard let decision = try await decision(establishmentID: id, year: year, on: request.db) else {
            throw PlanRefusal("No category is agreed for \(record.name) in \(Runs.label(year)) yet: agree one first.")
        }
        if try await PlanActivityRecord.query(on: request.db).filter(\.$establishment.$id == id).filter(\.$academicYear == year).count() > 0 {
            throw PlanRefusal("\(record.name) has a plan for \(Runs.label(year)) already.")
        }
        let plan = try await framePlan(record, category: decision.category, engine: engine, on: Day(request.now), database: request.db)
        let rows = plan.items.map {
            PlanActivityRecord(authorityID: user.$authority.id, establishmentID: id, year: year, item: $0, origin: .framework,
                               note: nil, by: user.id, at: request.now)
        }
        try await request.db.transaction { database in try await rows.create(on: database) }
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "plan_created",
                               detail: "\(record.urn) \(Runs.label(year)): \(rows.count) activities for category \(decision.category)")
        // A school GIAS says will close keeps nothing planned from its close date.
        if record.closed != nil {
            try await Closures.release(authorityID: user.$authority.id, only: id, by: user.id, at: request.now, on: request.db)
        }
        return rows.count
    }

    /// Adds support agreed beyond the framework's plan.
    static func addExtra(_ request: Request, user: User, record: EstablishmentRecord, year: Int, item: PlanItem, reason: String) async throws {
        let row = PlanActivityRecord(authorityID: user.$authority.id, establishmentID: try record.requireID(), year: year, item: item,
                                     origin: .extra, note: reason, by: user.id, at: request.now)
        try await row.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "plan_extra_added",
                               detail: "\(record.urn) \(Runs.label(year)): \(item.activity), \(Tree.format(item.amount)) \(item.unit), \(item.term.label) — \(reason)")
    }

    /// Moves an activity to another part of the year: the row is withdrawn and its copy added there.
    static func move(_ request: Request, user: User, record: EstablishmentRecord, activity: PlanActivityRecord, to term: PlanTerm,
                     reason: String) async throws {
        var item = activity.item
        let from = item.term
        item.term = term
        let copy = PlanActivityRecord(authorityID: user.$authority.id, establishmentID: try record.requireID(), year: activity.academicYear,
                                      item: item, origin: .moved, note: reason, by: user.id, at: request.now)
        withdraw(activity, by: user.id, at: request.now, reason: "Moved to \(term.label): \(reason)")
        try await request.db.transaction { database in
            try await activity.save(on: database)
            try await copy.save(on: database)
            try await SupportRecord.query(on: database).filter(\.$planActivity.$id == activity.requireID())
                .set(\.$planActivity.$id, to: copy.requireID()).update()
        }
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "plan_activity_moved",
                               detail: "\(record.urn) \(Runs.label(activity.academicYear)): \(item.activity) from \(from.label) to \(term.label) — \(reason)")
    }

    /// After a change of category on `day`, re-plans what is left of the year (`Replan`), if the
    /// establishment has a plan for it.
    static func replan(_ request: Request, user: User, record: EstablishmentRecord, category: String, year: Int, on day: Day,
                       engine: DecisionEngine) async throws {
        let establishmentID = try record.requireID()
        let current = try await activities(establishmentID: establishmentID, year: year, on: request.db).filter { $0.withdrawnAt == nil }
        guard !current.isEmpty else { return }
        let plan = try await framePlan(record, category: category, engine: engine, on: day, database: request.db)
        let change = Replan(current: current.map(\.item), plan: plan, change: day, year: year)
        let reason = "Re-planned from \(day) for category \(category)"
        for index in change.withdrawn { withdraw(current[index], by: user.id, at: request.now, reason: reason) }
        let added = change.added.map {
            PlanActivityRecord(authorityID: user.$authority.id, establishmentID: establishmentID, year: year, item: $0, origin: .replanned,
                               note: reason, by: user.id, at: request.now)
        }
        try await request.db.transaction { database in
            for index in change.withdrawn { try await current[index].save(on: database) }
            try await added.create(on: database)
        }
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "plan_replanned",
                               detail: "\(record.urn) \(Runs.label(year)): \(change.withdrawn.count) activities withdrawn, \(added.count) added — \(reason)")
    }

    private static func withdraw(_ activity: PlanActivityRecord, by userID: UUID?, at time: Date, reason: String) {
        activity.withdrawnAt = time
        activity.$withdrawnBy.id = userID
        activity.withdrawnReason = reason
    }
}

/// A change to a plan that cannot be made, said to the officer as it is.
struct PlanRefusal: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
