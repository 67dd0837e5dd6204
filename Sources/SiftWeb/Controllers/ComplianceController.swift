import Fluent
import Foundation
import SiftCore
import Vapor

/// An establishment's compliance dashboard (Wolverhampton, 4.5 and Annex 5): seen by its own
/// users and its authority's staff, checks entered by officers one at a time or from a file.
struct ComplianceController {
    struct Form: Content {
        var item: String?
        var status: String?
        var checked: String?
        var note: String?
    }

    struct Upload: Content {
        var file: File?
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        return try await CompliancePage(request: request, user: user, record: record).render(notice: try? request.query.get(String.self, at: "done"))
    }

    func record(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let form = try request.content.decode(Form.self)
        let page = CompliancePage(request: request, user: user, record: record)
        switch Compliance.entry(item: form.item ?? "", status: form.status ?? "", checked: form.checked ?? "", note: form.note ?? "",
                                today: Day(request.now)) {
        case .problems(let problems):
            return try await page.render(errors: problems.map { FieldError(field: $0.part, message: $0.message) }, form: form)
        case .value(let entry):
            try await Compliance.store(request, user: user, entries: [(record, entry)], source: "form")
            return request.redirect(to: SiteRoute.compliance(urn: record.urn).path + "?done="
                + ("\(entry.item.label) is recorded as \(entry.status.label.lowercased())."
                    .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
    }

    func showImport(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        return try await importPage(request, user: user, errors: [], notice: try? request.query.get(String.self, at: "done"))
    }

    func upload(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let upload = (try? request.content.decode(Upload.self)) ?? Upload()
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await importPage(request, user: user, errors: [FieldError(field: "file", message: "Choose the CSV file of checks to import")])
        }
        let establishments = try await EstablishmentRecord.query(on: request.db).filter(\.$authority.$id == user.$authority.id).all()
        let byURN = Dictionary(establishments.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        switch ComplianceImport.read(Array(file.data.readableBytesView), establishments: byURN, today: Day(request.now)) {
        case .problems(let problems):
            return try await importPage(request, user: user, errors: FieldError.refused(problems))
        case .value(let entries):
            let name = String(file.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "upload.csv").prefix(120)
            try await Compliance.store(request, user: user, entries: entries, source: String(name))
            let notice = "\(entries.count) checks of \(Set(entries.map(\.0.urn)).count) establishments were imported from \(name)."
            return request.redirect(to: SiteRoute.complianceImport.path + "?done=" + (notice.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? ""))
        }
    }

    private func importPage(_ request: Request, user: User, errors: [FieldError], notice: String? = nil) async throws -> Response {
        let items = ComplianceItem.entered.map { "\($0.code) (“\($0.label)”)" }.joined(separator: ", ")
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Import compliance checks", current: .complianceImport),
            caption: "Compliance dashboard", heading: "Import compliance checks",
            intro: "A CSV file with the columns urn, item, status, checked and note, one check a row. The item is its code or its wording "
                + "in Annex 5: \(items). The status is red, amber or green; checked is the date it was checked, like 2025-03-14. "
                + "Every row is stored, or none: a file with any problem is refused, naming each by line.",
            action: SiteRoute.complianceImport.path, backHref: SiteRoute.establishments.path, submit: "Import the checks",
            fieldsets: [FormFieldset(legend: nil, hint: nil, fields: [.file("file", "CSV file of checks")])],
            errors: errors, multipart: true, notice: notice)
        return try await context.render(on: request)
    }
}
