import Fluent
import Foundation
import SiftCore
import Vapor

/// Entering or correcting one academic year of an establishment's measures. The form shows
/// what is recorded for the year; what is sent replaces it, measure by measure, so a measure
/// left blank is no longer recorded for that year. `EvidenceEdit` checks and saves it.
struct MeasuresFormController {
    /// The parts of one measure's entry, as form fields `<measure>__<part>`.
    static let numberParts: [(key: String, label: String)] = [
        ("value", "Value"), ("national", "National figure"), ("lower", "Lower limit of the 95% interval"),
        ("upper", "Upper limit of the 95% interval"), ("bottomQuintileBelow", "Bottom quintile threshold"),
    ]
    static let statuses: [(String, String)] = [
        ("", "Not recorded for this year"), ("published", "Published"), ("not_published", "Not published by the DfE that year"),
        ("suppressed", "Suppressed (too few pupils)"), ("no_cohort", "No pupils in the cohort"),
    ]

    static func fieldName(_ measure: MeasureID, _ part: String) -> String { "\(measure.rawValue)__\(part)" }

    func show(_ request: Request) async throws -> Response {
        let (_, record) = try await EvidenceEdit.target(request)
        let year = (try? request.query.get(Int.self, at: "year")) ?? Self.latestResultsYear(request.now)
        let members = try await EvidenceEdit.members(of: record, on: request.db)
        let recorded = members.first(where: { $0.key == "measures" })?.value.elements ?? []
        let values = Self.formValues(recorded, year: year)
        let links = Self.otherYears(recorded, besides: year, latest: Self.latestResultsYear(request.now)).map { other in
            FormLink(label: "\(other - 1) to \(other)", href: SiteRoute.measures(urn: record.urn).path + "?year=\(other)")
        }
        return try await render(request, record: record, values: values, errors: [], links: links)
    }

    /// The form's values for one year of the recorded measures.
    static func formValues(_ recorded: [Tree], year: Int) -> [String: String] {
        var values: [String: String] = ["year": String(year)]
        let parts = numberParts.map(\.key) + ["quintile", "status"]
        for entry in recorded {
            guard entry["year"]?.number == Double(year), let name = entry["measure"]?.text, let measure = MeasureID(rawValue: name) else { continue }
            for part in parts {
                if let text = entry[part]?.text { values[fieldName(measure, part)] = text }
            }
        }
        return values
    }

    /// The years with measures recorded, and the latest there can be, but for the one shown.
    static func otherYears(_ recorded: [Tree], besides year: Int, latest: Int) -> [Int] {
        var years: Set<Int> = [latest]
        for entry in recorded {
            if let number = entry["year"]?.number { years.insert(Int(number)) }
        }
        years.remove(year)
        return years.sorted()
    }

    func save(_ request: Request) async throws -> Response {
        let (user, record) = try await EvidenceEdit.target(request)
        let values = try request.content.decode([String: String].self).mapValues { $0.trimmingCharacters(in: .whitespaces) }
        var errors: [FieldError] = []
        guard let yearText = values["year"], let year = Int(yearText), (2000...2100).contains(year) else {
            errors.append(.init(field: "year", message: "Enter the academic year by its ending calendar year, like 2024"))
            return try await render(request, record: record, values: values, errors: errors)
        }
        // The year's entries, in the order of the form, so a problem's position names its measure.
        var entries: [(MeasureID, Tree)] = []
        for measure in MeasureID.allCases {
            var entry: [Tree.Member] = [.init(key: "measure", value: Tree(.string(measure.rawValue))), .init(key: "year", value: Tree(.number(Double(year))))]
            var given = false
            for part in Self.numberParts where measure.hasInterval || !["lower", "upper"].contains(part.key) {
                let name = Self.fieldName(measure, part.key)
                guard let text = values[name], !text.isEmpty else { continue }
                given = true
                guard let number = Double(text.hasSuffix("%") ? String(text.dropLast()) : text), number.isFinite else {
                    errors.append(.init(field: name, message: "Enter the \(part.label.lowercased()) of \(measure.label) as a number, like 65.5"))
                    continue
                }
                entry.append(.init(key: part.key, value: Tree(.number(number))))
            }
            if let quintile = values[Self.fieldName(measure, "quintile")], let number = Double(quintile) {
                given = true
                entry.append(.init(key: "quintile", value: Tree(.number(number))))
            }
            if let status = values[Self.fieldName(measure, "status")], !status.isEmpty {
                given = true
                entry.append(.init(key: "status", value: Tree(.string(status))))
            }
            if given { entries.append((measure, Tree(.object(entry)))) }
        }
        guard errors.isEmpty else { return try await render(request, record: record, values: values, errors: errors) }
        let members = try await EvidenceEdit.members(of: record, on: request.db)
        let otherYears = (members.first { $0.key == "measures" }?.value.elements ?? []).filter { $0["year"]?.number != Double(year) }
        let problems = try await EvidenceEdit.save(EvidenceEdit.replacing("measures", with: Tree(.array(otherYears + entries.map(\.1))), in: members),
                                                   of: record, by: user, describing: "measures for \(year) entered", request: request)
        guard problems.isEmpty else {
            errors = problems.map { problem in
                FieldError(field: Self.field(of: problem.field, entries: entries.map(\.0), offset: otherYears.count),
                           message: EvidenceEdit.sentence(problem.message))
            }
            return try await render(request, record: record, values: values, errors: errors)
        }
        return request.redirect(to: SiteRoute.establishment(urn: record.urn).path)
    }

    /// The form field a reader's problem (`measures[12].lower`) is about.
    static func field(of path: String, entries: [MeasureID], offset: Int) -> String {
        let scanner = Scanner(string: path)
        guard scanner.scanString("measures[") != nil, let index = scanner.scanInt(), scanner.scanString("]") != nil,
              entries.indices.contains(index - offset) else { return "year" }
        let measure = entries[index - offset]
        let part = scanner.scanString(".") != nil ? String(path[scanner.currentIndex...]) : "status"
        return fieldName(measure, part == "measure" || part == "year" ? "status" : part)
    }

    /// Results of the summer before September are the latest there can be.
    static func latestResultsYear(_ now: Date) -> Int {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: now)
        return (parts.month ?? 1) >= 9 ? (parts.year ?? 2000) : (parts.year ?? 2001) - 1
    }

    private func render(_ request: Request, record: EstablishmentRecord, values: [String: String], errors: [FieldError],
                        links: [FormLink] = []) async throws -> Response {
        var fieldsets = [FormFieldset(legend: nil, hint: nil, fields: [
            .text("year", "Academic year", hint: "By its ending calendar year: 2024 for 2023 to 2024", value: values["year"] ?? "", width: "govuk-input--width-5"),
        ])]
        for measure in MeasureID.allCases {
            var fields: [FormField] = [.select(Self.fieldName(measure, "status"), "Status", choices: Self.statuses,
                                               selected: values[Self.fieldName(measure, "status")] ?? "")]
            for part in Self.numberParts where measure.hasInterval || !["lower", "upper"].contains(part.key) {
                fields.append(.text(Self.fieldName(measure, part.key), part.label, value: values[Self.fieldName(measure, part.key)] ?? "",
                                    width: "govuk-input--width-5"))
            }
            fields.append(.select(Self.fieldName(measure, "quintile"), "National quintile",
                                  choices: [("", "Not given"), ("1", "1 (top)"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5 (bottom)")],
                                  selected: values[Self.fieldName(measure, "quintile")] ?? ""))
            fieldsets.append(.init(legend: measure.label, hint: nil, fields: fields))
        }
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "A year of measures", current: nil),
            caption: "\(record.name), URN \(record.urn)", heading: "A year of measures",
            intro: "What you send replaces this year's measures: a measure left blank is no longer recorded for the year. A missing figure is never read as zero; give its status instead.",
            action: SiteRoute.measures(urn: record.urn).path, backHref: SiteRoute.establishment(urn: record.urn).path,
            submit: "Save the year's measures", fieldsets: fieldsets, errors: errors, links: links, linksHeading: "Open another year")
        return try await context.render(on: request)
    }
}
