import Fluent
import Foundation
import SiftCore

/// The schools an establishment replaced or was replaced by (conversions, amalgamations,
/// splits), for its page: a converter's page shows its predecessor's inspections and decisions.
struct Lineage {
    var items: [EstablishmentContext.LinkItem] = []
    /// The establishments it replaced that the authority holds.
    var predecessors: [EstablishmentRecord] = []
    /// Names of linked establishments by URN, for inspections of them.
    var names: [String: String] = [:]

    static func of(_ record: EstablishmentRecord, on database: any Database) async throws -> Lineage {
        let (links, records) = try await EstablishmentLinks.around(record, on: database)
        var lineage = Lineage()
        for link in links { lineage.names[link.linkedURN] = link.linkedName }
        for (urn, held) in records { lineage.names[urn] = held.name }
        let successions = EstablishmentLinks.successions(links, records: records)
        var shown = Set<String>()
        for pair in successions where pair.successor == record.urn || pair.predecessor == record.urn {
            let other = pair.successor == record.urn ? pair.predecessor : pair.successor
            guard shown.insert(other).inserted else { continue }
            let date = links.first { Set([$0.urn, $0.linkedURN]) == Set([record.urn, other]) }?.established
            let on = date.map { " on \($0.longText)" } ?? ""
            let closed = records[other]?.closed.flatMap(Day.init).map { " It closed on \($0.longText)." } ?? ""
            let text = pair.successor == record.urn ? "(URN \(other)), which this school replaced\(on).\(closed)"
                                                     : "(URN \(other)), which replaced this school\(on)."
            lineage.items.append(.init(text: text, name: lineage.names[other] ?? "A school", href: records[other].map { SiteRoute.establishment(urn: $0.urn).path }))
            if pair.successor == record.urn, let held = records[other] { lineage.predecessors.append(held) }
        }
        for link in links where link.role == .other {
            let other = link.urn == record.urn ? link.linkedURN : link.urn
            guard shown.insert(other).inserted else { continue }
            lineage.items.append(.init(text: "(URN \(other)): linked in GIAS as \"\(link.type)\".", name: lineage.names[other] ?? "A school",
                                       href: records[other].map { SiteRoute.establishment(urn: $0.urn).path }))
        }
        return lineage
    }

    /// "An inspection of Wyke Primary School (URN 124935), which this school replaced".
    func inspected(_ inspection: Inspection) -> String {
        guard let urn = inspection.urnAtInspection else { return "" }
        return "An inspection of \(names[urn].map { "\($0) (URN \(urn))" } ?? "URN \(urn)"), which this school replaced"
    }
}
