import Fluent
import Foundation
import SiftCore
import Vapor

/// Builds and renders one establishment's support page for a year, with any errors of the
/// form just sent and the values it carried.
struct SupportPage {
    let request: Request
    let user: User
    let record: EstablishmentRecord
    let year: Int

    var mayChange: Bool { user.role == .officer || user.role == .administrator }
    var path: String { SiteRoute.support(urn: record.urn).path }

    /// The authority's engine, with the parameter values it has set.
    func engine() async throws -> DecisionEngine {
        try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
    }

    /// An activity of this year's plan in force, by its id in a form.
    func activity(_ id: String?) async throws -> PlanActivityRecord? {
        guard let id = id.flatMap(UUID.init(uuidString:)) else { return nil }
        return try await PlanActivityRecord.query(on: request.db).filter(\.$id == id).filter(\.$establishment.$id == record.requireID())
            .filter(\.$academicYear == year).filter(\.$withdrawnAt == nil).first()
    }

    func redirect(_ notice: String) -> Response {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "year", value: String(year)), URLQueryItem(name: "done", value: notice)]
        return request.redirect(to: path + (components.string ?? ""))
    }

    func render(notice: String? = nil, errors: [FieldError] = [], form: SupportController.Form = .init()) async throws -> Response {
        let id = try record.requireID()
        let decision = try await SupportPlans.decision(establishmentID: id, year: year, on: request.db)
        let activities = try await SupportPlans.activities(establishmentID: id, year: year, on: request.db)
        let inForce = activities.filter { $0.withdrawnAt == nil }
        let delivered = try await SupportDelivery.records(establishmentID: id, year: year, on: request.db)
        let engine = try await engine()
        var allocation: [String: Double] = [:]
        if let decision {
            allocation = try await SupportPlans.framePlan(record, category: decision.category, engine: engine,
                                                          on: Day(request.now), database: request.db).allocation
        }
        let tallies = PlanTally.tally(inForce.map(\.item), allocation: allocation, delivered: SupportDelivery.delivered(delivered))
        var deliveredByActivity: [UUID: Double] = [:]
        for item in delivered {
            if let activityID = item.$planActivity.id { deliveredByActivity[activityID, default: 0] += item.amount }
        }
        let over = tallies.filter(\.isOver)
        let framework = engine.framework
        let context = SupportPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Support for \(record.name)",
                                                 current: .establishment(urn: record.urn)),
            urn: record.urn, name: record.name, year: year, yearLabel: Runs.label(year),
            years: [year - 1, year + 1].map { FormLink(label: Runs.label($0), href: path + "?year=\($0)") },
            category: decision.map { "\($0.category) – \(framework.category($0.category)?.name ?? $0.category) (\($0.status.rawValue.spacedWords) \(Day($0.decidedAt)))" } ?? "",
            mayChange: mayChange,
            createAction: mayChange && inForce.isEmpty && decision != nil ? SiteRoute.supportPlan(urn: record.urn).path : nil,
            notice: notice, errors: errors,
            tallies: tallies.map { tally in
                .init(unit: tally.unit, allocation: tally.allocation.map(Tree.format) ?? "–", planned: Tree.format(tally.planned),
                      delivered: Tree.format(tally.delivered), remaining: Tree.format(max(0, tally.planned - tally.delivered)), isOver: tally.isOver)
            },
            overWarning: over.isEmpty ? nil : "The plan is over the framework's allocation: "
                + over.map { "\(Tree.format($0.planned)) \($0.unit) planned against \(Tree.format($0.allocation ?? 0))" }.joined(separator: "; ") + ".",
            activities: inForce.map { activity in
                .init(id: activity.id?.uuidString ?? "", term: activity.item.term.label, activity: activity.activity,
                      amount: "\(Tree.format(activity.amount)) \(activity.unit)", origin: Self.originLabel(activity.origin),
                      note: activity.note ?? "", delivered: deliveredByActivity[activity.id!].map { "\(Tree.format($0)) \(activity.unit)" } ?? "",
                      cite: activity.cite ?? "")
            },
            withdrawn: activities.filter { $0.withdrawnAt != nil }.map { activity in
                .init(term: activity.item.term.label, activity: activity.activity, amount: "\(Tree.format(activity.amount)) \(activity.unit)",
                      reason: activity.withdrawnReason ?? "", when: activity.withdrawnAt.map { Day($0).description } ?? "")
            },
            termChoices: PlanTerm.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: false) },
            extraFields: Self.attach(errors, to: extraFields(form)),
            deliveredFields: Self.attach(errors, to: deliveredFields(form, activities: inForce,
                advisers: mayChange ? try await SupportDelivery.advisers(authorityID: user.$authority.id, on: request.db) : [])),
            delivered: delivered.map { item in
                let visible = mayChange || item.sharedAt != nil
                return .init(id: item.id?.uuidString ?? "", date: item.date, kind: item.kind.capitalized,
                             activity: item.$planActivity.id.flatMap { id in activities.first { $0.id == id }?.activity } ?? "Not in the plan",
                             adviser: item.adviser?.name ?? "", amount: "\(Tree.format(item.amount)) \(item.unit)",
                             outcome: visible ? item.outcome : "", notes: visible ? item.notes : "", shared: item.sharedAt != nil)
            },
            extraAction: SiteRoute.supportExtra(urn: record.urn).path, moveAction: SiteRoute.supportMove(urn: record.urn).path,
            deliveredAction: SiteRoute.supportDelivered(urn: record.urn).path, shareAction: SiteRoute.supportShare(urn: record.urn).path,
            backHref: SiteRoute.establishment(urn: record.urn).path,
            optOut: PartnershipPage.status(try await Partnership.optOuts(establishmentID: id, on: request.db).first),
            partnershipHref: SiteRoute.partnership(urn: record.urn).path)
        let response = try await request.view.render("support", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// Each error shown beside the field it names.
    static func attach(_ errors: [FieldError], to fields: [FormField]) -> [FormField] {
        fields.map { field in
            var field = field
            field.error = errors.first { $0.field == field.name }?.message
            return field
        }
    }

    static func originLabel(_ origin: PlanActivityRecord.Origin) -> String {
        switch origin {
        case .framework: return "Framework"
        case .extra: return "Agreed extra"
        case .moved: return "Moved"
        case .replanned: return "Re-planned"
        }
    }

    private func extraFields(_ form: SupportController.Form) -> [FormField] {
        [
            .text("activity", "Activity", value: form.activity ?? "", width: "govuk-!-width-full"),
            .select("term", "When", choices: [("", "Choose")] + PlanTerm.allCases.map { ($0.rawValue, $0.label) }, selected: form.term ?? ""),
            .text("amount", "Amount", value: form.amount ?? "", width: "govuk-input--width-4"),
            .select("unit", "Counted in", choices: SupportDelivery.units.map { ($0, $0) }, selected: form.unit ?? "visits"),
            .text("reason", "Why it was agreed", value: form.item == nil ? (form.reason ?? "") : "", width: "govuk-!-width-full"),
        ]
    }

    private func deliveredFields(_ form: SupportController.Form, activities: [PlanActivityRecord], advisers: [User]) -> [FormField] {
        var notes = FormField.text("notes", "Notes of the visit or meeting", hint: "Shared with the school only when you say so", value: form.notes ?? "", width: "govuk-!-width-full")
        notes.kind = .textarea
        return [
            .text("date", "Date", hint: "For example, 2024-03-14", value: form.date ?? "", width: "govuk-input--width-10"),
            .select("kind", "Kind", choices: [("", "Choose")] + SupportDelivery.kinds, selected: form.kind ?? ""),
            .select("item", "Planned activity it delivers", choices: [("", "None: not in the plan")]
                    + activities.map { ($0.id?.uuidString ?? "", "\($0.item.term.label): \($0.activity)") }, selected: form.record == nil ? (form.item ?? "") : ""),
            .select("adviser", "Who delivered it", choices: [("", "Choose")] + advisers.map { ($0.id?.uuidString ?? "", $0.name) }, selected: form.adviser ?? ""),
            .text("deliveredAmount", "Amount", hint: "Leave blank to count the planned activity's amount", value: form.deliveredAmount ?? "", width: "govuk-input--width-4"),
            .select("deliveredUnit", "Counted in", hint: "Where it delivers a planned activity, that activity's unit is used",
                    choices: SupportDelivery.units.map { ($0, $0) }, selected: form.deliveredUnit ?? "visits"),
            notes,
            .text("outcome", "Outcome", value: form.outcome ?? "", width: "govuk-!-width-full"),
            .checkbox("share", "Share the notes with the school's own users now", checked: form.share == "yes"),
        ]
    }
}

extension Runs {
    /// The academic year a day falls in.
    static func academicYear(of day: Day) -> Int { day.month >= 9 ? day.year + 1 : day.year }
}
