import Fluent
import Foundation
import SiftCore
import Vapor

/// Deciding one establishment's category: agreeing or overriding its proposal in the year's
/// run, or changing it during the year. A reason is required for anything but agreement.
struct DecisionController {
    struct Form: Content {
        var action: String?
        var category: String?
        var reason: String?
        /// "yes" where the person records the category as an exception the framework allows.
        var exception: String?
    }

    private func form(_ request: Request, user: User, record: EstablishmentRecord, year: Int?, category: String?, reason: String,
                      errors: [FieldError], exceptionOffer: String = "") async throws -> Response {
        let authority = try await user.$authority.get(on: request.db)
        let engine = try await request.sift.engine(for: authority, on: request.db)
        // The framework that covers it, where the authority runs more than one.
        let framework = engine.covering(try await Proposals.establishment(record, on: request.db)).framework
        let result = try await Proposals.categorise(record, engine: engine, on: Day(request.now), database: request.db)
        var status = "current category \(record.currentCategory ?? "none")"
        if let year {
            let latest = try await DecisionRecord.query(on: request.db).filter(\.$establishment.$id == record.requireID())
                .filter(\.$academicYear == year).sort(\.$decidedAt, .descending).first()
            status = latest.map { $0.status.rawValue.spacedWords + " \($0.category)" } ?? "not proposed"
        }
        let heading = year.map { "Decide the \(Runs.label($0)) category" } ?? "Change the category during the year"
        let open = result.undetermined.first { $0.sets == "category" }
        let context = DecisionFormContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + heading, current: .runs),
            heading: heading, yearLabel: year.map(Runs.label) ?? Runs.label(Runs.academicYear(of: request.now)),
            urn: record.urn, name: record.name, proposed: result.category?.code ?? "", proposedName: result.category?.name ?? "",
            undetermined: open.map { open in
                "The framework cannot decide: the category could be \(Proposals.possibleCategories(result) ?? "any"), "
                    + "and what would decide it is not recorded: " + open.open.map { "\($0.fact) (\($0.why))" }.joined(separator: "; ") + "."
            } ?? "",
            judgement: result.judgement.map { "A professional judgement between \($0.alternatives.joined(separator: " and ")). \($0.why)" } ?? "",
            reasons: EstablishmentContext.ReasonItem.all(result),
            status: status,
            categories: framework.categories.map { .init(value: $0.code, label: "\($0.code) – \($0.name)", selected: $0.code == category) },
            reason: reason, errors: errors,
            action: year.map { SiteRoute.runDecision(year: $0, urn: record.urn).path } ?? SiteRoute.recategorise(urn: record.urn).path,
            backHref: year.map { SiteRoute.run(year: $0).path } ?? SiteRoute.establishment(urn: record.urn).path,
            canAgree: year != nil && result.category != nil, exceptionOffer: exceptionOffer)
        let response = try await request.view.render("decision", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    private func year(_ request: Request, user: User) async throws -> Int {
        guard let year = request.parameters.get("year", as: Int.self),
              let run = try await Runs.find(year: year, authorityID: user.$authority.id, on: request.db),
              run.status == .proposed else { throw Abort(.notFound) }
        return year
    }

    func showInRun(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let year = try await year(request, user: user)
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        return try await form(request, user: user, record: record, year: year, category: nil, reason: "", errors: [])
    }

    func decideInRun(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let year = try await year(request, user: user)
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        let input = try request.content.decode(Form.self)
        if input.action == "agree" {
            guard let proposal = try await DecisionRecord.query(on: request.db).filter(\.$establishment.$id == record.requireID())
                .filter(\.$academicYear == year).filter(\.$status == .provisional).first() else { throw Abort(.notFound) }
            guard proposal.category != Runs.undecided else {
                return try await form(request, user: user, record: record, year: year, category: nil, reason: "",
                                      errors: [.init(field: "category", message: "There is no proposal to agree: choose the category and give the reason")])
            }
            // The evidence may have changed since the proposal: it must still be allowed.
            let check = try await DecisionChecks.check(request, user: user, record: record, category: proposal.category, exceptionAsked: false)
            guard check.errors.isEmpty else {
                return try await form(request, user: user, record: record, year: year, category: nil, reason: "", errors: check.errors)
            }
            try await Runs.decide(request, user: user, record: record, year: year, category: proposal.category, override: false, reason: nil)
            return request.redirect(to: SiteRoute.run(year: year).path + "?show=undecided")
        }
        let (category, reason, errors) = try await validate(request, user: user, record: record, input)
        if !errors.isEmpty {
            return try await form(request, user: user, record: record, year: year, category: category, reason: reason, errors: errors)
        }
        let check = try await DecisionChecks.check(request, user: user, record: record, category: category!, exceptionAsked: input.exception == "yes")
        guard check.errors.isEmpty else {
            return try await form(request, user: user, record: record, year: year, category: category, reason: reason, errors: check.errors,
                                  exceptionOffer: check.exceptionOffer)
        }
        try await Runs.decide(request, user: user, record: record, year: year, category: category!, override: true, reason: reason,
                              exception: check.exception)
        return request.redirect(to: SiteRoute.run(year: year).path + "?show=undecided")
    }

    func showRecategorise(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        // After leaving intervention, the new proposal is offered with the reason.
        if (try? request.query.get(String.self, at: "after")) == "exit" {
            return try await form(request, user: user, record: record, year: nil, category: record.proposedCategory,
                                  reason: "Left intervention: every exit criterion is met, and the school is sustaining success.", errors: [])
        }
        return try await form(request, user: user, record: record, year: nil, category: nil, reason: "", errors: [])
    }

    func recategorise(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        let input = try request.content.decode(Form.self)
        let (category, reason, errors) = try await validate(request, user: user, record: record, input)
        if !errors.isEmpty {
            return try await form(request, user: user, record: record, year: nil, category: category, reason: reason, errors: errors)
        }
        let check = try await DecisionChecks.check(request, user: user, record: record, category: category!, exceptionAsked: input.exception == "yes")
        guard check.errors.isEmpty else {
            return try await form(request, user: user, record: record, year: nil, category: category, reason: reason, errors: check.errors,
                                  exceptionOffer: check.exceptionOffer)
        }
        try await Runs.recategorise(request, user: user, record: record, category: category!, reason: reason, exception: check.exception)
        return request.redirect(to: SiteRoute.establishment(urn: record.urn).path)
    }

    /// A category of this framework and a reason, or the errors to show.
    private func validate(_ request: Request, user: User, record: EstablishmentRecord, _ input: Form) async throws -> (String?, String, [FieldError]) {
        let framework = try await Proposals.coveringFramework(record, for: user, on: request)
        let category = input.category.flatMap { code in framework.category(code) != nil ? code : nil }
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if category == nil { errors.append(.init(field: "category", message: "Choose the category")) }
        if reason.isEmpty { errors.append(.init(field: "reason", message: "Enter the reason for this category")) }
        if reason.count > 2000 { errors.append(.init(field: "reason", message: "The reason must be 2,000 characters or fewer")) }
        return (category, reason, errors)
    }
}

struct LetterController {
    /// A letter, shown exactly as issued, to whoever may see its establishment.
    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard let id = request.parameters.get("id", as: UUID.self), let letter = try await LetterRecord.find(id, on: request.db),
              letter.$authority.id == user.$authority.id else { throw Abort(.notFound) }
        let record = try await letter.$establishment.get(on: request.db)
        _ = try await EstablishmentScope.find(urn: record.urn, for: user, on: request.db)
        let context = LetterContext(layout: try await LayoutContext.make(request, title: letter.title, current: nil), title: letter.title,
                                    issued: Day(letter.issuedAt).description, body: letter.body,
                                    backHref: SiteRoute.establishment(urn: record.urn).path)
        return try await request.view.render("letter", context).encodeResponse(for: request)
    }
}
