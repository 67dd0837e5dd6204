import Fluent
import Foundation
import SiftCore
import Vapor

/// The annual run in the browser: start a year (provisional proposals), review what changed
/// and why, agree or override each with a reason, confirm (letters are issued).
struct RunController {
    /// Officers and administrators run the categorisation; for anyone else these pages do not exist.
    static func requireRunner(_ request: Request) throws -> User {
        let user = try request.requireUser().user
        guard user.role == .officer || user.role == .administrator else { throw Abort(.notFound) }
        return user
    }

    func index(_ request: Request) async throws -> Response {
        try await renderIndex(request, user: try Self.requireRunner(request), errors: [])
    }

    private func renderIndex(_ request: Request, user: User, errors: [FieldError]) async throws -> Response {
        let runs = try await RunRecord.query(on: request.db).filter(\.$authority.$id == user.$authority.id).sort(\.$academicYear, .descending).all()
        let next = Runs.academicYear(of: request.now)
        let context = RunsContext(
            layout: try await LayoutContext.make(request, title: errors.isEmpty ? "Categorisation" : "Error: Categorisation", current: .runs),
            years: runs.map { .init(label: Runs.label($0.academicYear), status: $0.status.rawValue, href: SiteRoute.run(year: $0.academicYear).path) },
            nextYear: next, nextYearLabel: Runs.label(next), canStart: !runs.contains { $0.academicYear == next }, errors: errors)
        let response = try await request.view.render("runs", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    struct StartForm: Content { var year: Int? }

    func start(_ request: Request) async throws -> Response {
        let user = try Self.requireRunner(request)
        guard let year = try request.content.decode(StartForm.self).year, (2000...2100).contains(year) else {
            return try await renderIndex(request, user: user, errors: [.init(field: "year", message: "Choose the academic year to categorise")])
        }
        do {
            try await Runs.start(request, user: user, year: year)
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await renderIndex(request, user: user, errors: [.init(field: "year", message: abort.reason)])
        }
        return request.redirect(to: SiteRoute.runProgress(year: year).path)
    }

    /// How far the year's proposals have got; the page reloads itself until they are stored,
    /// then goes on to the review.
    func progress(_ request: Request) async throws -> Response {
        let user = try Self.requireRunner(request)
        guard let year = request.parameters.get("year", as: Int.self) else { throw Abort(.notFound) }
        if try await Runs.find(year: year, authorityID: user.$authority.id, on: request.db) != nil {
            return request.redirect(to: SiteRoute.run(year: year).path)
        }
        guard let progress = await request.sift.runProgress.progress(RunProgressBoard.key(authorityID: user.$authority.id, year: year)) else {
            throw Abort(.notFound)
        }
        var layout = try await LayoutContext.make(request, title: "Categorising \(Runs.label(year))", current: .runs)
        if progress.phase != .failed { layout.refreshSeconds = 1 }
        let context = ProgressPageContext(
            layout: layout, caption: "Categorisation \(Runs.label(year))", heading: "Proposing categories", phase: progress.phase.rawValue,
            done: progress.done, total: progress.total, percent: progress.percent, barLabel: "Proposals for \(Runs.label(year))",
            explanation: "This page follows the work and opens the review when every proposal is stored. Nothing is stored until all of them are.",
            failureTitle: "The proposals were not stored", failure: progress.failure,
            backHref: SiteRoute.runs.path, backLabel: "Go back to the categorisation", selfHref: SiteRoute.runProgress(year: year).path)
        return try await request.view.render("progress", context).encodeResponse(for: request)
    }

    private func run(_ request: Request, user: User) async throws -> RunRecord {
        guard let year = request.parameters.get("year", as: Int.self),
              let run = try await Runs.find(year: year, authorityID: user.$authority.id, on: request.db)
        else { throw Abort(.notFound) }
        return run
    }

    func review(_ request: Request) async throws -> Response {
        try await renderReview(request, errors: [])
    }

    private func renderReview(_ request: Request, errors: [FieldError]) async throws -> Response {
        let user = try Self.requireRunner(request)
        let run = try await run(request, user: user)
        let year = run.academicYear
        let show = (try? request.query.get(String.self, at: "show")) ?? "all"
        let today = Day(request.now)
        let latest = try await Runs.latest(request.db, authorityID: user.$authority.id, year: year)
        let previous = try await Runs.latest(request.db, authorityID: user.$authority.id, year: year - 1)
        let records = try await EstablishmentRecord.query(on: request.db).filter(\.$authority.$id == user.$authority.id).sort(\.$name).all()
        let proposals = try await DecisionRecord.query(on: request.db).filter(\.$authority.$id == user.$authority.id)
            .filter(\.$academicYear == year).filter(\.$status == .provisional).all()
        let proposalByEstablishment = Dictionary(proposals.map { ($0.$establishment.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Last year's category where Sift has no decision for it: the evidence's previous category.
        let evidence = previous.isEmpty ? try await EvidenceStore.texts(authorityID: user.$authority.id, on: request.db) : [:]
        var rows: [RunContext.Row] = []
        var gaps: [String?] = []
        for record in records {
            // Not covered, or closed since the proposals: listed apart, nothing to decide.
            guard let id = record.id, let decision = latest[id], Self.leftOut(record, today: today) == nil else { continue }
            if record.nationalGaps != nil { gaps.append(record.nationalGaps) }
            let proposal = proposalByEstablishment[id]
            let before = previous[id]?.category ?? (evidence[id].flatMap { try? Proposals.establishment(record, evidence: $0) }?.local.previousCategory ?? "")
            let proposed = proposal.map { $0.category == Runs.undecided ? "Undetermined: \(record.undetermined ?? "to be decided")" : $0.category } ?? ""
            rows.append(.init(urn: record.urn, name: record.name, previous: before, proposed: proposed,
                              decided: decision.status == .provisional ? "" : decision.category,
                              status: decision.status.rawValue.spacedWords,
                              changed: !before.isEmpty && before != proposed, judgement: record.needsJudgement,
                              href: SiteRoute.runDecision(year: year, urn: record.urn).path))
        }
        let shown = rows.filter { show == "changed" ? $0.changed : show == "undecided" ? $0.decided.isEmpty : true }
        let remaining = rows.filter { $0.decided.isEmpty }.count
        let notCovered = records.compactMap { record in Self.leftOut(record, today: today).map { "\(record.name) (URN \(record.urn)): \($0)" } }
        let context = RunContext(
            layout: try await LayoutContext.make(request, title: "Categorisation \(Runs.label(year))", current: .runs),
            year: year, yearLabel: Runs.label(year), status: run.status.rawValue, total: rows.count, decided: rows.count - remaining,
            remaining: remaining, changed: rows.filter(\.changed).count,
            nationalGaps: gaps.count, nationalGapLines: NationalGaps.tally(gaps).map { "\($0.gap.label): \($0.establishments)" },
            nationalGapsRemedy: NationalGaps.remedy, show: show, rows: shown,
            confirmAction: SiteRoute.runConfirm(year: year).path, canConfirm: run.status == .proposed && remaining == 0, errors: errors,
            agreeAllAction: SiteRoute.runAgreeAll(year: year).path,
            agreeable: run.status == .proposed ? rows.filter { $0.decided.isEmpty && !$0.judgement && !$0.proposed.hasPrefix("Undetermined") }.count : 0,
            notCovered: notCovered,
            notCoveredHeading: notCovered.count == 1 ? "1 establishment is not covered by the framework or has closed, so has no proposal"
                : "\(notCovered.count) establishments are not covered by the framework or have closed, so have no proposal")
        let response = try await request.view.render("run", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// Agrees every proposal the framework decided, all or none (`Runs.agreeAll`).
    func agreeAll(_ request: Request) async throws -> Response {
        try await actOnProposedRun(request, then: "?show=undecided") { user, run in _ = try await Runs.agreeAll(request, user: user, run: run) }
    }

    func confirm(_ request: Request) async throws -> Response {
        try await actOnProposedRun(request, then: "") { user, run in _ = try await Runs.confirm(request, user: user, run: run) }
    }

    /// Why an establishment is left out of the year's decisions: not covered by the framework,
    /// or closed by today (which may have come since its proposal was worked out).
    static func leftOut(_ record: EstablishmentRecord, today: Day) -> String? {
        if let closed = record.closed.flatMap(Day.init), closed <= today { return DecisionEngine.closedSentence(closed) }
        return record.notCovered
    }

    /// Does something to a year still proposed; a refusal is shown on the review.
    private func actOnProposedRun(_ request: Request, then query: String, _ act: (User, RunRecord) async throws -> Void) async throws -> Response {
        let user = try Self.requireRunner(request)
        let run = try await run(request, user: user)
        guard run.status == .proposed else { return request.redirect(to: SiteRoute.run(year: run.academicYear).path) }
        do {
            try await act(user, run)
        } catch let abort as any AbortError where abort.status == .unprocessableEntity {
            return try await renderReview(request, errors: [.init(field: "", message: abort.reason)])
        }
        return request.redirect(to: SiteRoute.run(year: run.academicYear).path + query)
    }
}
