import Fluent
import Foundation
import SiftCore
import Vapor

/// Builds an establishment's compliance dashboard: each item of Annex 5 with the check in
/// force, coloured by its status and flagged when stale, then every check ever recorded.
struct CompliancePage {
    let request: Request
    let user: User
    let record: EstablishmentRecord

    func render(notice: String? = nil, errors: [FieldError] = [], form: ComplianceController.Form = .init()) async throws -> Response {
        let checks = try await Compliance.checks(establishmentID: try record.requireID(), on: request.db)
        let establishment = try await Proposals.establishment(record, on: request.db)
        let today = Day(request.now)
        let mayChange = user.role == .officer || user.role == .administrator
        let latest = Dictionary(checks.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
        let inspection = establishment.latestInspection.map(EstablishmentPageController.inspectionRow)
        let rows: [ComplianceContext.Row] = ComplianceItem.all.map { item in
            if item.fromInspections {
                let value: String? = switch item.code {
                case "last-ofsted": inspection?.date
                case "inspection-type": establishment.latestInspection.map { $0.type ?? $0.framework.rawValue.spacedWords }
                default: inspection?.overall
                }
                return .init(item: item.label, status: "", tagClass: "", checked: "", note: value ?? "No inspection recorded",
                             who: "From the establishment's inspections", isStale: false, notChecked: false, isRead: true)
            }
            guard let check = latest[item.code], let status = ComplianceStatus(rawValue: check.status) else {
                return .init(item: item.label, status: "", tagClass: "", checked: "", note: "", who: "", isStale: false, notChecked: true, isRead: false)
            }
            return .init(item: item.label, status: status.label, tagClass: status.tagClass, checked: check.checkedOn, note: check.note,
                         who: check.recordedBy?.name ?? "", isStale: Day(check.checkedOn).map { ComplianceItem.isStale(checked: $0, today: today) } ?? true,
                         notChecked: false, isRead: false)
        }
        let entered = rows.filter { !$0.isRead }
        func count(_ status: ComplianceStatus) -> Int { entered.filter { $0.status == status.label }.count }
        let summary = "\(count(.red)) red, \(count(.amber)) amber, \(count(.green)) green; \(entered.filter(\.isStale).count) stale, "
            + "\(entered.filter(\.notChecked).count) not yet checked"
        let labels = Dictionary(ComplianceItem.all.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
        let kind = EstablishmentKind(rawValue: record.kind)
        var fields: [FormField] = [
            .select("item", "Item", choices: [("", "Choose")] + ComplianceItem.entered.map { ($0.code, $0.label) }, selected: form.item ?? ""),
            .select("status", "Status", choices: [("", "Choose")] + ComplianceStatus.allCases.map { ($0.rawValue, $0.label) }, selected: form.status ?? ""),
            .text("checked", "Date it was checked", hint: "Like 2025-03-14", value: form.checked ?? ""),
            FormField(name: "note", label: "Note", hint: "What was found, like “Surplus £10,000” or “Fully”", kind: .textarea, value: form.note ?? ""),
        ]
        fields = SupportPage.attach(errors, to: fields)
        let context = ComplianceContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Compliance dashboard for \(record.name)",
                                                 current: .compliance(urn: record.urn)),
            urn: record.urn, name: record.name,
            setting: kind?.isMaintained == true ? "A maintained setting." : "Not a maintained setting: the framework says the dashboard “can also be made available to academies”.",
            notice: notice, errors: errors, summary: summary, staleMonths: ComplianceItem.staleAfterMonths, rows: rows,
            history: checks.map { check in
                let status = ComplianceStatus(rawValue: check.status)
                return .init(item: labels[check.item] ?? check.item, status: status?.label ?? check.status, tagClass: status?.tagClass ?? "",
                             checked: check.checkedOn, note: check.note, who: check.recordedBy?.name ?? "",
                             when: Day(check.recordedAt).description, source: check.source == "form" ? "Entered" : "Imported from \(check.source)")
            },
            mayChange: mayChange, fields: fields, action: SiteRoute.compliance(urn: record.urn).path,
            importHref: mayChange ? SiteRoute.complianceImport.path : nil, backHref: SiteRoute.establishment(urn: record.urn).path)
        let response = try await request.view.render("compliance", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }
}

struct ComplianceContext: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var item, status, tagClass, checked, note, who: String
        var isStale, notChecked, isRead: Bool
    }

    struct Check: Encodable, Sendable {
        var item, status, tagClass, checked, note, who, when, source: String
    }

    var layout: LayoutContext
    var urn, name, setting: String
    var notice: String?
    var errors: [FieldError]
    var summary: String
    var staleMonths: Int
    var rows: [Row]
    var history: [Check]
    var mayChange: Bool
    var fields: [FormField]
    var action: String
    var importHref: String?
    var backHref: String
}
