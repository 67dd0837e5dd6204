import Fluent
import Foundation
import SiftCore
import Vapor

/// Recording by hand a school an establishment replaced (a conversion, amalgamation or split
/// GIAS has not yet linked): stored as GIAS would store it, and the new school takes the
/// inspections of the one it replaced while it has none of its own.
struct LinkFormController {
    struct Form: Content {
        var predecessor: String?
        var type: String?
        var date: String?
    }

    /// GIAS's own words for a predecessor, and how an officer would say each.
    static let types = [("Predecessor", "It converted to an academy or reopened as this school"),
                        ("Predecessor - amalgamated", "It was amalgamated into this school"),
                        ("Predecessor - Split School", "This school was split from it")]

    func show(_ request: Request) async throws -> Response {
        let (_, record) = try await EvidenceEdit.target(request)
        return try await render(request, record: record, form: Form(type: "Predecessor"), errors: [])
    }

    func add(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let form = try request.content.decode(Form.self)
        let urn = (form.predecessor ?? "").trimmingCharacters(in: .whitespaces)
        let dateText = (form.date ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if urn.isEmpty || urn.count > 7 || !urn.allSatisfy(\.isNumber) {
            errors.append(.init(field: "predecessor", message: "Enter the URN of the school it replaced, 6 digits like 124935"))
        } else if urn == record.urn {
            errors.append(.init(field: "predecessor", message: "Enter the URN of another school: a school cannot replace itself"))
        }
        if !Self.types.contains(where: { $0.0 == form.type }) { errors.append(.init(field: "type", message: "Choose how this school replaced it")) }
        let day = Day(dateText)
        if !dateText.isEmpty && day == nil { errors.append(.init(field: "date", message: "Enter the date as day/month/year, like 01/08/2018")) }
        guard errors.isEmpty, let type = form.type else { return try await render(request, record: record, form: form, errors: errors) }

        let authority = try await user.$authority.get(on: request.db)
        let records = try await PublicDataImport.records(of: authority, on: request.application)
        let link = GIASLink(line: 0, urn: record.urn, linkedURN: urn, linkedName: records[urn]?.name, type: type, established: day)
        let authorityID = try authority.requireID(), userID = user.id, now = request.now
        let change = PublicDataImport.Change(urn: record.urn, line: 0, isNew: false, evidence: { _ in nil },
                                             predecessors: [.init(urn: urn)])
        _ = try await PublicDataImport.store([change], in: authority, records: records, report: .init(), action: "establishment_linked",
                                             describing: "\(record.name) (URN \(record.urn)) recorded as replacing URN \(urn)", dryRun: false,
                                             by: userID, on: request.application) { database in
            try await EstablishmentLinks.store([link], authorityID: authorityID, source: "form", by: userID, at: now, on: database)
        }
        return request.redirect(to: SiteRoute.establishment(urn: record.urn).path + "#links")
    }

    private func render(_ request: Request, record: EstablishmentRecord, form: Form, errors: [FieldError]) async throws -> Response {
        let fields: [FormField] = [
            .text("predecessor", "URN of the school it replaced", hint: "GIAS gives it under Links", value: form.predecessor ?? ""),
            .select("type", "How this school replaced it", choices: Self.types, selected: form.type ?? ""),
            .text("date", "Date it replaced it (optional)", hint: "For example, 01/08/2018", value: form.date ?? ""),
        ]
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Record a school it replaced", current: nil),
            caption: "\(record.name), URN \(record.urn)", heading: "Record a school it replaced",
            intro: "Until this school is inspected itself, the latest inspection of the school it replaced is read as its own, as Ofsted reports it, and that school's category carries over.",
            action: SiteRoute.establishmentLinks(urn: record.urn).path, backHref: SiteRoute.establishment(urn: record.urn).path,
            submit: "Record it", fieldsets: [.init(legend: nil, hint: nil, fields: fields)], errors: errors)
        return try await context.render(on: request)
    }
}
