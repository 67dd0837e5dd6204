import Fluent
import Foundation
import SiftCore
import Vapor

/// Milton Keynes' TIB exit strategy: each criterion judged with its evidence, and leaving
/// intervention once none is outstanding.
extension MeetingsController {
    func judgeCriterion(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let form = try request.content.decode(Form.self)
        let page = MeetingsPage(request: request, user: user, record: record, year: SupportController.year(form.year, now: request.now))
        var errors: [FieldError] = []
        let criterion = TIBExit.criteria.first { $0.id == form.criterion }
        if criterion == nil { errors.append(.init(field: "exit", message: "Choose an exit criterion")) }
        let evidence = Self.text(form.evidence, field: "exit", "Enter the evidence for the judgement", limit: 2000, &errors)
        guard errors.isEmpty, let criterion else { return try await page.render(errors: errors, form: form) }
        let judgement = ExitCriterionRecord()
        judgement.$authority.id = user.$authority.id
        judgement.$establishment.id = try record.requireID()
        judgement.criterion = criterion.id
        judgement.met = form.met == "yes"
        judgement.evidence = evidence
        judgement.$judgedBy.id = user.id
        judgement.judgedAt = request.now
        try await judgement.save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "exit_criterion_judged",
                               detail: "\(record.urn): \(criterion.text) — \(judgement.met ? "met" : "not met")")
        return page.redirect("The criterion is recorded as \(judgement.met ? "met" : "not met").")
    }

    func leave(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let form = try request.content.decode(Form.self)
        let page = MeetingsPage(request: request, user: user, record: record, year: SupportController.year(form.year, now: request.now))
        let judgements = try await Meetings.exitJudgements(try record.requireID(), on: request.db)
        let outstanding = TIBExit.outstanding(met: Set(judgements.values.filter(\.met).map(\.criterion)))
        guard outstanding.isEmpty else {
            return try await page.render(errors: [FieldError(field: "exit", message: "The school cannot leave intervention yet: "
                + "\(outstanding.count) criteria are not met, such as '\(outstanding[0].text)'")])
        }
        let problems = try await Meetings.leaveIntervention(request, user: user, record: record)
        guard problems.isEmpty else {
            return try await page.render(errors: problems.map { FieldError(field: "exit", message: EvidenceEdit.sentence($0.message)) })
        }
        // The category follows at once: the change of category opens with the new proposal
        // chosen and the reason given, for the officer to record.
        return request.redirect(to: SiteRoute.recategorise(urn: record.urn).path + "?after=exit")
    }
}
