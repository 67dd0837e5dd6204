import Fluent
import Foundation
import SiftCore
import Vapor

/// What the establishment is, as an evidence file gives it at its top level (docs/evidence-format.md):
/// its name, kind and phase, pupils or places, when it opened and closed, two-year-old
/// provision, its head's start and first headship, its religious character, and who runs a
/// setting. GIAS sets most of these for a school; for a setting, or to correct one, a person
/// does. `EvidenceEdit` checks and saves it, audited.
struct EstablishmentFactsFormController {
    /// Keys of the form, in its order; dates and yes/no are read from words people type.
    static let textKeys = ["name", "religiousCharacter", "diocese", "registeredPerson", "manager"]

    func show(_ request: Request) async throws -> Response {
        let (_, record) = try await EvidenceEdit.target(request)
        let establishment = try await Proposals.establishment(record, on: request.db)
        return try await render(request, record: record, values: Self.values(of: establishment), errors: [])
    }

    static func values(of e: Establishment) -> [String: String] {
        func yesNo(_ flag: Bool?) -> String { flag.map { $0 ? "yes" : "no" } ?? "" }
        return ["name": e.name, "kind": e.kind.rawValue, "phase": e.phase?.rawValue ?? "", "pupils": e.pupils.map(String.init) ?? "",
                "opened": e.opened?.slashed ?? "", "closed": e.closed?.slashed ?? "", "providesForTwoYearOlds": yesNo(e.providesForTwoYearOlds),
                "headStarted": e.headteacher?.startDate?.slashed ?? "", "firstHeadship": yesNo(e.headteacher?.firstHeadship),
                "religiousCharacter": e.religiousCharacter ?? "", "diocese": e.diocese ?? "", "registeredPerson": e.registeredPerson ?? "",
                "manager": e.manager ?? ""]
    }

    func save(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let values = try request.content.decode([String: String].self).mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var members = try await EvidenceEdit.members(of: record, on: request.db)
        var errors: [FieldError] = []
        func set(_ key: String, _ value: Tree?) {
            members.removeAll { $0.key == key }
            if let value { members.append(.init(key: key, value: value)) }
        }
        func day(_ key: String, _ label: String) -> Tree? {
            guard let text = values[key], !text.isEmpty else { return nil }
            guard let day = Day(text) else {
                errors.append(.init(field: key, message: "Enter \(label) as day/month/year, like 01/09/2024"))
                return nil
            }
            return .string(day.description)
        }
        func yesNo(_ key: String) -> Tree? { values[key] == "yes" ? .bool(true) : values[key] == "no" ? .bool(false) : nil }

        if (values["name"] ?? "").isEmpty { errors.append(.init(field: "name", message: "Enter the establishment's name")) }
        for key in Self.textKeys { set(key, values[key].flatMap { $0.isEmpty ? nil : .string($0) }) }
        guard let kind = EstablishmentKind(rawValue: values["kind"] ?? "") else {
            return try await render(request, record: record, values: values, errors: errors + [.init(field: "kind", message: "Choose what kind of establishment it is")])
        }
        set("kind", .string(kind.rawValue))
        set("phase", values["phase"].flatMap(Phase.init(rawValue:)).map { .string($0.rawValue) })
        if let pupils = values["pupils"], !pupils.isEmpty {
            if let count = Int(pupils), (0...100_000).contains(count) { set("pupils", .number(Double(count))) } else {
                errors.append(.init(field: "pupils", message: "Enter the number of pupils or places as a whole number, like 240"))
            }
        } else {
            set("pupils", nil)
        }
        set("opened", day("opened", "the day it opened"))
        set("closed", day("closed", "the day it closed"))
        set("providesForTwoYearOlds", yesNo("providesForTwoYearOlds"))
        let started = day("headStarted", "the day the head started")
        let head: [(String, Tree?)] = [("startDate", started), ("firstHeadship", yesNo("firstHeadship"))]
        set("headteacher", head.allSatisfy { $0.1 == nil } ? nil : .object(head))
        guard errors.isEmpty else { return try await render(request, record: record, values: values, errors: errors) }

        let oldName = record.name
        record.name = values["name"] ?? record.name
        record.kind = kind.rawValue
        record.phase = values["phase"].flatMap(Phase.init(rawValue:))?.rawValue
        let problems = try await EvidenceEdit.save(members, of: record, by: user, describing: "what the establishment is changed", request: request)
        guard problems.isEmpty else {
            let fields = Set(["name", "kind", "phase", "pupils", "opened", "closed", "providesForTwoYearOlds"] + Self.textKeys)
            return try await render(request, record: record, values: values, errors: problems.map { problem in
                FieldError(field: fields.contains(problem.field) ? problem.field : "headStarted", message: EvidenceEdit.sentence(problem.message))
            })
        }
        if oldName != record.name { try await SearchWords.replace(for: [record], on: request.db) }
        // Closed by hand, as GIAS would close it: what was planned for it from then is released.
        try await Closures.release(authorityID: user.$authority.id, by: user.id, at: request.now, on: request.db)
        return request.redirect(to: SiteRoute.establishment(urn: record.urn).path)
    }

    static let kinds: [(String, String)] = EstablishmentKind.allCases.map { ($0.rawValue, $0.words.capitalizedFirst) }
    static let yesNoChoices = [("", "Not recorded"), ("yes", "Yes"), ("no", "No")]

    private func render(_ request: Request, record: EstablishmentRecord, values: [String: String], errors: [FieldError]) async throws -> Response {
        let dateHint = "For example, 01/09/2024"
        let about: [FormField] = [
            .text("name", "Name", value: values["name"] ?? "", width: "govuk-input--width-30"),
            .select("kind", "Kind", choices: Self.kinds, selected: values["kind"] ?? ""),
            .select("phase", "Phase", choices: [("", "Not recorded")] + Phase.allCases.map { ($0.rawValue, $0.words.capitalizedFirst) }, selected: values["phase"] ?? ""),
            .text("pupils", "Pupils on roll, or places for a setting", hint: "A whole number; funding is worked out from it", value: values["pupils"] ?? ""),
            .text("opened", "Opened", hint: dateHint, value: values["opened"] ?? ""),
            .text("closed", "Closed", hint: "Leave blank while it is open. From this day it is not categorised, planned for or funded", value: values["closed"] ?? ""),
            .select("providesForTwoYearOlds", "Provides for two-year-olds", choices: Self.yesNoChoices, selected: values["providesForTwoYearOlds"] ?? ""),
            .text("religiousCharacter", "Religious character", hint: "As GIAS gives it, like Church of England, or Does not apply", value: values["religiousCharacter"] ?? "", width: "govuk-input--width-20"),
            .text("diocese", "Diocese", value: values["diocese"] ?? "", width: "govuk-input--width-20"),
        ]
        let people: [FormField] = [
            .text("headStarted", "The head or manager started in post", hint: dateHint, value: values["headStarted"] ?? ""),
            .select("firstHeadship", "It is their first headship", choices: Self.yesNoChoices, selected: values["firstHeadship"] ?? ""),
            .text("registeredPerson", "Registered person (a setting)", hint: "As Ofsted registers it: a company, a committee or a person. Letters are addressed to them", value: values["registeredPerson"] ?? "", width: "govuk-input--width-30"),
            .text("manager", "Manager (a setting)", value: values["manager"] ?? "", width: "govuk-input--width-30"),
        ]
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "What the establishment is", current: nil),
            caption: "\(record.name), URN \(record.urn)", heading: "What the establishment is",
            intro: "GIAS imports set most of this for a school; a setting's is kept here. A later GIAS import replaces what it gives.",
            action: SiteRoute.establishmentFacts(urn: record.urn).path, backHref: SiteRoute.establishment(urn: record.urn).path,
            submit: "Save", fieldsets: [.init(legend: "The establishment", hint: nil, fields: about), .init(legend: "Who leads it", hint: nil, fields: people)],
            errors: errors)
        return try await context.render(on: request)
    }
}

extension Day {
    /// "01/09/2024", as people type dates into the forms.
    var slashed: String { String(format: "%02d/%02d/%04d", day, month, year) }
}
