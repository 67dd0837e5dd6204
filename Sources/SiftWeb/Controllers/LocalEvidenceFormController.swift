import Fluent
import Foundation
import SiftCore
import Vapor

/// The authority's own evidence of an establishment (docs/evidence-format.md, `local`): its
/// views of trend, risk and effectiveness, and the exceptions it records. What is sent
/// replaces the form's fields; the further named facts (`other`) are kept as they are.
/// `EvidenceEdit` checks and saves it.
struct LocalEvidenceFormController {
    typealias Choices = [(String, String)]

    /// Each choice field: key, label, hint, choices (the first is "not recorded").
    static func choiceFields(categories: Choices) -> [(String, String, String?, Choices)] {
        LocalEvidenceField.all.compactMap { field in
            let choices: Choices
            switch field.kind {
            case .choice(let words): choices = words.map { ($0, $0.spacedWords.capitalizedFirst) }
            case .grade: choices = [("1", "1 – Outstanding"), ("2", "2 – Good"), ("3", "3 – Requires improvement"), ("4", "4 – Inadequate")]
            case .category: choices = categories
            case .text, .count, .yesNo: return nil
            }
            return (field.key, field.label, field.hint, [("", "Not recorded")] + choices)
        }
    }

    static let textFields: [(String, String, String?)] = LocalEvidenceField.all.compactMap { field in
        switch field.kind {
        case .text, .count: return (field.key, field.label, field.hint)
        default: return nil
        }
    }

    /// The exceptions, recorded only when they apply (absent means false).
    static let flags: [(String, String)] = LocalEvidenceField.all.compactMap { field in
        guard case .yesNo = field.kind else { return nil }
        return (field.key, field.label)
    }

    func show(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let local = try await EvidenceEdit.members(of: record, on: request.db).first { $0.key == "local" }?.value
        var values: [String: String] = [:]
        for member in local?.members ?? [] where member.key != "other" {
            if let flag = member.value.bool { values[member.key] = flag ? "yes" : "" } else if let text = member.value.text { values[member.key] = text }
        }
        let framework = try await Proposals.coveringFramework(record, for: user, on: request)
        values.merge(DeclaredFactFields.values(of: local?["other"], framework.facts)) { $1 }
        return try await render(request, user: user, record: record, values: values, errors: [])
    }

    func save(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let values = try request.content.decode([String: String].self).mapValues { $0.trimmingCharacters(in: .whitespaces) }
        let framework = try await Proposals.coveringFramework(record, for: user, on: request)
        var local: [Tree.Member] = []
        var errors: [FieldError] = []
        for (key, _, _, _) in Self.choiceFields(categories: []) {
            guard let value = values[key], !value.isEmpty else { continue }
            local.append(.init(key: key, value: key == "sefValidatedGrade" ? Tree(.number(Double(value) ?? 0)) : Tree(.string(value))))
        }
        if let reason = values["trendReason"], !reason.isEmpty { local.append(.init(key: "trendReason", value: Tree(.string(reason)))) }
        if framework.dataTrend != nil, !(values["trend"] ?? "").isEmpty, (values["trendReason"] ?? "").isEmpty {
            errors.append(.init(field: "trendReason", message: "Say why the authority records this data trend: the framework works the trend out from the results, and a trend recorded here stands instead of it"))
        }
        if let vulnerability = values["vulnerability"], !vulnerability.isEmpty { local.append(.init(key: "vulnerability", value: Tree(.string(vulnerability)))) }
        if let aspects = values["specificAspects"], !aspects.isEmpty {
            if let number = Int(aspects) {
                local.append(.init(key: "specificAspects", value: Tree(.number(Double(number)))))
            } else {
                errors.append(.init(field: "specificAspects", message: "Enter the number of specific aspects as a whole number, like 2"))
            }
        }
        for (key, _) in Self.flags where values[key] == "yes" { local.append(.init(key: key, value: Tree(.bool(true)))) }
        let members = try await EvidenceEdit.members(of: record, on: request.db)
        // The framework's own facts come from the form; any other named facts are kept as they are.
        let declared = DeclaredFactFields.read(framework.facts, from: values)
        errors += declared.errors
        let ids = Set(framework.facts.map(\.id))
        let kept = (members.first(where: { $0.key == "local" })?.value["other"]?.members ?? []).filter { !ids.contains($0.key) }
        if !(kept + declared.members).isEmpty { local.append(.init(key: "other", value: Tree(.object(kept + declared.members)))) }
        guard errors.isEmpty else { return try await render(request, user: user, record: record, values: values, errors: errors) }
        let problems = try await EvidenceEdit.save(EvidenceEdit.replacing("local", with: Tree(.object(local)), in: members),
                                                   of: record, by: user, describing: "the authority's evidence changed", request: request)
        guard problems.isEmpty else {
            errors = problems.map { problem in
                let key = problem.field.hasPrefix("local.") ? String(problem.field.dropFirst(6)) : "trend"
                return FieldError(field: key, message: EvidenceEdit.sentence(problem.message))
            }
            return try await render(request, user: user, record: record, values: values, errors: errors)
        }
        return request.redirect(to: SiteRoute.establishment(urn: record.urn).path)
    }

    private func render(_ request: Request, user: User, record: EstablishmentRecord, values: [String: String], errors: [FieldError]) async throws -> Response {
        let framework = try await Proposals.coveringFramework(record, for: user, on: request)
        let categories = framework.categories.map { ($0.code, "\($0.code) – \($0.name)") }
        let trendHint = try await Self.trendHint(request, user: user, record: record)
        let views: [FormField] = Self.choiceFields(categories: categories).map { key, label, hint, choices in
            .select(key, label, hint: key == "trend" ? trendHint ?? hint : hint, choices: choices, selected: values[key] ?? "")
        } + Self.textFields.map { key, label, hint in .text(key, label, hint: hint, value: values[key] ?? "", width: "govuk-input--width-20") }
        let flags: [FormField] = Self.flags.map { key, label in .checkbox(key, label, checked: values[key] == "yes") }
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "The authority's evidence", current: nil),
            caption: "\(record.name), URN \(record.urn)", heading: "The authority's evidence",
            intro: "What the authority knows of this establishment beyond its inspections and results. A field left as not recorded is a gap the categorisation will name.",
            action: SiteRoute.localEvidence(urn: record.urn).path, backHref: SiteRoute.establishment(urn: record.urn).path,
            submit: "Save the authority's evidence",
            fieldsets: [.init(legend: "Views", hint: nil, fields: views),
                        .init(legend: "Exceptions", hint: "Tick each that applies; an exception not ticked is recorded as not applying.", fields: flags)]
                + (framework.facts.isEmpty ? [] : [.init(legend: "What the framework asks the authority to record",
                                                         hint: "Facts \(framework.name) uses that the authority records for itself.",
                                                         fields: DeclaredFactFields.fields(framework.facts, values: values))]),
            errors: errors,
            links: [FormLink(label: "import the authority's evidence of many establishments from a CSV file", href: SiteRoute.localEvidenceImport.path)],
            linksHeading: "For many at once")
        return try await context.render(on: request)
    }

    /// Where the framework works the data trend out from the results, what it comes to now.
    private static func trendHint(_ request: Request, user: User, record: EstablishmentRecord) async throws -> String? {
        let establishment = try await Proposals.establishment(record, on: request.db)
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db).covering(establishment)
        guard let rule = engine.framework.dataTrend else { return nil }
        guard let reading = rule.reading(of: establishment, dataYear: establishment.latestDataYear, parameters: engine.parameters) else {
            return "The framework works the trend out from the results, but too few years are recorded yet: record one here, with the reason"
        }
        return "Worked out from the results: \(reading.description). Record a trend here only to override it, and say why below"
    }
}
