import Fluent
import Foundation
import SiftCore
import Vapor

/// One establishment's year of support: the plan made from its category, activities moved or
/// added by officers, support delivered, and notes shared with the school.
struct SupportController {
    struct Form: Content {
        var year: String?
        var activity: String?
        var term: String?
        var amount: String?
        var unit: String?
        var reason: String?
        var item: String?
        var date: String?
        var kind: String?
        var adviser: String?
        var notes: String?
        var outcome: String?
        var share: String?
        var record: String?
        var deliveredAmount: String?
        var deliveredUnit: String?
    }

    /// Who may see the page: anyone who may see the establishment (`EstablishmentScope`).
    private func target(_ request: Request) async throws -> (User, EstablishmentRecord) {
        let user = try request.requireUser().user
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        return (user, record)
    }

    /// Who may change it: the authority's officers and administrators.
    private func changer(_ request: Request) async throws -> (User, EstablishmentRecord) {
        let (user, record) = try await target(request)
        guard user.role == .officer || user.role == .administrator else { throw Abort(.notFound) }
        return (user, record)
    }

    /// A change an officer sends: who, to which establishment, the form, and the page to answer with.
    private func change(_ request: Request) async throws -> (User, EstablishmentRecord, Form, SupportPage) {
        let (user, record) = try await changer(request)
        let form = try request.content.decode(Form.self)
        return (user, record, form, SupportPage(request: request, user: user, record: record, year: Self.year(form.year, now: request.now)))
    }

    static func year(_ text: String?, now: Date) -> Int {
        text.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { (2000...2100).contains($0) ? $0 : nil }
            ?? Runs.academicYear(of: now)
    }

    func show(_ request: Request) async throws -> Response {
        let (user, record) = try await target(request)
        let year = Self.year(try? request.query.get(String.self, at: "year"), now: request.now)
        return try await SupportPage(request: request, user: user, record: record, year: year).render(notice: try? request.query.get(String.self, at: "done"))
    }

    func createPlan(_ request: Request) async throws -> Response {
        let (user, record, _, page) = try await change(request)
        let year = page.year
        do {
            let count = try await SupportPlans.create(request, user: user, record: record, year: year, engine: try await page.engine())
            return page.redirect("The \(Runs.label(year)) plan was made: \(count) activities.")
        } catch let refusal as PlanRefusal {
            return try await page.render(errors: [FieldError(field: "create-plan", message: refusal.message)])
        }
    }

    func addExtra(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        let year = page.year
        var errors: [FieldError] = []
        let activity = (form.activity ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if activity.isEmpty { errors.append(.init(field: "activity", message: "Enter what the extra support is, like 'Additional CMO visit'")) }
        if activity.count > 300 { errors.append(.init(field: "activity", message: "The activity must be 300 characters or fewer")) }
        let term = PlanTerm(rawValue: form.term ?? "")
        if term == nil { errors.append(.init(field: "term", message: "Choose when in the year it takes place")) }
        let amount = Self.amount(form.amount, field: "amount", &errors)
        let unit = SupportDelivery.units.contains(form.unit ?? "") ? form.unit! : nil
        if unit == nil { errors.append(.init(field: "unit", message: "Choose what the amount counts")) }
        let reason = Self.reason(form.reason, field: "reason", &errors)
        let decision = try await SupportPlans.decision(establishmentID: try record.requireID(), year: year, on: request.db)
        if decision == nil { errors.append(.init(field: "activity", message: "Agree a category for \(Runs.label(year)) before planning its support")) }
        guard errors.isEmpty, let term, let amount, let unit, let decision else { return try await page.render(errors: errors, form: form) }
        let item = PlanItem(term: term, activity: activity, amount: amount, unit: unit, kind: "extra", category: decision.category, cite: nil)
        try await SupportPlans.addExtra(request, user: user, record: record, year: year, item: item, reason: reason)
        return page.redirect("Extra support was added to the plan.")
    }

    func move(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        var errors: [FieldError] = []
        let activity = try await page.activity(form.item)
        if activity == nil { errors.append(.init(field: "item", message: "Choose an activity of this year's plan to move")) }
        let term = PlanTerm(rawValue: form.term ?? "")
        if term == nil { errors.append(.init(field: "item", message: "Choose the part of the year to move it to")) }
        if let activity, let term, activity.term == term.rawValue {
            errors.append(.init(field: "item", message: "The activity is in \(term.label) already: choose another part of the year"))
        }
        let reason = Self.reason(form.reason, field: "item", &errors)
        guard errors.isEmpty, let activity, let term else { return try await page.render(errors: errors, form: form) }
        try await SupportPlans.move(request, user: user, record: record, activity: activity, to: term, reason: reason)
        return page.redirect("\(activity.activity) was moved to \(term.label).")
    }

    func logDelivered(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        let year = page.year
        var errors: [FieldError] = []
        let date = Day((form.date ?? "").trimmingCharacters(in: .whitespaces))
        if let date {
            if Runs.academicYear(of: date) != year {
                errors.append(.init(field: "date", message: "The date must fall in \(Runs.label(year)), between 1 September and 31 August"))
            } else if date > Day(request.now) {
                errors.append(.init(field: "date", message: "The date must be today or in the past: record support once it has taken place"))
            }
        } else {
            errors.append(.init(field: "date", message: "Enter the date it took place, like 2024-03-14"))
        }
        let kind = SupportDelivery.kinds.map(\.0).contains(form.kind ?? "") ? form.kind! : nil
        if kind == nil { errors.append(.init(field: "kind", message: "Choose what kind of support it was")) }
        var activity: PlanActivityRecord?
        if let chosen = form.item, !chosen.isEmpty {
            activity = try await page.activity(chosen)
            if activity == nil { errors.append(.init(field: "item", message: "Choose an activity of this year's plan, or none")) }
        }
        var adviser: User?
        if let chosen = form.adviser, !chosen.isEmpty {
            adviser = try await SupportDelivery.advisers(authorityID: user.$authority.id, on: request.db).first { $0.id?.uuidString == chosen }
            if adviser == nil { errors.append(.init(field: "adviser", message: "Choose an adviser of this authority")) }
        } else {
            errors.append(.init(field: "adviser", message: "Choose who delivered it"))
        }
        let amount = (form.deliveredAmount ?? "").isEmpty && activity != nil
            ? activity?.amount : Self.amount(form.deliveredAmount, field: "deliveredAmount", &errors)
        let unit = activity?.unit ?? (SupportDelivery.units.contains(form.deliveredUnit ?? "") ? form.deliveredUnit : nil)
        if unit == nil { errors.append(.init(field: "deliveredUnit", message: "Choose what the amount counts, or the planned activity it delivers")) }
        let notes = (form.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if notes.count > 5000 { errors.append(.init(field: "notes", message: "Notes must be 5,000 characters or fewer")) }
        let outcome = (form.outcome ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if outcome.isEmpty { errors.append(.init(field: "outcome", message: "Enter the outcome, like 'Actions agreed for the spring term'")) }
        if outcome.count > 1000 { errors.append(.init(field: "outcome", message: "The outcome must be 1,000 characters or fewer")) }
        guard errors.isEmpty, let date, let kind, let amount, let unit, let adviser else { return try await page.render(errors: errors, form: form) }
        let delivered = SupportRecord()
        delivered.$authority.id = user.$authority.id
        delivered.$establishment.id = try record.requireID()
        delivered.academicYear = year
        delivered.$planActivity.id = activity?.id
        delivered.date = date.description
        delivered.kind = kind
        delivered.amount = amount
        delivered.unit = unit
        delivered.$adviser.id = adviser.id
        delivered.notes = notes
        delivered.outcome = outcome
        delivered.sharedAt = form.share == "yes" ? request.now : nil
        delivered.$recordedBy.id = user.id
        delivered.recordedAt = request.now
        try await SupportDelivery.log(request, user: user, record: record, delivered: delivered)
        return page.redirect("The \(kind) on \(date) was recorded.")
    }

    func share(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        guard let id = form.record.flatMap(UUID.init(uuidString:)),
              let delivered = try await SupportRecord.query(on: request.db).filter(\.$id == id)
                .filter(\.$establishment.$id == record.requireID()).first() else {
            return try await page.render(errors: [FieldError(field: "delivered", message: "Choose a record of support delivered to this establishment")])
        }
        try await SupportDelivery.share(request, user: user, record: record, delivered: delivered)
        return page.redirect("The notes of the \(delivered.kind) on \(delivered.date) are shared with the school.")
    }

    /// A positive amount of at most 200, as a number.
    static func amount(_ text: String?, field: String, _ errors: inout [FieldError]) -> Double? {
        guard let amount = Double((text ?? "").trimmingCharacters(in: .whitespaces)), amount.isFinite, amount > 0, amount <= 200 else {
            errors.append(.init(field: field, message: "Enter the amount as a number more than 0 and at most 200, like 1 or 0.5"))
            return nil
        }
        return amount
    }

    static func reason(_ text: String?, field: String, _ errors: inout [FieldError]) -> String {
        let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.append(.init(field: field, message: "Enter the reason, as agreed with the school")) }
        if reason.count > 2000 { errors.append(.init(field: field, message: "The reason must be 2,000 characters or fewer")) }
        return reason
    }
}
