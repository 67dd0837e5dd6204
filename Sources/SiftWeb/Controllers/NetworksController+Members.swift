import Fluent
import Foundation
import SiftCore
import Vapor

/// One network's page: its members with the day each joined, every move in and out of it,
/// and (for administrators) moving establishments into it; and placing many from a file.
extension NetworksController {
    func show(_ request: Request) async throws -> Response {
        let user = try Self.viewer(request)
        let network = try await Self.find(request, for: user)
        return try await renderNetwork(request, user: user, network: network, form: MoveForm(), errors: [], notice: nil)
    }

    func move(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let network = try await Self.find(request, for: admin)
        let form = try request.content.decode(MoveForm.self)
        let urns = (form.urns ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\r" }).map(String.init)
        let records = try await EstablishmentRecord.query(on: request.db).filter(\.$authority.$id == admin.$authority.id).all()
        let byURN = Dictionary(records.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        var errors: [FieldError] = []
        let unknown = urns.filter { byURN[$0] == nil }
        if urns.isEmpty { errors.append(.init(field: "urns", message: "Enter the URN of each establishment to move, like 200001")) }
        if !unknown.isEmpty {
            errors.append(.init(field: "urns", message: "No establishment of this authority has the URN \(unknown.prefix(5).joined(separator: ", ")): check the URNs"))
        }
        let fromText = (form.from ?? "").trimmingCharacters(in: .whitespaces)
        let from = Day(fromText)
        if from == nil {
            errors.append(.init(field: "from", message: "Enter the day it joins as day/month/year, like 01/09/2025"))
        } else if let from, from > Day(request.now) {
            errors.append(.init(field: "from", message: "Enter a day that has come: record a move on or after the day it happens"))
        }
        guard errors.isEmpty, let from else { return try await renderNetwork(request, user: admin, network: network, form: form, errors: errors, notice: nil) }
        let moving = urns.compactMap { byURN[$0] }
        try await request.db.transaction { database in
            try await Networks.move(moving, to: network, from: from, source: "form", by: admin.id, at: request.now, on: database)
            try await Audit.record(on: database, at: request.now, authorityID: admin.$authority.id, userID: admin.id, action: "network_moved",
                                   detail: "\(moving.map(\.urn).joined(separator: ", ")) into \(network.name) from \(from.longText)")
        }
        return request.redirect(to: SiteRoute.network(id: try network.requireID().uuidString).path)
    }

    private func renderNetwork(_ request: Request, user: User, network: NetworkRecord, form: MoveForm, errors: [FieldError],
                               notice: String?) async throws -> Response {
        let grouping = try await Self.grouping(request, user)
        let networkID = try network.requireID()
        let names = Dictionary(try await Networks.all(authorityID: user.$authority.id, on: request.db).compactMap { n in n.id.map { ($0, n.name) } },
                               uniquingKeysWith: { first, _ in first })
        let memberships = try await Networks.memberships(authorityID: user.$authority.id, on: request.db)
        let involved = memberships.filter { $0.value.contains { $0.$network.id == networkID } }
        let records = try await EstablishmentRecord.query(on: request.db).filter(\.$id ~~ Array(involved.keys)).all()
        let byID = Dictionary(records.compactMap { record in record.id.map { ($0, record) } }, uniquingKeysWith: { first, _ in first })
        let today = Day(request.now)
        var members: [NetworkPageContext.Member] = []
        var history: [(sort: String, row: NetworkPageContext.Move)] = []
        for (id, rows) in involved {
            guard let record = byID[id] else { continue }
            if let current = Networks.inForce(rows, on: today), current.$network.id == networkID {
                members.append(.init(name: record.name, urn: record.urn, href: SiteRoute.establishment(urn: record.urn).path,
                                     since: current.fromDay.flatMap(Day.init)?.longText ?? "Before records were kept"))
            }
            for (index, row) in rows.enumerated() {
                let before = index > 0 ? rows[index - 1].$network.id : nil
                let joined = row.$network.id == networkID, left = before == networkID && row.$network.id != networkID
                guard joined || left else { continue }
                let change = joined ? "Joined" : "Left for " + (row.$network.id.flatMap { names[$0] } ?? "no \(grouping.called)")
                let when = row.fromDay.flatMap(Day.init)?.longText ?? "Before records were kept"
                history.append((sort: row.fromDay ?? "", row: .init(when: when, name: record.name, urn: record.urn, change: change,
                                                                    how: row.source == "form" ? "Moved on this page" : "From \(row.source)")))
            }
        }
        let isAdmin = user.role == .administrator
        var context = NetworkPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + network.name, current: .networks),
            caption: grouping.called.capitalizedFirst, name: network.name, phase: Self.phaseWords(network.phase),
            lead: network.lead ?? "Not recorded",
            members: members.sorted { $0.name < $1.name },
            history: history.sorted { $0.sort > $1.sort }.map(\.row),
            backHref: SiteRoute.networks.path,
            editHref: isAdmin ? SiteRoute.editNetwork(id: networkID.uuidString).path : nil,
            moveAction: isAdmin ? SiteRoute.networkMembers(id: networkID.uuidString).path : nil,
            urns: form.urns ?? "", from: form.from ?? "", errors: errors, notice: notice, called: grouping.called)
        context.attachErrors()
        let response = try await request.view.render("network", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    // MARK: Placing many from a file

    func assignForm(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        return try await renderAssign(request, admin: admin, errors: [], problems: [])
    }

    func assign(_ request: Request) async throws -> Response {
        struct Upload: Content { var file: File? }
        let admin = try UsersController.requireAdministrator(request)
        guard let file = (try? request.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return try await renderAssign(request, admin: admin, errors: [.init(field: "file", message: "Choose the CSV file to import")], problems: [])
        }
        let grouping = try await Self.grouping(request, admin)
        let networks = try await Networks.all(authorityID: admin.$authority.id, on: request.db)
        let records = try await EstablishmentRecord.query(on: request.db).filter(\.$authority.$id == admin.$authority.id).all()
        let byURN = Dictionary(records.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        let byName = Dictionary(networks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        switch NetworkAssignments.read(Array(file.data.readableBytesView), establishments: Set(byURN.keys), networks: Set(byName.keys),
                                       word: grouping.called, today: Day(request.now)) {
        case .problems(let problems):
            return try await renderAssign(request, admin: admin, errors: [.init(field: "file", message: "Nothing was stored: the file has \(problems.count) \(problems.count == 1 ? "problem" : "problems"), listed below")],
                                          problems: problems)
        case .value(let moves):
            try await request.db.transaction { database in
                for move in moves {
                    guard let record = byURN[move.urn] else { continue }
                    try await Networks.move([record], to: move.network.flatMap { byName[$0] }, from: move.from, source: file.filename,
                                            by: admin.id, at: request.now, on: database)
                }
                try await Audit.record(on: database, at: request.now, authorityID: admin.$authority.id, userID: admin.id, action: "networks_assigned",
                                       detail: "\(moves.count) establishments placed from \(file.filename)")
            }
            return request.redirect(to: SiteRoute.networks.path)
        }
    }

    private func renderAssign(_ request: Request, admin: User, errors: [FieldError], problems: [RowProblem]) async throws -> Response {
        let grouping = try await Self.grouping(request, admin)
        var context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Place establishments from a file", current: .networks),
            caption: grouping.plural.capitalizedFirst, heading: "Place establishments from a file",
            intro: "A CSV file with the columns urn, network and from: each establishment's URN, the name of the \(grouping.called) it joins (blank to take it out of every \(grouping.called)), and the day it joins (day/month/year). Every row is stored or none is; each move is added to the establishment's history.",
            action: SiteRoute.assignNetworks.path, backHref: SiteRoute.networks.path, submit: "Place them",
            fieldsets: [.init(legend: nil, hint: nil, fields: [.file("file", "CSV file")])], errors: errors)
        context.multipart = true
        if !problems.isEmpty {
            context.table = PlainTable(caption: "Problems in the file", head: ["Line", "Column", "What is wrong"],
                                       rows: problems.prefix(200).map { [String($0.line), $0.column ?? "", $0.message] }, empty: "")
        }
        return try await context.render(on: request)
    }
}
