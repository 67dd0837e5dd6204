import Fluent
import Foundation
import SiftCore
import Vapor

/// The record of decisions as CSV, and the audit log for administrators.
struct RecordsController {
    /// Every decision of the authority (within what the user may see), oldest first.
    func decisionsCSV(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard user.role != .schoolUser && user.role != .networkLead else { throw Abort(.notFound) }
        let records = try await EstablishmentScope.query(for: user, on: request.db).all()
        let byID = Dictionary(records.compactMap { record in record.id.map { ($0, record) } }, uniquingKeysWith: { first, _ in first })
        let decisions = try await DecisionRecord.query(on: request.db).filter(\.$authority.$id == user.$authority.id)
            .with(\.$decidedBy).sort(\.$decidedAt).all()
        var lines = [CSVField.row(["urn", "name", "academic_year", "category", "designation", "status", "reason", "decided_by", "decided_at"])]
        for decision in decisions {
            guard let record = byID[decision.$establishment.id] else { continue }
            lines.append(CSVField.row([record.urn, record.name, Runs.label(decision.academicYear), decision.category, decision.designation ?? "",
                                       decision.status.rawValue, decision.reason ?? "", decision.decidedBy?.name ?? "",
                                       ISO8601DateFormatter().string(from: decision.decidedAt)]))
        }
        let response = Response(status: .ok, body: .init(string: lines.joined(separator: "\n") + "\n"))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"decisions.csv\"")
        return response
    }

    struct AuditFilter: Content {
        var action: String?
        var user: String?
    }

    /// The audit log of the administrator's own authority, newest first, filtered by action or user.
    func audit(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard user.role == .administrator else { throw Abort(.notFound) }
        let filter = try request.query.decode(AuditFilter.self)
        let query = AuditEntry.query(on: request.db).filter(\.$authority.$id == user.$authority.id).with(\.$user)
        if let action = filter.action, !action.isEmpty { query.filter(\.$action == action) }
        var entries = try await query.sort(\.$at, .descending).limit(500).all()
        if let who = filter.user?.lowercased(), !who.isEmpty {
            entries = entries.filter { ($0.user?.email ?? "").contains(who) || $0.detail.lowercased().contains(who) }
        }
        let actions = try await AuditEntry.query(on: request.db).filter(\.$authority.$id == user.$authority.id).unique().field(\.$action).all().map(\.action).sorted()
        let context = AuditContext(
            layout: try await LayoutContext.make(request, title: "Audit log", current: .audit),
            action: filter.action ?? "", user: filter.user ?? "",
            actions: actions.map { .init(value: $0, label: $0.spacedWords, selected: $0 == filter.action) },
            entries: entries.map { .init(when: ISO8601DateFormatter().string(from: $0.at), who: $0.user?.email ?? "",
                                         action: $0.action.spacedWords, detail: $0.detail) })
        return try await request.view.render("audit", context).encodeResponse(for: request)
    }
}

struct AuditContext: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var when: String
        var who: String
        var action: String
        var detail: String
    }
    var layout: LayoutContext
    var action: String
    var user: String
    var actions: [EstablishmentListContext.Option]
    var entries: [Entry]
}
