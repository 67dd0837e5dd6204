import Fluent
import Foundation
import SiftCore
import Vapor

/// The authority's networks (consortia, localities) in its framework's words: who is in each,
/// since when, and who is in none where the framework puts every establishment in one.
/// Officers and read-only users see them all, a network lead their own; administrators keep them.
struct NetworksController {
    struct Form: Content {
        var name: String?
        var phase: String?
        var lead: String?
    }

    struct MoveForm: Content {
        var urns: String?
        var from: String?
    }

    static func viewer(_ request: Request) throws -> User {
        let user = try request.requireUser().user
        guard user.role != .schoolUser else { throw Abort(.notFound) }
        return user
    }

    static func grouping(_ request: Request, _ user: User) async throws -> Grouping {
        try request.sift.framework(try await user.$authority.get(on: request.db).frameworkID).grouping
    }

    func list(_ request: Request) async throws -> Response {
        let user = try Self.viewer(request)
        let authority = try await user.$authority.get(on: request.db)
        let grouping = try request.sift.framework(authority.frameworkID).grouping
        var networks = try await Networks.all(authorityID: user.$authority.id, on: request.db)
        if user.role == .networkLead { networks = networks.filter { $0.name == user.network } }
        let records = try await EstablishmentScope.query(for: user, on: request.db).sort(\.$name).all()
        let counts = Dictionary(grouping: records.compactMap(\.network), by: { $0 }).mapValues(\.count)
        let unplaced = grouping.everyEstablishment && user.role != .networkLead
            ? records.filter { $0.network == nil && $0.notCovered == nil && $0.closed.flatMap(Day.init).map { $0 > Day(request.now) } ?? true } : []
        let isAdmin = user.role == .administrator
        let context = NetworksPageContext(
            layout: try await LayoutContext.make(request, title: grouping.plural.capitalizedFirst, current: .networks),
            heading: grouping.plural.capitalizedFirst,
            rule: grouping.everyEstablishment
                ? "Under the framework every establishment it covers is in one \(grouping.called)\(grouping.cite.map { " (\($0))" } ?? "")."
                : "The framework does not say that every establishment is in a \(grouping.called).",
            rows: networks.map { network in
                .init(name: network.name, href: SiteRoute.network(id: network.id?.uuidString ?? "").path, phase: Self.phaseWords(network.phase),
                      lead: network.lead ?? "Not recorded", members: counts[network.name] ?? 0)
            },
            unplaced: unplaced.map { .init(name: $0.name, urn: $0.urn, href: SiteRoute.establishment(urn: $0.urn).path) },
            unplacedHeading: "Not in a \(grouping.called) (\(unplaced.count))",
            requiresEvery: grouping.everyEstablishment && user.role != .networkLead,
            called: grouping.called,
            addHref: isAdmin ? SiteRoute.newNetwork.path : nil, assignHref: isAdmin ? SiteRoute.assignNetworks.path : nil)
        return try await request.view.render("networks", context).encodeResponse(for: request)
    }

    static func phaseWords(_ phase: String?) -> String {
        phase.flatMap(Phase.init(rawValue:)).map { $0.rawValue.spacedWords.capitalizedFirst } ?? "Every phase"
    }

    static let phases: [(String, String)] = [("", "Every phase")] + Phase.allCases.map { ($0.rawValue, $0.rawValue.spacedWords.capitalizedFirst) }

    // MARK: Adding and changing a network (administrators)

    func new(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        return try await renderDetails(request, admin: admin, network: nil, form: Form(), errors: [])
    }

    func create(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let form = try request.content.decode(Form.self)
        let (name, errors) = try await validate(form, admin: admin, except: nil, on: request)
        guard errors.isEmpty else { return try await renderDetails(request, admin: admin, network: nil, form: form, errors: errors) }
        let network = NetworkRecord(authorityID: admin.$authority.id, name: name, phase: form.phase.flatMap { $0.isEmpty ? nil : $0 },
                                    lead: Self.trimmed(form.lead), at: request.now)
        try await request.db.transaction { database in
            try await network.create(on: database)
            try await Audit.record(on: database, at: request.now, authorityID: admin.$authority.id, userID: admin.id, action: "network_added", detail: name)
        }
        return request.redirect(to: SiteRoute.network(id: try network.requireID().uuidString).path)
    }

    func edit(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let network = try await Self.find(request, for: admin)
        return try await renderDetails(request, admin: admin, network: network,
                                       form: Form(name: network.name, phase: network.phase ?? "", lead: network.lead ?? ""), errors: [])
    }

    func update(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let network = try await Self.find(request, for: admin)
        let form = try request.content.decode(Form.self)
        let (name, errors) = try await validate(form, admin: admin, except: network.id, on: request)
        guard errors.isEmpty else { return try await renderDetails(request, admin: admin, network: network, form: form, errors: errors) }
        let old = network.name
        network.name = name
        network.phase = form.phase.flatMap { $0.isEmpty ? nil : $0 }
        network.lead = Self.trimmed(form.lead)
        try await request.db.transaction { database in
            try await network.save(on: database)
            if old != name {
                // Its members, and a lead who sees it, follow the new name.
                for record in try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == admin.$authority.id)
                    .filter(\.$network == old).all() {
                    try await Networks.setNetwork(name, of: record, on: database)
                }
                try await User.query(on: database).filter(\.$authority.$id == admin.$authority.id).filter(\.$network == old)
                    .set(\.$network, to: name).update()
            }
            try await Audit.record(on: database, at: request.now, authorityID: admin.$authority.id, userID: admin.id, action: "network_changed",
                                   detail: old == name ? name : "\(old) renamed \(name)")
        }
        return request.redirect(to: SiteRoute.network(id: try network.requireID().uuidString).path)
    }

    private func validate(_ form: Form, admin: User, except id: UUID?, on request: Request) async throws -> (String, [FieldError]) {
        let name = Self.trimmed(form.name) ?? ""
        var errors: [FieldError] = []
        let word = try await Self.grouping(request, admin).called
        if name.isEmpty { errors.append(.init(field: "name", message: "Enter the \(word)'s name")) }
        if name.count > 120 { errors.append(.init(field: "name", message: "Enter a name of 120 characters or fewer")) }
        if let phase = form.phase, !phase.isEmpty, Phase(rawValue: phase) == nil { errors.append(.init(field: "phase", message: "Choose a phase from the list")) }
        if !name.isEmpty, let same = try await NetworkRecord.query(on: request.db).filter(\.$authority.$id == admin.$authority.id)
            .filter(\.$name == name).first(), same.id != id {
            errors.append(.init(field: "name", message: "There is already a \(word) called \(name): choose another name"))
        }
        return (name, errors)
    }

    private func renderDetails(_ request: Request, admin: User, network: NetworkRecord?, form: Form, errors: [FieldError]) async throws -> Response {
        let grouping = try await Self.grouping(request, admin)
        let heading = network == nil ? "Add a \(grouping.called)" : "Change \(network!.name)"
        let fields: [FormField] = [
            .text("name", "Name", value: form.name ?? "", width: "govuk-input--width-30"),
            .select("phase", "Phase", hint: "The phase its schools are in, where it is for one phase", choices: Self.phases, selected: form.phase ?? ""),
            .text("lead", "Lead", hint: "Who leads it, as you would name them in a letter", value: form.lead ?? "", width: "govuk-input--width-30"),
        ]
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + heading, current: .networks),
            caption: grouping.plural.capitalizedFirst, heading: heading, intro: nil,
            action: network.flatMap { $0.id }.map { SiteRoute.editNetwork(id: $0.uuidString).path } ?? SiteRoute.newNetwork.path,
            backHref: network.flatMap { $0.id }.map { SiteRoute.network(id: $0.uuidString).path } ?? SiteRoute.networks.path,
            submit: network == nil ? "Add the \(grouping.called)" : "Save the changes", fieldsets: [.init(legend: nil, hint: nil, fields: fields)], errors: errors)
        return try await context.render(on: request)
    }

    static func find(_ request: Request, for user: User) async throws -> NetworkRecord {
        guard let id = request.parameters.get("network").flatMap(UUID.init(uuidString:)),
              let network = try await NetworkRecord.find(id, on: request.db), network.$authority.id == user.$authority.id,
              user.role != .networkLead || network.name == user.network else { throw Abort(.notFound) }
        return network
    }

    static func trimmed(_ text: String?) -> String? {
        let value = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
