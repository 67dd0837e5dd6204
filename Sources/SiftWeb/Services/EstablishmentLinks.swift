import Fluent
import Foundation
import SiftCore

/// The links GIAS records between an authority's establishments and others: conversions,
/// amalgamations and splits, by which a new establishment keeps the history of those it
/// replaced.
enum EstablishmentLinks {
    /// The authority's links, as GIAS writes them.
    static func all(authorityID: UUID, on database: any Database) async throws -> [GIASLink] {
        try await EstablishmentLinkRecord.query(on: database).filter(\.$authority.$id == authorityID).all().map(\.link)
    }

    /// Links of `incoming` that are new, or (where `replacing`) say something other than the
    /// one held for the same pair. A link from an establishment file's `Linked establishments`
    /// column, which gives no date or name, only adds.
    static func changed(_ incoming: [GIASLink], held: [GIASLink], replacing: Bool) -> [GIASLink] {
        var known = Dictionary(held.map { ("\($0.urn) \($0.linkedURN)", $0) }, uniquingKeysWith: { first, _ in first })
        var changed: [GIASLink] = []
        var at: [String: Int] = [:]
        for link in incoming {
            let key = "\(link.urn) \(link.linkedURN)"
            if let old = known[key] {
                guard replacing || at[key] != nil, old.type != link.type || old.established != link.established || old.linkedName != link.linkedName else { continue }
            }
            known[key] = link
            // A pair given twice in one file is stored once, as its later row gives it.
            if let index = at[key] { changed[index] = link } else { at[key] = changed.count; changed.append(link) }
        }
        return changed
    }

    /// Stores links: each replaces the one held for the same pair.
    /// - Parameter held: the links held before, so that a new one (most, on a first import of a
    ///   national file) is inserted with the others in batches rather than looked up first.
    static func store(_ links: [GIASLink], held: [GIASLink] = [], authorityID: UUID, source: String, by userID: UUID?, at now: Date,
                      on database: any Database) async throws {
        let known = Set(held.map { "\($0.urn) \($0.linkedURN)" })
        let fresh = links.filter { !known.contains("\($0.urn) \($0.linkedURN)") }
        let records = fresh.map { link in
            fill(EstablishmentLinkRecord(), with: link, authorityID: authorityID, source: source, by: userID, at: now)
        }
        for start in stride(from: 0, to: records.count, by: 500) {
            try await Array(records[start..<min(start + 500, records.count)]).create(on: database)
        }
        for link in links where known.contains("\(link.urn) \(link.linkedURN)") {
            let record = try await EstablishmentLinkRecord.query(on: database).filter(\.$authority.$id == authorityID)
                .filter(\.$urn == link.urn).filter(\.$linkedURN == link.linkedURN).first() ?? EstablishmentLinkRecord()
            try await fill(record, with: link, authorityID: authorityID, source: source, by: userID, at: now).save(on: database)
        }
    }

    private static func fill(_ record: EstablishmentLinkRecord, with link: GIASLink, authorityID: UUID, source: String, by userID: UUID?,
                             at now: Date) -> EstablishmentLinkRecord {
        record.$authority.id = authorityID
        record.urn = link.urn
        record.linkedURN = link.linkedURN
        record.linkedName = link.linkedName ?? record.linkedName
        record.linkType = link.type
        record.established = link.established?.description ?? record.established
        record.source = source
        record.$recordedBy.id = userID
        record.recordedAt = now
        return record
    }

    /// Which establishment replaced which, the close dates of those held settling a merger.
    static func successions(_ links: [GIASLink], records: [String: EstablishmentRecord], closedInFile: [String: Day] = [:]) -> [Succession] {
        Succession.of(links) { urn in closedInFile[urn] ?? records[urn]?.closed.flatMap(Day.init) }
    }

    /// One establishment's links, whichever end GIAS wrote them from, with the establishments
    /// at their other ends that the authority holds, by URN.
    static func around(_ record: EstablishmentRecord, on database: any Database) async throws
        -> (links: [GIASLink], records: [String: EstablishmentRecord]) {
        let authorityID = record.$authority.id
        let links = try await EstablishmentLinkRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .group(.or) { $0.filter(\.$urn == record.urn).filter(\.$linkedURN == record.urn) }.all().map(\.link)
        let urns = Set(links.flatMap { [$0.urn, $0.linkedURN] })
        let held = urns.isEmpty ? [] : try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .filter(\.$urn ~~ Array(urns)).all()
        return (links, Dictionary(held.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The establishments one replaced that the authority holds.
    static func predecessors(of record: EstablishmentRecord, on database: any Database) async throws -> [EstablishmentRecord] {
        let (links, records) = try await around(record, on: database)
        return successions(links, records: records).filter { $0.successor == record.urn }.compactMap { records[$0.predecessor] }
    }

    /// By successor's id, the ids of the establishments it replaced that the authority holds.
    static func predecessorIDs(authorityID: UUID, on database: any Database) async throws -> [UUID: [UUID]] {
        let links = try await all(authorityID: authorityID, on: database)
        guard !links.isEmpty else { return [:] }
        // The three columns a succession reads, not every establishment's every column.
        let all = try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .field(\.$id).field(\.$urn).field(\.$closed).all()
        let records = Dictionary(all.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        var ids: [UUID: [UUID]] = [:]
        for pair in successions(links, records: records) {
            guard let successor = records[pair.successor]?.id, let predecessor = records[pair.predecessor]?.id else { continue }
            ids[successor, default: []].append(predecessor)
        }
        return ids
    }
}
