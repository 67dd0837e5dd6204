import Fluent
import Foundation
import SiftCore
import Vapor

/// Adding an inspection to an establishment's evidence. The new evidence is read by the same
/// reader as an evidence file, so every check applies; nothing is saved until it reads
/// without a problem, and the proposal is worked out again when it is.
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
        let (user, record) = try await target(request)
        return try await render(request, user: user, record: record, form: Form(), errors: [])
    }

    func add(_ request: Request) async throws -> Response {
        let (user, record) = try await target(request)
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
        if errors.isEmpty {
            // The evidence with the new inspection, read as any evidence is.
            let text = try await EvidenceStore.text(for: record, on: request.db)
            var members = try JSONReader.read(text).members ?? []
            let index = members.firstIndex { $0.key == "inspections" }
            var list = index.flatMap { members[$0].value.elements } ?? []
            let position = list.count
            list.append(.object(inspection))
            let updated = Tree.Member(key: "inspections", value: .array(list))
            if let index { members[index] = updated } else { members.append(updated) }
            let tree = Tree(.object(members))
            switch EvidenceDecoder.decode(tree) {
            case .failure(let problems):
                for problem in problems {
                    let prefix = "inspections[\(position)]"
                    let field = problem.field.hasPrefix(prefix + ".") ? String(problem.field.dropFirst(prefix.count + 1)) : "date"
                    errors.append(.init(field: Self.fields.contains(field) ? field : "date", message: problem.message.prefix(1).uppercased() + problem.message.dropFirst()))
                }
            case .success:
                let framework = try request.sift.framework(try await user.$authority.get(on: request.db).frameworkID)
                let evidence = TreeWriter.json(tree)
                try Proposals.refresh(record, evidence: evidence, framework: framework, on: Day(request.now))
                try await request.db.transaction { database in
                    try await EvidenceStore.save(evidence, for: record, on: database)
                    try await record.save(on: database)
                }
                try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "evidence_changed",
                                       detail: "\(record.urn): inspection of \(form.date ?? "") added")
                return request.redirect(to: SiteRoute.establishment(urn: record.urn).path)
            }
        }
        return try await render(request, user: user, record: record, form: form, errors: errors)
    }

    private func target(_ request: Request) async throws -> (User, EstablishmentRecord) {
        let user = try RunController.requireRunner(request)
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        return (user, record)
    }

    private func render(_ request: Request, user: User, record: EstablishmentRecord, form: Form, errors: [FieldError]) async throws -> Response {
        func options(_ values: [(String, String)], _ selected: String?) -> [EstablishmentListContext.Option] {
            values.map { .init(value: $0.0, label: $0.1, selected: $0.0 == selected) }
        }
        let grades = [("", "Not given"), ("1", "1 – Outstanding"), ("2", "2 – Good"), ("3", "3 – Requires improvement (satisfactory before September 2012)"), ("4", "4 – Inadequate")]
        let context = InspectionFormContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Add an inspection", current: nil),
            urn: record.urn, name: record.name, action: SiteRoute.addInspection(urn: record.urn).path,
            backHref: SiteRoute.establishment(urn: record.urn).path, date: form.date ?? "",
            frameworks: options([("", "Choose"), ("graded", "Graded (to August 2024)"), ("ungraded_2024", "September 2024 to 9 November 2025 (no overall grade)"),
                                 ("early_years", "Early years register")], form.framework),
            overall: options(grades, form.overallEffectiveness), leadership: options(grades, form.leadershipAndManagement),
            quality: options(grades, form.qualityOfEducation),
            concerns: options([("none", "None"), ("serious_weaknesses", "Serious weaknesses"), ("special_measures", "Special measures")], form.categoryOfConcern),
            requirements: options([("", "Not given"), ("met", "Met"), ("not_met", "Not met")], form.earlyYearsRequirements),
            errors: errors)
        let response = try await request.view.render("inspection-form", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }
}

struct InspectionFormContext: Encodable, Sendable {
    var layout: LayoutContext
    var urn: String
    var name: String
    var action: String
    var backHref: String
    var date: String
    var frameworks: [EstablishmentListContext.Option]
    var overall: [EstablishmentListContext.Option]
    var leadership: [EstablishmentListContext.Option]
    var quality: [EstablishmentListContext.Option]
    var concerns: [EstablishmentListContext.Option]
    var requirements: [EstablishmentListContext.Option]
    var errors: [FieldError]
}
