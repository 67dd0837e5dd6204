import Fluent
import Foundation
import SiftCore
import Vapor

/// The framework's parameters and the values the authority has set for them: the funding
/// rates and weights the seeds leave open, and any threshold the file lets it change.
/// Administrators only. A blank field means the framework file's value applies.
struct ParametersController {
    func show(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let authority = try await admin.$authority.get(on: request.db)
        let framework = try request.sift.framework(authority.frameworkID)
        let latest = try await AuthorityParameters.latest(authorityID: try authority.requireID(), frameworkID: framework.id, on: request.db)
        let values = latest.compactMapValues { $0.value.map(Tree.format) }
        let notice = (try? request.query.get(Int.self, at: "changed")).map { changed in
            changed == 0 ? "Nothing was changed: every value sent is the one in force."
                : "\(changed) \(changed == 1 ? "value was" : "values were") changed, and apply from now to every proposal, plan, letter and funding figure."
        }
        return try await render(request, framework: framework, latest: latest, values: values, errors: [], notice: notice)
    }

    func save(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let authority = try await admin.$authority.get(on: request.db)
        let framework = try request.sift.framework(authority.frameworkID)
        let latest = try await AuthorityParameters.latest(authorityID: try authority.requireID(), frameworkID: framework.id, on: request.db)
        let sent = (try? request.content.decode([String: String].self)) ?? [:]
        var errors: [FieldError] = []
        var changes: [AuthorityParameters.Change] = []
        let funding = framework.fundingParameters
        for parameter in framework.parameters {
            let text = (sent[parameter.id] ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = Self.number(text) else {
                errors.append(.init(field: parameter.id, message: "Enter \(parameter.id) as a number, like 40 or 12.5, or leave it blank"))
                continue
            }
            if let amount = value, amount < 0, funding.contains(parameter.id) {
                errors.append(.init(field: parameter.id, message: "Enter \(parameter.id) as 0 or more: funding cannot be negative"))
                continue
            }
            if value != latest[parameter.id]?.value { changes.append(.init(parameter: parameter.id, value: value)) }
        }
        guard errors.isEmpty else {
            let values = Dictionary(framework.parameters.map { ($0.id, sent[$0.id] ?? "") }, uniquingKeysWith: { first, _ in first })
            return try await render(request, framework: framework, latest: latest, values: values, errors: errors, notice: nil)
        }
        try await AuthorityParameters.set(changes, authority: authority, by: admin, on: request.application)
        return request.redirect(to: SiteRoute.parameters.path + "?changed=\(changes.count)")
    }

    /// A value as typed: blank is `.some(nil)` (the file's value applies); "£1,250.50" reads
    /// as 1250.5; anything else that is not a finite number is nil.
    static func number(_ text: String) -> Double?? {
        if text.isEmpty { return .some(nil) }
        var plain = text.replacingOccurrences(of: ",", with: "")
        if plain.hasPrefix("£") { plain.removeFirst() }
        guard let value = Double(plain), value.isFinite else { return nil }
        return .some(value)
    }

    private func render(_ request: Request, framework: Framework, latest: [String: AuthorityParameters.Latest],
                        values: [String: String], errors: [FieldError], notice: String?) async throws -> Response {
        let setters = Set(latest.values.compactMap(\.setBy))
        let names = try await User.query(on: request.db).filter(\.$id ~~ Array(setters)).all()
            .reduce(into: [UUID: String]()) { names, user in if let id = user.id { names[id] = user.name } }
        let rows = framework.parameters.map { parameter -> [String] in
            let set = latest[parameter.id]
            let file = parameter.value.map(Tree.format) ?? "Not set"
            let inForce = set?.value.map(Tree.format) ?? parameter.value.map(Tree.format) ?? "Not set"
            let by = set.map { ($0.setBy.flatMap { names[$0] } ?? "An administrator") + ($0.value == nil ? " (back to the file's)" : "") }
            return [parameter.id, parameter.unit ?? "", parameter.description ?? "", file, inForce, by ?? "The framework file",
                    set.map { Day($0.setAt).description } ?? ""]
        }
        let fields: [FormField] = framework.parameters.map { parameter in
            let file = parameter.value.map { "The framework file gives \(Tree.format($0))." } ?? "The framework file leaves it to the authority."
            let unit = parameter.unit.map { " In \($0)." } ?? ""
            return .text(parameter.id, parameter.id, hint: [parameter.description ?? "", file + unit].filter { !$0.isEmpty }.joined(separator: " "),
                         value: values[parameter.id] ?? "", width: "govuk-input--width-10")
        }
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Rates and parameters", current: .funding),
            caption: framework.name, heading: "Rates and parameters",
            intro: framework.parameters.isEmpty ? "This framework has no parameters for the authority to set."
                : "The values the framework file leaves to the authority, such as a funding rate per pupil and the weight of each "
                + "category, and any other it lets the authority change. A value set here applies at once to every proposal, plan, "
                + "letter and funding figure. Leave a field blank for the framework file's value. Every change is kept, with who made it and when.",
            action: SiteRoute.parameters.path, backHref: SiteRoute.funding.path, submit: "Save the values",
            fieldsets: framework.parameters.isEmpty ? [] : [.init(legend: "The authority's values", hint: nil, fields: fields)],
            errors: errors, notice: notice,
            table: PlainTable(caption: "Parameters of \(framework.name)",
                              head: ["Parameter", "Unit", "Description", "In the framework file", "In force", "Set by", "On"],
                              rows: rows, empty: "This framework has no parameters."))
        return try await context.render(on: request)
    }
}
