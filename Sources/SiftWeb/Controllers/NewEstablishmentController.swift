import Fluent
import Foundation
import SiftCore
import Vapor

/// Adding an establishment by hand: an early-years setting or childminder (which GIAS does not
/// list), keyed by Ofsted's reference where it has no URN, or a school GIAS has yet to list.
/// Stored as an import of one would store it: proposed at once, found by its words, audited.
struct NewEstablishmentController {
    struct Form: Content {
        var urn: String?
        var name: String?
        var kind: String?
        var phase: String?
        var pupils: String?
        var opened: String?
        var registeredPerson: String?
        var manager: String?
    }

    func show(_ request: Request) async throws -> Response {
        _ = try RunController.requireRunner(request)
        return try await render(request, form: Form(kind: EstablishmentKind.childminder.rawValue), errors: [])
    }

    func add(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let form = try request.content.decode(Form.self)
        var errors: [FieldError] = []
        let authority = try await user.$authority.get(on: request.db)
        let records = try await PublicDataImport.records(of: authority, on: request.application)
        let urn = OfstedReference.read((form.urn ?? "").trimmingCharacters(in: .whitespaces))
        if urn == nil {
            errors.append(.init(field: "urn", message: "Enter the URN, or Ofsted's reference for a setting, like EY123456"))
        } else if let urn, records[urn] != nil {
            errors.append(.init(field: "urn", message: "The authority already has an establishment with the reference \(urn): change it from its page"))
        }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(.init(field: "name", message: "Enter the name, as Ofsted or GIAS gives it")) }
        let kind = EstablishmentKind(rawValue: form.kind ?? "")
        if kind == nil { errors.append(.init(field: "kind", message: "Choose what kind of establishment it is")) }
        let pupils = (form.pupils ?? "").trimmingCharacters(in: .whitespaces)
        if !pupils.isEmpty, Int(pupils).map({ !(0...100_000).contains($0) }) ?? true {
            errors.append(.init(field: "pupils", message: "Enter the number of places or pupils as a whole number, like 30"))
        }
        let openedText = (form.opened ?? "").trimmingCharacters(in: .whitespaces)
        if !openedText.isEmpty, Day(openedText) == nil { errors.append(.init(field: "opened", message: "Enter the day it opened as day/month/year, like 01/09/2024")) }
        guard errors.isEmpty, let urn, let kind else { return try await render(request, form: form, errors: errors) }

        let pairs: [(String, Tree?)] = [
            ("urn", .string(urn)), ("name", .string(name)), ("authority", .string(authority.name)), ("kind", .string(kind.rawValue)),
            ("phase", (form.phase).flatMap(Phase.init(rawValue:)).map { .string($0.rawValue) }),
            ("pupils", Int(pupils).map { .number(Double($0)) }), ("opened", Day(openedText).map { .string($0.description) }),
            ("registeredPerson", NetworksController.trimmed(form.registeredPerson).map(Tree.string)),
            ("manager", NetworksController.trimmed(form.manager).map(Tree.string)),
        ]
        let evidence = Tree.object(pairs)
        let change = PublicDataImport.Change(urn: urn, line: 0, isNew: true, evidence: { _ in evidence })
        let report = try await PublicDataImport.store([change], in: authority, records: records, report: .init(), action: "establishment_added",
                                                      describing: "\(name) (\(urn)) added by hand", dryRun: false, by: user.id, on: request.application)
        guard report.rejected.isEmpty else {
            return try await render(request, form: form, errors: report.rejected.map { .init(field: "name", message: EvidenceEdit.sentence($0.message)) })
        }
        return request.redirect(to: SiteRoute.establishment(urn: urn).path)
    }

    private func render(_ request: Request, form: Form, errors: [FieldError]) async throws -> Response {
        let fields: [FormField] = [
            .text("urn", "URN or Ofsted reference", hint: "A setting's Ofsted reference, like EY123456, where it has no URN", value: form.urn ?? ""),
            .text("name", "Name", value: form.name ?? "", width: "govuk-input--width-30"),
            .select("kind", "Kind", choices: EstablishmentFactsFormController.kinds, selected: form.kind ?? ""),
            .select("phase", "Phase", choices: [("", "Not recorded")] + Phase.allCases.map { ($0.rawValue, $0.words.capitalizedFirst) }, selected: form.phase ?? ""),
            .text("pupils", "Places or pupils on roll", hint: "A whole number", value: form.pupils ?? ""),
            .text("opened", "Opened", hint: "For example, 01/09/2024", value: form.opened ?? ""),
            .text("registeredPerson", "Registered person (a setting)", hint: "As Ofsted registers it. Letters are addressed to them", value: form.registeredPerson ?? "", width: "govuk-input--width-30"),
            .text("manager", "Manager (a setting)", value: form.manager ?? "", width: "govuk-input--width-30"),
        ]
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Add an establishment", current: .establishments),
            caption: "Establishments", heading: "Add an establishment",
            intro: "For an early-years setting or childminder GIAS does not list, or a school it has yet to. Its inspections, results and the authority's evidence are added from its page.",
            action: SiteRoute.newEstablishment.path, backHref: SiteRoute.establishments.path, submit: "Add it",
            fieldsets: [.init(legend: nil, hint: nil, fields: fields)], errors: errors)
        return try await context.render(on: request)
    }
}
