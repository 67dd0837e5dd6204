import Foundation
import Fluent
import SiftCore
import Vapor

/// Five fictional authorities, one on each seed framework, each with 30–60 fictional
/// establishments of the kinds its framework covers and five years of evidence.
public enum DemoData {
    struct Spec: Sendable {
        let code: String
        let name: String
        let framework: String
        let count: Int
        let covers: @Sendable (Tree) -> Bool
    }

    static let specs: [Spec] = [
        Spec(code: "northbridge", name: "Northbridge City Council", framework: "coventry-2023", count: 42, covers: { isSchool($0) && $0["phase"]?.text == "primary" }),
        Spec(code: "wealdshire", name: "Wealdshire County Council", framework: "warwickshire-2013", count: 48, covers: isSchool),
        Spec(code: "fenmoor", name: "Fenmoor Borough Council", framework: "milton-keynes-2019", count: 38, covers: isSchool),
        Spec(code: "riverside", name: "Riverside London Borough", framework: "hackney-2023", count: 34, covers: isSchool),
        Spec(code: "ironbury", name: "City of Ironbury Council", framework: "wolverhampton-2021", count: 58, covers: { _ in true }),
    ]

    static func isSchool(_ tree: Tree) -> Bool {
        guard let kind = tree["kind"]?.text.flatMap(EstablishmentKind.init(rawValue:)) else { return false }
        return kind.setting == .school
    }

    /// A signed-in account made for the demonstration, with its one-time password.
    public struct Account: Sendable {
        public let authority: String
        public let email: String
        public let role: String
        public let password: String
        public let note: String
    }

    /// Loads the demonstration data if it is not there, and gives every demonstration
    /// account a new random password, returned to be printed once.
    public static func load(_ app: Application) async throws -> [Account] {
        let database = app.db
        let today = Day(app.sift.settings.now())
        var accounts: [Account] = []
        for (index, spec) in specs.enumerated() {
            let authority: Authority
            if let existing = try await Authority.query(on: database).filter(\.$code == spec.code).first() {
                authority = existing
            } else {
                authority = Authority(code: spec.code, name: spec.name, frameworkID: spec.framework)
                try await authority.save(on: database)
                try await loadEstablishments(spec, index: index, authority: authority, engine: try await app.sift.engine(for: authority, on: database),
                                             today: today, on: database)
            }
            accounts += try await resetAccounts(spec, authority: authority, app: app)
        }
        try await refreshQueryStatistics(app.db)
        return accounts
    }

    private static func loadEstablishments(_ spec: Spec, index: Int, authority: Authority, engine: DecisionEngine, today: Day,
                                           on database: any Database) async throws {
        let pool = SyntheticEvidence(count: 400, seed: UInt64(101 + index)).tree()["establishments"]?.elements ?? []
        let chosen = pool.filter(spec.covers).prefix(spec.count)
        try await database.transaction { transaction in
            var records: [EstablishmentRecord] = []
            for (position, element) in chosen.enumerated() {
                // Give each establishment a URN and a network of this authority.
                var members = element.members ?? []
                let urn = String(200_000 + index * 10_000 + position)
                let network = "\(spec.code.capitalized) \(engine.framework.grouping.called) \(position % 5 + 1)"
                members = members.map { member in
                    switch member.key {
                    case "urn": return Tree.Member(key: "urn", value: .string(urn))
                    case "authority": return Tree.Member(key: "authority", value: .string(spec.name))
                    case "network": return Tree.Member(key: "network", value: .string(network))
                    default: return member
                    }
                }
                let tree = Tree(.object(members))
                let record = EstablishmentRecord(authorityID: try authority.requireID(), urn: urn, name: tree["name"]?.text ?? urn,
                                                 kind: tree["kind"]?.text ?? "", phase: tree["phase"]?.text, network: network)
                let evidence = TreeWriter.json(tree)
                try Proposals.refresh(record, evidence: evidence, engine: engine, on: today)
                try await record.save(on: transaction)
                try await EvidenceStore.save(evidence, for: record, on: transaction)
                records.append(record)
            }
            try await SearchWords.replace(for: records, on: transaction)
            try await Networks.reconcile(authorityID: authority.requireID(), source: "demonstration", at: Date(), on: transaction)
        }
    }

    private static func resetAccounts(_ spec: Spec, authority: Authority, app: Application) async throws -> [Account] {
        let database = app.db
        let authorityID = try authority.requireID()
        let first = try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID).sort(\.$urn).first()
        let wanted: [(Role, String, String?, String?, String)] = [
            (.administrator, "admin", nil, nil, "sees and manages everything in \(spec.name)"),
            (.officer, "officer", nil, nil, "runs the categorisation"),
            (.networkLead, "network", nil, first?.network, "sees \(first?.network ?? "one network")"),
            (.schoolUser, "school", first?.urn, nil, "sees \(first?.name ?? "one school") (URN \(first?.urn ?? "")) only"),
            (.readOnly, "reader", nil, nil, "reads everything in \(spec.name), changes nothing"),
        ]
        var accounts: [Account] = []
        for (role, name, urn, network, note) in wanted {
            let email = "\(name)@\(spec.code).example"
            let password = Accounts.newPassword()
            let hash = try app.password.hash(password)
            if let user = try await User.query(on: database).filter(\.$email == email).first() {
                user.passwordHash = hash
                user.failedSignIns = 0
                user.lockedUntil = nil
                try await user.save(on: database)
            } else {
                try await User(authorityID: authorityID, email: email, name: "\(spec.code.capitalized) \(role.label.lowercased())",
                               passwordHash: hash, role: role, establishmentURN: urn, network: network).save(on: database)
            }
            accounts.append(Account(authority: spec.name, email: email, role: role.label, password: password, note: note))
        }
        return accounts
    }
}
