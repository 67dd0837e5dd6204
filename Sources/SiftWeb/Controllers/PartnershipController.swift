import Fluent
import Foundation
import SiftCore
import Vapor

/// One establishment's part in Coventry's partnership: opting out of support (and back in),
/// and its areas of strength to share with other schools.
struct PartnershipController {
    struct Form: Content {
        var choice: String?
        var toldOn: String?
        var reason: String?
        var fundingReview: String?
        var area: String?
        var otherArea: String?
        var detail: String?
        var via: String?
        var strength: String?
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        return try await PartnershipPage(request: request, user: user, record: record).render(notice: try? request.query.get(String.self, at: "done"))
    }

    func optOut(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        var errors: [FieldError] = []
        let current = try await Partnership.optOuts(establishmentID: try record.requireID(), on: request.db).first?.optedOut ?? false
        let out: Bool? = ["out": true, "in": false][form.choice ?? ""]
        if out == nil { errors.append(.init(field: "choice", message: "Choose whether the school opts out of support or back in")) }
        if out == true && current { errors.append(.init(field: "choice", message: "The school has opted out already: record opting back in")) }
        if out == false && !current { errors.append(.init(field: "choice", message: "The school has not opted out: record opting out")) }
        let toldOn = Day((form.toldOn ?? "").trimmingCharacters(in: .whitespaces))
        if out == true {
            // The seed: the LA "will ensure that governors/trustees and school leaders have been
            // clearly communicated with regarding the reasons for the support being offered".
            if toldOn == nil {
                errors.append(.init(field: "toldOn", message: "Enter the date governors or trustees and leaders were told the reasons for the support offered, like 2025-03-14"))
            } else if let toldOn, toldOn > Day(request.now) {
                errors.append(.init(field: "toldOn", message: "The date they were told must be today or in the past"))
            }
        }
        let reason = SupportController.reason(form.reason, field: "reason", &errors)
        guard errors.isEmpty, let out else { return try await page.render(errors: errors, form: form) }
        let problems = try await Partnership.recordOptOut(request, user: user, record: record, optedOut: out, toldOn: out ? toldOn : nil,
                                                          reason: reason, fundingReview: out && form.fundingReview == "yes")
        guard problems.isEmpty else {
            return try await page.render(errors: problems.map { FieldError(field: "choice", message: EvidenceEdit.sentence($0.message)) }, form: form)
        }
        return page.redirect(out ? "The school's opting out of support is recorded." : "The school's opting back in to support is recorded.")
    }

    func addStrength(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        var errors: [FieldError] = []
        let other = (form.otherArea ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var area = Partnership.areas.contains(form.area ?? "") ? form.area : nil
        if form.area == "other" {
            if other.isEmpty || other.count > 100 { errors.append(.init(field: "otherArea", message: "Enter the area, in 100 characters or fewer")) } else { area = other }
        } else if area == nil {
            errors.append(.init(field: "area", message: "Choose the area of strength, or another area"))
        }
        let detail = (form.detail ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if detail.isEmpty { errors.append(.init(field: "detail", message: "Enter what the school can offer others, like 'Leading phonics training for networks'")) }
        if detail.count > 1000 { errors.append(.init(field: "detail", message: "What the school can offer must be 1,000 characters or fewer")) }
        let via = Partnership.sources.first { $0.0 == form.via }?.1
        if via == nil { errors.append(.init(field: "via", message: "Choose how the strength was identified")) }
        guard errors.isEmpty, let area, let via else { return try await page.render(errors: errors, form: form) }
        try await Partnership.addStrength(request, user: user, record: record, area: area, detail: detail, via: via)
        return page.redirect("\(area) is recorded as an area of strength.")
    }

    func withdraw(_ request: Request) async throws -> Response {
        let (user, record, form, page) = try await change(request)
        var errors: [FieldError] = []
        let strengths = try await Partnership.strengths(authorityID: user.$authority.id, establishmentID: try record.requireID(), on: request.db)
        let chosen = strengths.first { $0.record.id?.uuidString == form.strength && $0.withdrawal == nil }
        if chosen == nil { errors.append(.init(field: "strength", message: "Choose an area of strength of this school to withdraw")) }
        let reason = SupportController.reason(form.reason, field: "withdraw-reason", &errors)
        guard errors.isEmpty, let chosen else { return try await page.render(errors: errors, form: form) }
        try await Partnership.withdraw(request, user: user, record: record, strength: chosen.record, reason: reason)
        return page.redirect("\(chosen.record.area) is no longer listed.")
    }

    /// A change: officers and administrators of an establishment they may see.
    private func change(_ request: Request) async throws -> (User, EstablishmentRecord, Form, PartnershipPage) {
        let (user, record) = try await EvidenceEdit.target(request)
        let form = try request.content.decode(Form.self)
        return (user, record, form, PartnershipPage(request: request, user: user, record: record))
    }
}
