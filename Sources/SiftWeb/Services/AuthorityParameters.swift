import Fluent
import Foundation
import SiftCore
import Vapor

/// The values an authority has set for its framework's parameters: the funding rate and
/// weights the seeds leave open (Coventry's network rate, Warwickshire's 'x' per pupil), and
/// any other the file lets it change. Every engine the web service builds uses them
/// (`SiftServices.engine(for:on:)`).
enum AuthorityParameters {
    /// A parameter's latest row: its value (nil when withdrawn), who set it and when.
    struct Latest: Sendable {
        var value: Double?
        var revision: Int
        var setBy: UUID?
        var setAt: Date
    }

    /// A change an administrator asked for: a value to set, or nil to go back to the file's.
    struct Change: Sendable, Equatable {
        var parameter: String
        var value: Double?
    }

    /// The latest row of each parameter the authority has set for this framework, by id.
    static func latest(authorityID: UUID, frameworkID: String, on database: any Database) async throws -> [String: Latest] {
        let rows = try await ParameterValueRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .filter(\.$frameworkID == frameworkID).sort(\.$revision)
            .rows(["parameter", "value", "revision", "set_by", "set_at"]) { row in
                (try row.decode("parameter", as: String.self),
                 Latest(value: try row.decode("value", as: Double?.self), revision: try row.decode("revision", as: Int.self),
                        setBy: try row.decode("set_by", as: UUID?.self), setAt: try row.decode("set_at", as: Date.self)))
            }
        return Dictionary(rows, uniquingKeysWith: { earlier, later in later.revision >= earlier.revision ? later : earlier })
    }

    /// The values in force, by parameter id, as `DecisionEngine(framework:overrides:)` takes them.
    static func inForce(authorityID: UUID, frameworkID: String, on database: any Database) async throws -> [String: Double] {
        try await latest(authorityID: authorityID, frameworkID: frameworkID, on: database).compactMapValues(\.value)
    }

    /// Appends `changes` as one revision and audits them; when a changed parameter is read by
    /// the rules, not only by funding, every stored proposal is worked out again with the new
    /// values, in the same transaction.
    static func set(_ changes: [Change], authority: Authority, by user: User, on app: Application) async throws {
        guard !changes.isEmpty else { return }
        let authorityID = try authority.requireID()
        let framework = try app.sift.framework(authority.frameworkID)
        let now = app.sift.settings.now()
        let affectsProposals = !Set(changes.map(\.parameter)).isSubset(of: framework.fundingOnlyParameters)
        try await app.db.transaction { database in
            let last = try await ParameterValueRecord.query(on: database).filter(\.$authority.$id == authorityID).max(\.$revision) ?? 0
            try await changes.map {
                ParameterValueRecord(authorityID: authorityID, frameworkID: framework.id, parameter: $0.parameter, value: $0.value,
                                     revision: last + 1, by: user.id, at: now)
            }.create(on: database)
            var detail = changes.map { "\($0.parameter) \($0.value.map(Tree.format) ?? "withdrawn, the framework file's applies")" }
                .joined(separator: "; ")
            if affectsProposals {
                let engine = try await app.sift.engine(for: authority, on: database)
                let changed = try await Proposals.refreshAll(authorityID: authorityID, engine: engine, on: Day(now), database: database)
                detail += " (proposals worked out again: \(changed) changed)"
            }
            try await Audit.record(on: database, at: now, authorityID: authorityID, userID: user.id, action: "parameters_set", detail: detail)
        }
    }
}

extension SiftServices {
    /// The engine for an authority: its framework, with the parameter values it has set. Every
    /// categorisation, plan, letter and funding figure of the web service is worked out by one
    /// built here, so a value an administrator sets applies everywhere at once.
    func engine(for authority: Authority, on database: any Database) async throws -> DecisionEngine {
        var engines: [DecisionEngine] = []
        for id in authority.frameworkIDs {
            let framework = try framework(id)
            let values = try await AuthorityParameters.inForce(authorityID: try authority.requireID(), frameworkID: framework.id, on: database)
            engines.append(DecisionEngine(framework: framework, overrides: values))
        }
        return engines[0].with(alongside: Array(engines.dropFirst()))
    }
}
