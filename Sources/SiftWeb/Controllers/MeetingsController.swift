import Fluent
import Foundation
import SiftCore
import Vapor

/// The meetings an establishment's category requires (TAS, TAG, TIB), minuted with their risk
/// assessment; its action plan with each action reviewed every term; and, for a TIB, the exit
/// criteria whose meeting ends intervention.
struct MeetingsController {
    struct Form: Content {
        var year: String?
        var kind: String?
        var date: String?
        var attendees: String?
        var minutes: String?
        var risk: String?
        var progress: String?
        var action: String?
        var owner: String?
        var due: String?
        var item: String?
        var term: String?
        var status: String?
        var note: String?
        var criterion: String?
        var met: String?
        var evidence: String?
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        let year = SupportController.year(try? request.query.get(String.self, at: "year"), now: request.now)
        return try await MeetingsPage(request: request, user: user, record: record, year: year).render(notice: try? request.query.get(String.self, at: "done"))
    }

    func hold(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        let context = try await page.requirements()
        var errors: [FieldError] = []
        let requirement = context.requirements.first { $0.kind == form.kind }
        if requirement == nil { errors.append(.init(field: "kind", message: "Choose a meeting the category requires")) }
        let date = Self.pastDate(form.date, year: page.year, today: Day(request.now), field: "date", &errors)
        // A board is about an open establishment: none is held for one on or after its close date.
        if let date, let closed = record.closed.flatMap(Day.init), date >= closed {
            errors.append(.init(field: "date", message: "\(record.name) closed on \(closed.longText): a meeting about it must be before then"))
        }
        let attendees = Self.text(form.attendees, field: "attendees", "Enter who attended", limit: 1000, &errors)
        let minutes = Self.text(form.minutes, field: "minutes", "Enter the minutes: what was discussed and agreed", limit: 10_000, &errors)
        var risk: String?, progress: String?
        if requirement?.endsWithRiskAssessment == true {
            if context.earlyYears {
                progress = Self.text(form.progress, field: "progress", "Enter the setting's progress against its agreed priorities", limit: 2000, &errors)
            } else if Meetings.risks.contains(form.risk ?? "") {
                risk = form.risk
            } else {
                errors.append(.init(field: "risk", message: "Choose the risk against a good judgement from Ofsted: high, medium or low"))
            }
        }
        guard errors.isEmpty, let requirement, let date else { return try await page.render(errors: errors, form: form) }
        let meeting = MeetingRecord()
        meeting.$authority.id = user.$authority.id
        meeting.$establishment.id = try record.requireID()
        meeting.academicYear = page.year
        meeting.kind = requirement.kind
        meeting.date = date.description
        meeting.attendees = attendees
        meeting.minutes = minutes
        meeting.risk = risk
        meeting.progress = progress
        meeting.$recordedBy.id = user.id
        meeting.recordedAt = request.now
        try await meeting.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "meeting_held",
                               detail: "\(record.urn) \(date): \(requirement.name)\(risk.map { ", risk \($0)" } ?? "")")
        return page.redirect("The \(requirement.name) meeting of \(date) is recorded.")
    }

    func addAction(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        var errors: [FieldError] = []
        let action = Self.text(form.action, field: "action", "Enter the action", limit: 1000, &errors)
        let owner = Self.text(form.owner, field: "owner", "Enter who owns the action", limit: 200, &errors)
        let due = Day((form.due ?? "").trimmingCharacters(in: .whitespaces))
        if due == nil { errors.append(.init(field: "due", message: "Enter the date it is due, like 2025-12-19")) }
        guard errors.isEmpty, let due else { return try await page.render(errors: errors, form: form) }
        let row = PlanActionRecord()
        row.$authority.id = user.$authority.id
        row.$establishment.id = try record.requireID()
        row.academicYear = page.year
        row.action = action
        row.owner = owner
        row.due = due.description
        row.$createdBy.id = user.id
        row.createdAt = request.now
        try await row.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "action_added",
                               detail: "\(record.urn): \(action) — \(owner), by \(due)")
        return page.redirect("The action is added to the plan.")
    }

    func review(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        var errors: [FieldError] = []
        let action = try await form.item.flatMap(UUID.init(uuidString:)).asyncMap { id in
            try await PlanActionRecord.query(on: request.db).filter(\.$id == id).filter(\.$establishment.$id == record.requireID()).first()
        } ?? nil
        if action == nil { errors.append(.init(field: "actions", message: "Choose an action of this plan to review")) }
        let term = PlanTerm(rawValue: form.term ?? "").flatMap { PlanTerm.terms.contains($0) ? $0 : nil }
        if term == nil { errors.append(.init(field: "actions", message: "Choose the term of the review")) }
        if !Meetings.statuses.map(\.0).contains(form.status ?? "") { errors.append(.init(field: "actions", message: "Choose the action's status")) }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 2000 { errors.append(.init(field: "actions", message: "The note must be 2,000 characters or fewer")) }
        guard errors.isEmpty, let action, let term, let status = form.status else { return try await page.render(errors: errors, form: form) }
        let review = ActionReviewRecord()
        review.$action.id = try action.requireID()
        review.term = term.rawValue
        review.status = status
        review.note = note
        review.$reviewedBy.id = user.id
        review.reviewedAt = request.now
        try await review.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "action_reviewed",
                               detail: "\(record.urn) \(term.label): \(action.action) — \(status.replacing("_", with: " "))")
        return page.redirect("The review of the \(term.label.lowercased()) is recorded.")
    }

    private func change(_ request: Request) async throws -> (User, EstablishmentRecord, Form, MeetingsPage) {
        let (user, record) = try await EvidenceEdit.target(request)
        let form = try request.content.decode(Form.self)
        return (user, record, form, MeetingsPage(request: request, user: user, record: record, year: SupportController.year(form.year, now: request.now)))
    }

    static func text(_ value: String?, field: String, _ missing: String, limit: Int, _ errors: inout [FieldError]) -> String {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(.init(field: field, message: missing)) }
        if text.count > limit { errors.append(.init(field: field, message: "Enter \(limit) characters or fewer")) }
        return text
    }

    /// A date in the academic year that is not in the future.
    static func pastDate(_ text: String?, year: Int, today: Day, field: String, _ errors: inout [FieldError]) -> Day? {
        guard let date = Day((text ?? "").trimmingCharacters(in: .whitespaces)) else {
            errors.append(.init(field: field, message: "Enter the date it took place, like 2025-11-20"))
            return nil
        }
        if Runs.academicYear(of: date) != year {
            errors.append(.init(field: field, message: "The date must fall in \(Runs.label(year)), between 1 September and 31 August"))
        } else if date > today {
            errors.append(.init(field: field, message: "The date must be today or in the past"))
        }
        return date
    }
}

extension Optional {
    /// The wrapped value transformed by asynchronous work, or nil.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
