import Fluent
import Foundation
import SiftCore
import Vapor

/// Builds an establishment's partnership page: whether it has opted out of support, the
/// history of opting out and in, and its areas of strength, with officers' forms.
struct PartnershipPage {
    let request: Request
    let user: User
    let record: EstablishmentRecord

    var path: String { SiteRoute.partnership(urn: record.urn).path }

    func redirect(_ notice: String) -> Response {
        request.redirect(to: path + "?done=" + (notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    /// One sentence on whether the school is opted out, for this page, the establishment's and the support page.
    static func status(_ latest: SupportOptOutRecord?) -> String? {
        guard let latest, latest.optedOut else { return nil }
        return "The school opted out of support on \(Day(latest.recordedAt)); governors or trustees and leaders were told the reasons for "
            + "the support offered on \(latest.toldOn ?? "–")." + (latest.fundingReview ? " Its network funding is to be reviewed." : "")
    }

    func render(notice: String? = nil, errors: [FieldError] = [], form: PartnershipController.Form = .init()) async throws -> Response {
        let id = try record.requireID()
        let optOuts = try await Partnership.optOuts(establishmentID: id, on: request.db)
        let strengths = try await Partnership.strengths(authorityID: user.$authority.id, establishmentID: id, on: request.db)
        let mayChange = user.role == .officer || user.role == .administrator
        let optedOut = optOuts.first?.optedOut ?? false
        let fields: [FormField] = [
            .select("choice", "What the school has decided", choices: [("", "Choose")] + (optedOut ? [("in", "It opts back in to support")]
                : [("out", "It opts out of support")]), selected: form.choice ?? ""),
            .text("toldOn", "Date governors or trustees and leaders were told the reasons for the support offered",
                  hint: "Needed to opt out, like 2025-03-14", value: form.toldOn ?? ""),
            FormField(name: "reason", label: "Reason", kind: .textarea, value: form.reason ?? ""),
            .checkbox("fundingReview", "Review the school's network funding", hint: "The seed: funding is not withdrawn automatically, but is reviewed",
                      checked: form.fundingReview == "yes"),
        ]
        let strengthFields: [FormField] = [
            .select("area", "Area", choices: [("", "Choose")] + Partnership.areas.map { ($0, $0) } + [("other", "Another area")], selected: form.area ?? ""),
            .text("otherArea", "Another area", hint: "Only when the area is not in the list", value: form.otherArea ?? "", width: "govuk-input--width-20"),
            FormField(name: "detail", label: "What the school can offer others", kind: .textarea, value: form.detail ?? ""),
            .select("via", "Identified through", choices: [("", "Choose")] + Partnership.sources, selected: form.via ?? ""),
        ]
        let context = PartnershipContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Partnership: \(record.name)",
                                                 current: .establishment(urn: record.urn)),
            urn: record.urn, name: record.name, notice: notice, errors: errors,
            status: Self.status(optOuts.first) ?? "The school takes part in the support offered.",
            optOuts: optOuts.map { entry in
                .init(what: entry.optedOut ? "Opted out" : "Opted back in", when: Day(entry.recordedAt).description, told: entry.toldOn ?? "",
                      reason: entry.reason, funding: entry.fundingReview ? "To be reviewed" : "", who: entry.recordedBy?.name ?? "")
            },
            strengths: strengths.filter { $0.withdrawal == nil }.map { strength in
                .init(id: strength.record.id?.uuidString ?? "", area: strength.record.area, detail: strength.record.detail,
                      via: strength.record.identifiedVia, recorded: "\(Day(strength.record.recordedAt)), \(strength.record.recordedBy?.name ?? "")",
                      withdrawn: "")
            },
            withdrawn: strengths.compactMap { strength in
                strength.withdrawal.map { withdrawal in
                    .init(id: "", area: strength.record.area, detail: strength.record.detail, via: strength.record.identifiedVia,
                          recorded: "\(Day(strength.record.recordedAt)), \(strength.record.recordedBy?.name ?? "")",
                          withdrawn: "\(Day(withdrawal.withdrawnAt)), \(withdrawal.withdrawnBy?.name ?? ""): \(withdrawal.reason)")
                }
            },
            mayChange: mayChange, optOutFields: SupportPage.attach(errors, to: fields), strengthFields: SupportPage.attach(errors, to: strengthFields),
            strengthError: errors.first { $0.field == "strength" || $0.field == "withdraw-reason" }?.message,
            optOutAction: SiteRoute.partnershipOptOut(urn: record.urn).path, strengthAction: SiteRoute.partnershipStrengths(urn: record.urn).path,
            withdrawAction: SiteRoute.partnershipWithdraw(urn: record.urn).path,
            directoryHref: SiteRoute.strengthsDirectory.path, backHref: SiteRoute.establishment(urn: record.urn).path)
        let response = try await request.view.render("partnership", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }
}

struct PartnershipContext: Encodable, Sendable {
    struct OptOut: Encodable, Sendable { var what, when, told, reason, funding, who: String }
    struct Strength: Encodable, Sendable { var id, area, detail, via, recorded, withdrawn: String }

    var layout: LayoutContext
    var urn, name: String
    var notice: String?
    var errors: [FieldError]
    var status: String
    var optOuts: [OptOut]
    var strengths: [Strength]
    var withdrawn: [Strength]
    var mayChange: Bool
    var optOutFields: [FormField]
    var strengthFields: [FormField]
    var strengthError: String?
    var optOutAction, strengthAction, withdrawAction, directoryHref, backHref: String
}
