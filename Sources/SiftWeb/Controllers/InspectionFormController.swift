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
        var safeguarding: String?
        var outcome: String?
        /// A report card's grade of each area, by the area's evidence key.
        var reportCard: [String: String]?
    }

    static let fields = ["date", "framework", "overallEffectiveness", "leadershipAndManagement", "qualityOfEducation", "categoryOfConcern",
                         "earlyYearsRequirements", "safeguarding", "outcome"] + ReportCardArea.allCases.map { "reportCard[\($0.evidenceKey)]" }

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
                             ("earlyYearsRequirements", form.earlyYearsRequirements), ("safeguarding", form.safeguarding),
                             ("outcome", form.framework == "ungraded_inspection" ? form.outcome : nil)] {
            if let value, !value.isEmpty, value != "none" || key != "categoryOfConcern" { inspection.append((key, .string(value))) }
        }
        for (key, value) in [("overallEffectiveness", form.overallEffectiveness), ("leadershipAndManagement", form.leadershipAndManagement),
                             ("qualityOfEducation", form.qualityOfEducation)] {
            if let value, let grade = Double(value) { inspection.append((key, .number(grade))) }
        }
        // A report card grades each area on its five-point scale (November 2025 onwards).
        let areas = ReportCardArea.allCases.compactMap { area in
            form.reportCard?[area.evidenceKey].flatMap { $0.isEmpty ? nil : (area.evidenceKey, Tree.string($0)) }
        }
        if form.framework == "report_card_2025" {
            if areas.isEmpty { errors.append(.init(field: "reportCard[leadershipAndGovernance]", message: "Enter the grade of each area the report card gives")) }
            inspection.append(("reportCard", .object(areas.map { ($0.0, Optional($0.1)) })))
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
                                                                    ("report_card_2025", "Report card (from 10 November 2025)"),
                                                                    ("ungraded_inspection", "Ungraded inspection (the grade stands)"),
                                                                    ("early_years", "Early years register")], selected: form.framework ?? ""),
            .select("overallEffectiveness", "Overall effectiveness", choices: grades, selected: form.overallEffectiveness ?? ""),
            .select("leadershipAndManagement", "Leadership and management", choices: grades, selected: form.leadershipAndManagement ?? ""),
            .select("qualityOfEducation", "Quality of education", choices: grades, selected: form.qualityOfEducation ?? ""),
            .select("categoryOfConcern", "Category of concern", choices: [("none", "None"), ("serious_weaknesses", "Serious weaknesses"),
                                                                          ("special_measures", "Special measures")], selected: form.categoryOfConcern ?? "none"),
            .select("earlyYearsRequirements", "Early years requirements (register inspections)",
                    choices: [("", "Not given"), ("met", "Met"), ("not_met", "Not met")], selected: form.earlyYearsRequirements ?? ""),
            .select("safeguarding", "Safeguarding", choices: [("", "Not given"), ("met", "Met (effective)"), ("not_met", "Not met")], selected: form.safeguarding ?? ""),
            .select("outcome", "Outcome (ungraded inspections)", hint: "What the letter says of the school's next inspection",
                    choices: [("", "Not given"), ("maintained", "The grade is maintained"), ("improving", "Improving"), ("concerns", "Concerns")],
                    selected: form.outcome ?? ""),
        ]
        let scale = [("", "Not graded")] + ReportCardGrade.allCases.map { ($0.name, $0.name.spacedWords.capitalizedFirst) }
        let reportCard: [FormField] = ReportCardArea.allCases.map { area in
            .select("reportCard[\(area.evidenceKey)]", area.rawValue.spacedWords.capitalizedFirst, choices: scale, selected: form.reportCard?[area.evidenceKey] ?? "")
        }
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Add an inspection", current: nil),
            caption: "\(record.name), URN \(record.urn)", heading: "Add an inspection", intro: nil,
            action: SiteRoute.addInspection(urn: record.urn).path, backHref: SiteRoute.establishment(urn: record.urn).path,
            submit: "Add the inspection", fieldsets: [.init(legend: nil, hint: nil, fields: fields),
                                                      .init(legend: "Report card", hint: "For a report card inspection: each area's grade. Early years and sixth form only where the school has them.", fields: reportCard)],
            errors: errors)
        return try await context.render(on: request)
    }
}
