import Fluent
import Foundation
import SiftCore
import Vapor

/// The year's categorisation: propose, agree or override, confirm; and changes in-year.
/// Every step appends a decision; none edits one.
enum Runs {
    /// The academic year (named by the year it ends) a date falls in: September starts a year.
    static func academicYear(of date: Date) -> Int {
        let day = Day(date)
        return day.month >= 9 ? day.year + 1 : day.year
    }

    static func label(_ year: Int) -> String { "\(year - 1)/\(String(year).suffix(2))" }

    /// The authority's run of an academic year, if it has been stored.
    static func find(year: Int, authorityID: UUID, on database: any Database) async throws -> RunRecord? {
        try await RunRecord.query(on: database).filter(\.$authority.$id == authorityID).filter(\.$academicYear == year).first()
    }

    /// Starts proposing a category for every establishment of the authority, as provisional
    /// decisions, in the background; `RunProgressBoard` follows it. Refused if the year has
    /// been started already.
    static func start(_ request: Request, user: User, year: Int) async throws {
        let authorityID = user.$authority.id
        if try await find(year: year, authorityID: authorityID, on: request.db) != nil {
            throw Abort(.conflict, reason: "The \(label(year)) categorisation has been started already.")
        }
        let key = RunProgressBoard.key(authorityID: authorityID, year: year)
        guard await request.sift.runProgress.begin(key) else {
            throw Abort(.conflict, reason: "The \(label(year)) categorisation is under way.")
        }
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
        let app = request.application, userID = user.id, now = request.now
        await request.sift.background.perform {
            do {
                try await propose(app, key: key, authorityID: authorityID, userID: userID, year: year, engine: engine, now: now)
                await app.sift.runProgress.finish(key)
            } catch {
                app.logger.report(error: error)
                await app.sift.runProgress.fail(key, (error as? any AbortError)?.reason ?? "\(error)")
            }
        }
    }

    /// Works out every proposal first, then stores them all or none, reporting progress.
    private static func propose(_ app: Application, key: String, authorityID: UUID, userID: UUID?, year: Int,
                                engine: DecisionEngine, now: Date) async throws {
        let board = app.sift.runProgress, database = app.db
        let today = Day(now)
        let records = try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID).all()
        let evidence = try await EvidenceStore.texts(authorityID: authorityID, on: database)
        // Last year's category, for rules that read it, from the decisions Sift holds.
        let previous = try await PreviousCategories.before(year, authorityID: authorityID, on: database)
        var decisions: [DecisionRecord] = []
        decisions.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            if index % 500 == 0 { await board.update(key, phase: .proposing, done: index, total: records.count) }
            guard let text = evidence[try record.requireID()] else { continue }
            let establishment = PreviousCategories.apply(previous[try record.requireID()], to: try Proposals.establishment(record, evidence: text))
            let result = engine.categorise(establishment, runDate: today)
            Proposals.apply(result, to: record)
            // An undetermined proposal is in the review with no category to agree: an officer
            // decides it, and the year cannot be confirmed (nor its letters issued) until then.
            guard let category = result.category?.code ?? (result.status == .undetermined ? Self.undecided : nil) else { continue }
            decisions.append(DecisionRecord(authorityID: authorityID, establishmentID: try record.requireID(), academicYear: year,
                                            category: category, designation: result.designation?.code, status: .provisional,
                                            reason: nil, decidedBy: userID, at: now))
        }
        let proposals = decisions, steps = decisions.count + records.count
        try await database.transaction { database in
            try await RunRecord(authorityID: authorityID, academicYear: year, startedBy: userID, at: now).save(on: database)
            for chunk in stride(from: 0, to: proposals.count, by: 500) {
                await board.update(key, phase: .storing, done: chunk, total: steps)
                try await Array(proposals[chunk..<min(proposals.count, chunk + 500)]).create(on: database)
            }
            for (index, record) in records.enumerated() {
                if index % 500 == 0 { await board.update(key, phase: .storing, done: proposals.count + index, total: steps) }
                try await record.save(on: database)
            }
        }
        try await Audit.record(on: database, at: now, authorityID: authorityID, userID: userID, action: "run_proposed",
                               detail: "\(label(year)): \(proposals.count) proposals for \(records.count) establishments")
    }

    /// The category of a proposal the framework left undetermined: none, for an officer to decide.
    static let undecided = ""

    /// The latest decision of each establishment for the year, by establishment id.
    static func latest(_ database: any Database, authorityID: UUID, year: Int) async throws -> [UUID: DecisionRecord] {
        let decisions = try await DecisionRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .filter(\.$academicYear == year).sort(\.$decidedAt).all()
        var latest: [UUID: DecisionRecord] = [:]
        for decision in decisions { latest[decision.$establishment.id] = decision }
        return latest
    }

    /// Agrees the proposal, or overrides it with another category and a reason.
    static func decide(_ request: Request, user: User, record: EstablishmentRecord, year: Int, category: String,
                       override: Bool, reason: String?, exception: String? = nil) async throws {
        let decision = DecisionRecord(authorityID: user.$authority.id, establishmentID: try record.requireID(), academicYear: year,
                                      category: category, designation: record.proposedDesignation, status: override ? .overridden : .agreed,
                                      reason: reason, decidedBy: user.id, at: request.now)
        decision.exception = exception
        record.currentCategory = category
        try await request.db.transaction { database in
            try await decision.save(on: database)
            try await record.save(on: database)
        }
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: override ? "category_overridden" : "category_agreed",
                               detail: "\(record.urn) \(label(year)): \(category)\(reason.map { " — \($0)" } ?? "")\(exception.map { " (an exception to \($0))" } ?? "")")
        try await replanIfPlanned(request, user: user, record: record, category: category, year: year)
    }

    /// Confirms the year once every proposal is decided, and issues the letters.
    static func confirm(_ request: Request, user: User, run: RunRecord) async throws -> Int {
        var latest = try await latest(request.db, authorityID: user.$authority.id, year: run.academicYear)
        // An establishment closed or not covered leaves the year: nothing to decide, no letter.
        let today = Day(request.now)
        // Those the review lists apart (not covered, or closed) are left out of the count too.
        let leftOut = try await EstablishmentRecord.query(on: request.db).filter(\.$authority.$id == user.$authority.id).all()
            .filter { RunController.leftOut($0, today: today) != nil }.compactMap(\.id)
        for id in leftOut { latest[id] = nil }
        let undecided = latest.values.filter { $0.status == .provisional }.count
        if undecided > 0 { throw Abort(.unprocessableEntity, reason: "\(undecided) proposals still need agreeing or overriding.") }
        run.status = .confirmed
        run.$confirmedBy.id = user.id
        run.confirmedAt = request.now
        try await run.save(on: request.db)
        var issued = 0
        for decision in latest.values {
            guard let record = try await EstablishmentRecord.find(decision.$establishment.id, on: request.db) else { continue }
            try await Letters.issue(request, record: record, decision: decision)
            issued += 1
        }
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "run_confirmed",
                               detail: "\(label(run.academicYear)): \(issued) letters issued")
        return issued
    }

    /// Changes an establishment's category during the year, with a reason, and issues a letter.
    static func recategorise(_ request: Request, user: User, record: EstablishmentRecord, category: String, reason: String,
                             exception: String? = nil) async throws {
        let decision = DecisionRecord(authorityID: user.$authority.id, establishmentID: try record.requireID(),
                                      academicYear: academicYear(of: request.now), category: category, designation: record.proposedDesignation,
                                      status: .inYearChange, reason: reason, decidedBy: user.id, at: request.now)
        decision.exception = exception
        record.currentCategory = category
        try await request.db.transaction { database in
            try await decision.save(on: database)
            try await record.save(on: database)
        }
        try await Letters.issue(request, record: record, decision: decision)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "category_changed_in_year",
                               detail: "\(record.urn): \(category) — \(reason)\(exception.map { " (an exception to \($0))" } ?? "")")
        try await replanIfPlanned(request, user: user, record: record, category: category, year: decision.academicYear)
    }

    /// A change of category to a year already planned re-plans the rest of it from today.
    private static func replanIfPlanned(_ request: Request, user: User, record: EstablishmentRecord, category: String, year: Int) async throws {
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
        try await SupportPlans.replan(request, user: user, record: record, category: category, year: year, on: Day(request.now), engine: engine)
    }
}
