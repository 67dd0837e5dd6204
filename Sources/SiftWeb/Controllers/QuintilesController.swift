import Fluent
import Foundation
import SiftCore
import Vapor

/// National quintiles for years without a national file: an administrator enters where each
/// fifth begins, per year and measure, and the authority's figures are placed by them.
struct QuintilesController {
    struct Form: Content {
        var year: String?
        var measure: String?
        var q4From: String?
        var q3From: String?
        var q2From: String?
        var q1From: String?
    }

    static let boundaryFields: [(name: String, label: String)] = [
        ("q4From", "Quintile 4 begins at"), ("q3From", "Quintile 3 begins at"),
        ("q2From", "Quintile 2 begins at"), ("q1From", "Quintile 1 (the top fifth) begins at"),
    ]

    func show(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let notice = (try? request.query.get(Int.self, at: "placed")).map { placed in
            "Quintiles stored: \(placed) \(placed == 1 ? "establishment's figures were" : "establishments' figures were") placed by them."
        }
        return try await render(request, admin: admin, form: Form(year: String(MeasuresFormController.latestResultsYear(request.now))),
                                errors: [], notice: notice)
    }

    func enter(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let form = (try? request.content.decode(Form.self)) ?? Form()
        var errors: [FieldError] = []
        let year = Int((form.year ?? "").trimmingCharacters(in: .whitespaces))
        if year.map({ !(2000...2100).contains($0) }) ?? true {
            errors.append(.init(field: "year", message: "Enter the academic year, by the year it ends, like 2024"))
        }
        let measure = MeasureID(rawValue: form.measure ?? "")
        if measure == nil { errors.append(.init(field: "measure", message: "Choose the measure")) }
        let texts = [form.q4From, form.q3From, form.q2From, form.q1From]
        var boundaries: [Double] = []
        for (text, field) in zip(texts, Self.boundaryFields) {
            guard let number = Double((text ?? "").trimmingCharacters(in: .whitespaces)), number.isFinite else {
                errors.append(.init(field: field.name, message: "Enter where \(field.label.lowercased().replacingOccurrences(of: " begins at", with: "")) begins, as a number like -1.5 or 62"))
                continue
            }
            boundaries.append(number)
        }
        var cuts: QuintileCuts?
        if boundaries.count == 4 {
            let read = QuintileCuts(q4From: boundaries[0], q3From: boundaries[1], q2From: boundaries[2], q1From: boundaries[3])
            if read.isAscending { cuts = read } else {
                errors.append(.init(field: "q4From", message: "Each quintile must begin at or above where the one below it begins"))
            }
        }
        guard errors.isEmpty, let year, let measure, let cuts else {
            return try await render(request, admin: admin, form: form, errors: errors, notice: nil)
        }
        let authority = try await admin.$authority.get(on: request.db)
        let report = try await Quintiles.enter(cuts, measure: measure, year: year, authority: authority, by: admin.id, on: request.application)
        return request.redirect(to: SiteRoute.quintiles.path + "?placed=\(report.updated.count)")
    }

    private func render(_ request: Request, admin: User, form: Form, errors: [FieldError], notice: String?) async throws -> Response {
        let history = try await Quintiles.history(authorityID: admin.$authority.id, on: request.db)
        var inForce = Set<String>()
        let rows = history.map { record -> [String] in
            let current = inForce.insert("\(record.measure)/\(record.year)").inserted
            return [Runs.label(record.year), MeasureID(rawValue: record.measure)?.label ?? record.measure]
                + record.cuts.boundaries.map(Tree.format)
                + [record.source == "entered" ? "Entered by \(record.enteredBy?.name ?? "an administrator")" : "Worked out from the \(record.source)",
                   Day(record.enteredAt).description, current ? "In force" : "Replaced"]
        }
        let measures = MeasureID.allCases.map { ($0.rawValue, $0.label) }
        let fields: [FormField] = [
            .text("year", "Academic year", hint: "By the year it ends: 2024 for 2023/24", value: form.year ?? "", width: "govuk-input--width-4"),
            .select("measure", "Measure", choices: [("", "Choose a measure")] + measures, selected: form.measure ?? ""),
        ] + zip(Self.boundaryFields, [form.q4From, form.q3From, form.q2From, form.q1From]).map { field, value in
            .text(field.name, field.label, value: value ?? "", width: "govuk-input--width-5")
        }
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "National quintiles", current: .imports),
            caption: "Public data", heading: "National quintiles",
            intro: "Importing a national KS2 or KS4 file works out each measure's quintiles for its year. For a year without one, "
                + "enter where each fifth begins: a figure below where quintile 4 begins is in the bottom quintile. The authority's "
                + "published figures of that measure and year are placed at once, and so are those of its own files imported later.",
            action: SiteRoute.quintiles.path, backHref: SiteRoute.imports.path, submit: "Store these quintiles",
            fieldsets: [.init(legend: "Enter quintiles", hint: nil, fields: fields)], errors: errors, notice: notice,
            table: PlainTable(caption: "Quintiles recorded",
                              head: ["Year", "Measure", "Quintile 4 from", "Quintile 3 from", "Quintile 2 from", "Quintile 1 from", "Source", "On", "Status"],
                              rows: rows, empty: "No quintiles are recorded yet."))
        return try await context.render(on: request)
    }
}
