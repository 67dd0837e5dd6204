import Fluent
import Foundation
import SiftCore
import Vapor

/// An authority's networks (consortia, localities: `Grouping`) and who was in which from when.
/// The establishments table keeps the name of the one each is in today, for lists and for
/// what a network lead sees; the memberships are the history funding follows.
enum Networks {
    /// Part of a year an establishment spent in one network (nil: in none).
    struct Stint: Sendable, Equatable {
        var network: String?
        var from: Day
        var to: Day
    }

    static func all(authorityID: UUID, on database: any Database) async throws -> [NetworkRecord] {
        try await NetworkRecord.query(on: database).filter(\.$authority.$id == authorityID).sort(\.$name).all()
    }

    /// Every membership of the authority's establishments, by establishment, oldest first.
    static func memberships(authorityID: UUID, on database: any Database) async throws -> [UUID: [NetworkMembershipRecord]] {
        let rows = try await NetworkMembershipRecord.query(on: database).filter(\.$authority.$id == authorityID).sort(\.$recordedAt).all()
        return Dictionary(grouping: rows, by: { $0.$establishment.id }).mapValues(ordered)
    }

    /// Oldest first: by the day each starts (one with none first), then as recorded.
    static func ordered(_ rows: [NetworkMembershipRecord]) -> [NetworkMembershipRecord] {
        rows.enumerated().sorted { left, right in
            let (a, b) = (left.element.fromDay ?? "", right.element.fromDay ?? "")
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
    }

    /// The network in force on a day: the latest to start on or before it; nil for none.
    static func inForce(_ rows: [NetworkMembershipRecord], on day: Day) -> NetworkMembershipRecord? {
        rows.last { ($0.fromDay.flatMap(Day.init) ?? .distantPast) <= day }
    }

    /// The parts of the year between `from` and `to` spent in each network, in order.
    static func stints(_ rows: [NetworkMembershipRecord], names: [UUID: String], from start: Day, to end: Day) -> [Stint] {
        var stints: [Stint] = []
        let first = inForce(rows, on: start)
        stints.append(Stint(network: first?.$network.id.flatMap { names[$0] }, from: start, to: end))
        for row in rows {
            guard let day = row.fromDay.flatMap(Day.init), day > start, day <= end else { continue }
            stints[stints.count - 1].to = day.previous
            stints.append(Stint(network: row.$network.id.flatMap { names[$0] }, from: day, to: end))
        }
        // Two moves on one day leave an empty part; a move to the same network joins two.
        var joined: [Stint] = []
        for stint in stints where stint.from <= stint.to {
            if let last = joined.last, last.network == stint.network { joined[joined.count - 1].to = stint.to } else { joined.append(stint) }
        }
        return joined
    }

    /// Records moves: each establishment into `network` (nil: out of every network) from `day`,
    /// appended to its history. Where the day has come, the establishment's network and its
    /// evidence say so at once.
    static func move(_ records: [EstablishmentRecord], to network: NetworkRecord?, from day: Day, source: String, by userID: UUID?,
                     at now: Date, on database: any Database) async throws {
        for record in records {
            try await NetworkMembershipRecord(authorityID: record.$authority.id, establishmentID: record.requireID(), networkID: network?.requireID(),
                                              from: day.description, source: source, by: userID, at: now).create(on: database)
        }
        guard day <= Day(now) else { return }
        for record in records where record.network != network?.name {
            try await setNetwork(network?.name, of: record, on: database)
        }
    }

    /// The establishment's network today, on its row and in its evidence.
    static func setNetwork(_ name: String?, of record: EstablishmentRecord, on database: any Database) async throws {
        record.network = name
        try await record.save(on: database)
        var members = try JSONReader.read(try await EvidenceStore.text(for: record, on: database)).members ?? []
        members.removeAll { $0.key == "network" }
        if let name { members.append(.init(key: "network", value: .string(name))) }
        try await EvidenceStore.save(TreeWriter.json(Tree(.object(members))), for: record, on: database)
    }

    /// Brings the records in line with the network named on each establishment (as evidence
    /// files and earlier versions kept it): a network record for every name, and a membership
    /// from today wherever the name differs from the one in force (from no day, where the
    /// establishment had none recorded).
    static func reconcile(authorityID: UUID, source: String, at now: Date, on database: any Database) async throws {
        var networks = Dictionary(try await all(authorityID: authorityID, on: database).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let memberships = try await self.memberships(authorityID: authorityID, on: database)
        // Only the columns read: a migration calls this before later ones add theirs.
        let records = try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .field(\.$id).field(\.$network).all()
        let names = Dictionary(networks.values.compactMap { network in network.id.map { ($0, network.name) } }, uniquingKeysWith: { first, _ in first })
        for record in records {
            let rows = memberships[try record.requireID()] ?? []
            let current = inForce(rows, on: Day(now))?.$network.id.flatMap { names[$0] }
            guard record.network != current, !(rows.isEmpty && record.network == nil) else { continue }
            var network: NetworkRecord?
            if let name = record.network {
                if networks[name] == nil {
                    let created = NetworkRecord(authorityID: authorityID, name: name, phase: nil, lead: nil, at: now)
                    try await created.create(on: database)
                    networks[name] = created
                }
                network = networks[name]
            }
            try await NetworkMembershipRecord(authorityID: authorityID, establishmentID: record.requireID(), networkID: network?.requireID(),
                                              from: rows.isEmpty ? nil : Day(now).description, source: source, by: nil, at: now).create(on: database)
        }
    }
}
