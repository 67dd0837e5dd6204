import Fluent
import Foundation
import SiftCore
import Vapor

/// Builds the capacity page for a year.
struct CapacityPage {
    let request: Request
    let user: User
    let year: Int

    static let convertedUnits = ["visits", "meetings", "reviews", "hours"]

    func redirect(_ notice: String) -> Response {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "year", value: String(year)), URLQueryItem(name: "done", value: notice)]
        return request.redirect(to: SiteRoute.capacity.path + (components.string ?? ""))
    }

    func render(notice: String? = nil, errors: [FieldError] = []) async throws -> Response {
        let authorityID = user.$authority.id
        let advisers = try await SupportDelivery.advisers(authorityID: authorityID, on: request.db)
        let assignments = try await Capacity.assignments(authorityID: authorityID, on: request.db)
        let conversion = try await Capacity.conversion(authorityID: authorityID, on: request.db)
        let work = try await Capacity.work(authorityID: authorityID, year: year, assignments: assignments, on: request.db)
        let names = Dictionary(advisers.compactMap { adviser in adviser.id.map { ($0, adviser.name) } }, uniquingKeysWith: { first, _ in first })
        let (demand, unconverted) = AdviserDemand.demand(work.map { (($0.adviser.flatMap { names[$0] }), $0.item) }, conversion: conversion)
        let days = try await Capacity.days(authorityID: authorityID, year: year, on: request.db)
        let capacity = Dictionary(days.compactMap { id, terms in names[id].map { ($0, terms) } }, uniquingKeysWith: { first, _ in first })
        let lines = AdviserDemand.lines(advisers: advisers.map(\.name), capacity: capacity, demand: demand)
        let authority = AdviserDemand.authority(lines)
        let assignedCount = Dictionary(grouping: assignments.values.compactMap { $0 }, by: { $0 }).mapValues(\.count)
        let mayChange = user.role == .officer || user.role == .administrator
        let context = CapacityContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Capacity in \(Runs.label(year))", current: .capacity),
            year: year, yearLabel: Runs.label(year),
            years: [year - 1, year + 1].map { FormLink(label: Runs.label($0), href: SiteRoute.capacity.path + "?year=\($0)") },
            notice: notice, errors: errors,
            chart: CapacityChart(authority),
            authority: authority.map(CapacityContext.Line.init),
            advisers: lines.map(CapacityContext.Line.init),
            assigned: advisers.map { "\($0.name): \(assignedCount[$0.id!] ?? 0) establishments" },
            unconverted: unconverted.sorted().joined(separator: ", "),
            conversion: Self.convertedUnits.map { unit in
                let perUnit = conversion.daysPer[unit] ?? 0
                return unit == "hours" ? "an adviser's day is \(Tree.format((1 / max(perUnit, 0.0001) * 100).rounded() / 100)) hours"
                    : "one of the \(unit) takes \(Tree.format(perUnit)) days"
            }.joined(separator: "; "),
            mayChange: mayChange,
            adviserChoices: advisers.map { .init(value: $0.id?.uuidString ?? "", label: $0.name, selected: false) },
            termChoices: PlanTerm.terms.map { .init(value: $0.rawValue, label: $0.label, selected: false) },
            conversionFields: Self.convertedUnits.map { unit in
                let perUnit = conversion.daysPer[unit] ?? 0
                var field = FormField.text("per-\(unit)", unit == "hours" ? "Hours in an adviser's day" : "Days one of the \(unit) takes",
                                           value: Tree.format(unit == "hours" ? (1 / max(perUnit, 0.0001) * 100).rounded() / 100 : perUnit),
                                           width: "govuk-input--width-4")
                field.error = errors.first { $0.field == field.name }?.message
                return field
            },
            daysAction: SiteRoute.capacityDays.path, assignAction: SiteRoute.capacityAssign.path, conversionAction: SiteRoute.capacityConversion.path)
        let response = try await request.view.render("capacity", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }
}

struct CapacityContext: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var adviser: String
        var term: String
        var capacity: String
        var demand: String
        var isOver: Bool

        init(_ line: CapacityLine) {
            adviser = line.adviser ?? "Not assigned to an adviser"
            term = line.term.label
            capacity = Tree.format((line.capacity * 10).rounded() / 10)
            demand = Tree.format((line.demand * 10).rounded() / 10)
            isOver = line.isOver
        }
    }

    var layout: LayoutContext
    var year: Int
    var yearLabel: String
    var years: [FormLink]
    var notice: String?
    var errors: [FieldError]
    var chart: CapacityChart
    var authority: [Line]
    var advisers: [Line]
    var assigned: [String]
    var unconverted: String
    var conversion: String
    var mayChange: Bool
    var adviserChoices: [FormField.Option]
    var termChoices: [FormField.Option]
    var conversionFields: [FormField]
    var daysAction: String
    var assignAction: String
    var conversionAction: String
}

/// The authority's days available and days asked for in each term, as pairs of bars.
struct CapacityChart: Encodable, Sendable {
    struct Pair: Encodable, Sendable {
        var term: String
        var labelY: Int
        var capacityY: Int
        var capacityWidth: Int
        var demandY: Int
        var demandWidth: Int
        var capacity: String
        var demand: String
        var isOver: Bool
    }

    var pairs: [Pair]
    var height: Int

    init(_ lines: [CapacityLine]) {
        let most = max(lines.map { max($0.capacity, $0.demand) }.max() ?? 0, 1)
        func width(_ value: Double) -> Int { Int((420 * value / most).rounded()) }
        pairs = lines.enumerated().map { index, line in
            let top = 10 + index * 70
            return Pair(term: line.term.label, labelY: top + 24, capacityY: top, capacityWidth: width(line.capacity),
                        demandY: top + 26, demandWidth: width(line.demand),
                        capacity: Tree.format((line.capacity * 10).rounded() / 10), demand: Tree.format((line.demand * 10).rounded() / 10),
                        isOver: line.isOver)
        }
        height = 20 + lines.count * 70
    }
}
