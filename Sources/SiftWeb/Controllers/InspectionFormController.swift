import Fluent
import Foundation
import SiftCore
import Vapor

/// Adding an inspection to an establishment's evidence (`EvidenceEdit` checks and saves it).
struct InspectionFormController {
    struct Form: Content {
        var date: String?
        var framework: String?
        var overallEffectiveness: String?
        var leadershipAndManagement: String?
        var qualityOfEducation: String?
        var categoryOfConcern: String?
        var earlyYearsRequirements: String?
    }

    static let fields = ["date", "framework", "overallEffectiveness", "leadershipAndManagement", "qualityOfEducation", "categoryOfConcern", "earlyYearsRequirements"]

    func show(_ request: Request) async throws -> Response {
        let (_, record) = try await EvidenceEdit.target(request)
        return try await render(request, record: record, form: Form(), errors: [])
    }

    func add(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let form = try request.content.decode(Form.self)
        var inspection: [(String, Tree?)] = []
        var errors: [FieldError] = []
        if (form.date ?? "").isEmpty { errors.append(.init(field: "date", message: "Enter the date of the inspection")) }
        if (form.framework ?? "").isEmpty { errors.append(.init(field: "framework", message: "Choose the inspection framework")) }
        for (key, value) in [("date", form.date), ("framework", form.framework), ("categoryOfConcern", form.categoryOfConcern),
                             ("earlyYearsRequirements", form.earlyYearsRequirements)] {
            if let value, !value.isEmpty, value != "none" || key != "categoryOfConcern" { inspection.append((key, .string(value))) }
        }
        for (key, value) in [("overallEffectiveness", form.overallEffectiveness), ("leadershipAndManagement", form.leadershipAndManagement),
                             ("qualityOfEducation", form.qualityOfEducation)] {
            if let value, let grade = Double(value) { inspection.append((key, .number(grade))) }
        }
        guard errors.isEmpty else { return try await render(request, record: record, form: form, errors: errors) }
        let members = try await EvidenceEdit.members(of: record, on: request.db)
        var list = members.first { $0.key == "inspections" }?.value.elements ?? []
        let prefix = "inspections[\(list.count)]"
        list.append(.object(inspection))
        let problems = try await EvidenceEdit.save(EvidenceEdit.replacing("inspections", with: .array(list), in: members), of: record, by: user,
                                                   describing: "inspection of \(form.date ?? "") added", request: request)
        guard problems.isEmpty else {
            errors = problems.map { problem in
                let field = problem.field.hasPrefix(prefix + ".") ? String(problem.field.dropFirst(prefix.count + 1)) : "date"
                return FieldError(field: Self.fields.contains(field) ? field : "date", message: EvidenceEdit.sentence(problem.message))
            }
            return try await render(request, record: record, form: form, errors: errors)
        }
        return request.redirect(to: SiteRoute.establishment(urn: record.urn).path)
    }

    private func render(_ request: Request, record: EstablishmentRecord, form: Form, errors: [FieldError]) async throws -> Response {
        let grades = [("", "Not given"), ("1", "1 – Outstanding"), ("2", "2 – Good"), ("3", "3 – Requires improvement (satisfactory before September 2012)"), ("4", "4 – Inadequate")]
        let fields: [FormField] = [
            .text("date", "Date of the inspection", hint: "For example, 2024-03-27", value: form.date ?? ""),
            .select("framework", "Inspection framework", choices: [("", "Choose"), ("graded", "Graded (to August 2024)"),
                                                                    ("ungraded_2024", "September 2024 to 9 November 2025 (no overall grade)"),
                                                                    ("early_years", "Early years register")], selected: form.framework ?? ""),
            .select("overallEffectiveness", "Overall effectiveness", choices: grades, selected: form.overallEffectiveness ?? ""),
            .select("leadershipAndManagement", "Leadership and management", choices: grades, selected: form.leadershipAndManagement ?? ""),
            .select("qualityOfEducation", "Quality of education", choices: grades, selected: form.qualityOfEducation ?? ""),
            .select("categoryOfConcern", "Category of concern", choices: [("none", "None"), ("serious_weaknesses", "Serious weaknesses"),
                                                                          ("special_measures", "Special measures")], selected: form.categoryOfConcern ?? "none"),
            .select("earlyYearsRequirements", "Early years requirements (register inspections)",
                    choices: [("", "Not given"), ("met", "Met"), ("not_met", "Not met")], selected: form.earlyYearsRequirements ?? ""),
        ]
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Add an inspection", current: nil),
            caption: "\(record.name), URN \(record.urn)", heading: "Add an inspection", intro: nil,
            action: SiteRoute.addInspection(urn: record.urn).path, backHref: SiteRoute.establishment(urn: record.urn).path,
            submit: "Add the inspection", fieldsets: [.init(legend: nil, hint: nil, fields: fields)], errors: errors)
        return try await context.render(on: request)
    }
}
