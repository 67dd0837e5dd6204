import Fluent
import Foundation
import SiftCore
import Vapor

/// Advisers' days against the demand of the year's plans, per term, per adviser and for the
/// authority; officers set the days, assign establishments, and say how long support takes.
struct CapacityController {
    struct Form: Content {
        var year: String?
        var adviser: String?
        var term: String?
        var days: String?
        var urns: String?
        var network: String?
    }

    /// Officers, administrators and read-only users see capacity; a network lead and a school's user do not.
    private func viewer(_ request: Request) throws -> User {
        let user = try request.requireUser().user
        guard [.officer, .administrator, .readOnly].contains(user.role) else { throw Abort(.notFound) }
        return user
    }

    func show(_ request: Request) async throws -> Response {
        let user = try viewer(request)
        let year = SupportController.year(try? request.query.get(String.self, at: "year"), now: request.now)
        return try await CapacityPage(request: request, user: user, year: year).render(notice: try? request.query.get(String.self, at: "done"))
    }

    func setDays(_ request: Request) async throws -> Response {
        let (user, form, page) = try await change(request)
        var errors: [FieldError] = []
        let adviser = try await adviser(form.adviser, of: user, on: request.db)
        if adviser == nil { errors.append(.init(field: "adviser", message: "Choose an adviser")) }
        let term = PlanTerm(rawValue: form.term ?? "").flatMap { PlanTerm.terms.contains($0) ? $0 : nil }
        if term == nil { errors.append(.init(field: "term", message: "Choose the term")) }
        let days = Double((form.days ?? "").trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite && $0 >= 0 && $0 <= 100 ? $0 : nil }
        if days == nil { errors.append(.init(field: "days", message: "Enter the days available as a number from 0 to 100, like 12.5")) }
        guard errors.isEmpty, let adviser, let term, let days else { return try await page.render(errors: errors) }
        try await Capacity.setDays(request, user: user, adviser: adviser, year: page.year, term: term, days: days)
        return page.redirect("\(adviser.name) has \(Tree.format(days)) days in the \(term.label.lowercased()).")
    }

    func assign(_ request: Request) async throws -> Response {
        let (user, form, page) = try await change(request)
        var errors: [FieldError] = []
        let nobody = form.adviser == "none"
        let adviser = nobody ? nil : try await adviser(form.adviser, of: user, on: request.db)
        if adviser == nil && !nobody { errors.append(.init(field: "assign-adviser", message: "Choose an adviser, or no adviser")) }
        let urns = (form.urns ?? "").split { $0 == "," || $0.isWhitespace }.map(String.init)
        let network = (form.network ?? "").trimmingCharacters(in: .whitespaces)
        var chosen: [EstablishmentRecord] = []
        if urns.isEmpty && network.isEmpty {
            errors.append(.init(field: "urns", message: "Enter the URNs of the establishments, or choose a network"))
        } else {
            let query = EstablishmentRecord.query(on: request.db).filter(\.$authority.$id == user.$authority.id)
            chosen = network.isEmpty ? try await query.filter(\.$urn ~~ urns).all() : try await query.filter(\.$network == network).all()
            let unknown = urns.filter { urn in !chosen.contains { $0.urn == urn } }
            if !unknown.isEmpty {
                errors.append(.init(field: "urns", message: "No establishment of this authority has the URN \(unknown.prefix(10).joined(separator: ", "))"))
            }
            if chosen.isEmpty && unknown.isEmpty { errors.append(.init(field: "urns", message: "The network has no establishments")) }
        }
        guard errors.isEmpty else { return try await page.render(errors: errors) }
        try await Capacity.assign(request, user: user, establishments: chosen, to: adviser)
        return page.redirect("\(chosen.count) establishments assigned to \(adviser?.name ?? "no adviser").")
    }

    func setConversion(_ request: Request) async throws -> Response {
        let (user, _, page) = try await change(request)
        var errors: [FieldError] = [], daysPer: [String: Double] = [:]
        for unit in CapacityPage.convertedUnits {
            let text = ((try? request.content.get(String.self, at: "per-\(unit)")) ?? "").trimmingCharacters(in: .whitespaces)
            // Hours are entered as the hours in an adviser's day, as people say them.
            let range: ClosedRange<Double> = unit == "hours" ? 1...24 : 0...10
            guard let number = Double(text), number.isFinite, range.contains(number) else {
                errors.append(.init(field: "per-\(unit)", message: unit == "hours"
                    ? "Enter the hours in an adviser's day, a number from 1 to 24"
                    : "Enter the days one of the \(unit) takes, a number from 0 to 10"))
                continue
            }
            daysPer[unit] = unit == "hours" ? 1 / number : number
        }
        guard errors.isEmpty else { return try await page.render(errors: errors) }
        try await Capacity.setConversion(request, user: user, daysPer: daysPer)
        return page.redirect("The days each kind of support takes are stored.")
    }

    private func change(_ request: Request) async throws -> (User, Form, CapacityPage) {
        let user = try RunController.requireRunner(request)
        let form = try request.content.decode(Form.self)
        return (user, form, CapacityPage(request: request, user: user, year: SupportController.year(form.year, now: request.now)))
    }

    private func adviser(_ id: String?, of user: User, on database: any Database) async throws -> User? {
        try await SupportDelivery.advisers(authorityID: user.$authority.id, on: database).first { $0.id?.uuidString == id }
    }
}
