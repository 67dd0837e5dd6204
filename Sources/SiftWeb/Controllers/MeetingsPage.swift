import Fluent
import Foundation
import SiftCore
import Vapor

/// Builds an establishment's meetings page for a year.
struct MeetingsPage {
    let request: Request
    let user: User
    let record: EstablishmentRecord
    let year: Int

    func requirements() async throws -> (requirements: [MeetingRequirement], earlyYears: Bool, category: String?) {
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
        return try await Meetings.requirements(record, year: year, engine: engine, on: Day(request.now), database: request.db)
    }

    func redirect(_ notice: String) -> Response {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "year", value: String(year)), URLQueryItem(name: "done", value: notice)]
        return request.redirect(to: SiteRoute.meetings(urn: record.urn).path + (components.string ?? ""))
    }

    func render(notice: String? = nil, errors: [FieldError] = [], form: MeetingsController.Form = .init()) async throws -> Response {
        let id = try record.requireID()
        let (requirements, earlyYears, category) = try await requirements()
        let meetings = try await Meetings.meetings(id, year: year, on: request.db)
        let actions = try await Meetings.actions(id, year: year, on: request.db)
        let tib = requirements.contains(where: \.hasExitStrategy)
        let judgements = tib ? try await Meetings.exitJudgements(id, on: request.db) : [:]
        let outstanding = TIBExit.outstanding(met: Set(judgements.values.filter(\.met).map(\.criterion)))
        let mayChange = user.role == .officer || user.role == .administrator
        let currentTerm = PlanTerm.terms.last { $0.start(in: year) <= Day(request.now) } ?? .autumn
        let statusName = Dictionary(uniqueKeysWithValues: Meetings.statuses)
        let context = MeetingsContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Meetings for \(record.name)",
                                                 current: .establishment(urn: record.urn)),
            urn: record.urn, name: record.name, year: year, yearLabel: Runs.label(year),
            years: [year - 1, year + 1].map { FormLink(label: Runs.label($0), href: SiteRoute.meetings(urn: record.urn).path + "?year=\($0)") },
            category: category ?? "", notice: notice, errors: errors, mayChange: mayChange, earlyYears: earlyYears,
            requirements: requirements.map { requirement in
                let held = meetings.filter { $0.kind == requirement.kind }.count
                return .init(name: requirement.name, held: held,
                             required: requirement.most.map { "\(requirement.required)–\($0)" } ?? String(requirement.required),
                             frequency: requirement.frequency?.replacing("_", with: "-") ?? "", behind: held < requirement.required,
                             cite: requirement.cite ?? "")
            },
            meetings: meetings.reversed().map { meeting in
                .init(date: meeting.date, kind: requirements.first { $0.kind == meeting.kind }?.name ?? meeting.kind.replacing("_", with: " "),
                      attendees: meeting.attendees, minutes: meeting.minutes, risk: meeting.risk?.capitalized ?? "", progress: meeting.progress ?? "")
            },
            actions: actions.map { action, reviews in
                .init(id: action.id?.uuidString ?? "", action: action.action, owner: action.owner, due: action.due,
                      reviews: PlanTerm.terms.compactMap { term in
                          reviews.last { $0.term == term.rawValue }.map { "\(term.label): \(statusName[$0.status] ?? $0.status)\($0.note.isEmpty ? "" : " — \($0.note)")" }
                      },
                      reviewedThisTerm: reviews.contains { $0.term == currentTerm.rawValue })
            },
            currentTerm: currentTerm.label, currentTermValue: currentTerm.rawValue,
            kindChoices: requirements.map { .init(value: $0.kind, label: $0.name, selected: $0.kind == form.kind) },
            riskChoices: Meetings.risks.map { .init(value: $0, label: $0.capitalized, selected: $0 == form.risk) },
            statusChoices: Meetings.statuses.map { .init(value: $0.0, label: $0.1, selected: false) },
            termChoices: PlanTerm.terms.map { .init(value: $0.rawValue, label: $0.label, selected: $0 == currentTerm) },
            tib: tib,
            criteria: TIBExit.criteria.map { criterion in
                let judged = judgements[criterion.id]
                return .init(id: criterion.id, text: criterion.text, nonNegotiable: criterion.nonNegotiable, met: judged?.met == true,
                             judged: judged.map { "\($0.met ? "Met" : "Not met"): \($0.evidence) (\(Day($0.judgedAt)))" } ?? "Not judged yet")
            },
            canLeave: tib && outstanding.isEmpty,
            form: .init(date: form.date ?? "", attendees: form.attendees ?? "", minutes: form.minutes ?? "", progress: form.progress ?? "",
                        action: form.action ?? "", owner: form.owner ?? "", due: form.due ?? ""),
            actionBase: SiteRoute.meetings(urn: record.urn).path, backHref: SiteRoute.establishment(urn: record.urn).path)
        let response = try await request.view.render("meetings", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }
}
