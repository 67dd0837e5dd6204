import Fluent
import Foundation
import SiftCore
import Vapor

/// A year's funding for the establishments a user may see, worked out from the decisions
/// under the authority's framework and the rates it has set. Everything is read in four
/// queries whatever the number of establishments: the establishments, the year's decisions,
/// their evidence (for pupils on roll) and the parameter values.
struct YearFunding: Sendable {
    /// A decided establishment whose funding could not be worked out at all, and why.
    struct Unpriced: Sendable {
        var urn: String
        var name: String
        var network: String?
        var categories: String
        var note: String
    }

    var year: AcademicYear
    var engine: DecisionEngine
    /// By name, then URN.
    var funded: [EstablishmentFunding]
    var unpriced: [Unpriced]
    /// Establishments with no agreed, overridden or changed category for the year, by network.
    var notDecided: [String?: Int]
    var totals: FundingTotals

    static func work(for user: User, year: Int, on request: Request) async throws -> YearFunding {
        let database = request.db, authorityID = user.$authority.id
        let academicYear = AcademicYear(year)
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: database), on: database)
        let members = try await EstablishmentScope.query(for: user, on: database).sort(\.$name).sort(\.$urn)
            .rows(["id", "urn", "name", "kind", "phase", "network", "closed", "not_covered"]) { row in
                (id: try row.decode("id", as: UUID.self), urn: try row.decode("urn", as: String.self), name: try row.decode("name", as: String.self),
                 kind: try row.decode("kind", as: String.self), phase: try row.decode("phase", as: String?.self),
                 network: try row.decode("network", as: String?.self),
                 closed: try row.decode("closed", as: String?.self), notCovered: try row.decode("not_covered", as: String?.self))
            }
        let decisions = try await DecisionRecord.query(on: database).filter(\.$authority.$id == authorityID)
            .filter(\.$academicYear == year).filter(\.$status != .provisional).sort(\.$decidedAt)
            .rows(["establishment_id", "category", "designation", "status", "decided_at"]) { row in
                (id: try row.decode("establishment_id", as: UUID.self),
                 placed: PlacedCategory(category: try row.decode("category", as: String.self), designation: try row.decode("designation", as: String?.self),
                                        status: DecisionRecord.Status(rawValue: try row.decode("status", as: String.self)) ?? .provisional,
                                        day: Day(try row.decode("decided_at", as: Date.self))))
            }
        let byEstablishment = Dictionary(grouping: decisions, by: \.id).mapValues { $0.map(\.placed) }
        let pupils = try await pupilsOnRoll(for: user, on: database)
        let memberships = try await Networks.memberships(authorityID: authorityID, on: database)
        let networkNames = Dictionary(try await Networks.all(authorityID: authorityID, on: database).compactMap { network in
            network.id.map { ($0, network.name) }
        }, uniquingKeysWith: { first, _ in first })
        var funding = YearFunding(year: academicYear, engine: engine, funded: [], unpriced: [], notDecided: [:], totals: FundingTotals([]))
        for member in members {
            guard let placed = byEstablishment[member.id] else {
                // Not covered by the framework, or closed by the year's start: nothing to decide.
                let closedBefore = member.closed.flatMap(Day.init).map { $0 <= academicYear.start } ?? false
                if member.notCovered == nil && !closedBefore { funding.notDecided[member.network, default: 0] += 1 }
                continue
            }
            guard let kind = EstablishmentKind(rawValue: member.kind) else {
                throw Abort(.internalServerError, reason: "the stored kind of \(member.urn) does not read: \(member.kind)")
            }
            var establishment = Establishment(urn: member.urn, name: member.name, kind: kind)
            establishment.pupils = pupils[member.id]
            // Its phase and kind say which of the authority's frameworks funds it.
            establishment.phase = member.phase.flatMap(Phase.init(rawValue:))
            // A closed establishment is funded to the day before it closed.
            establishment.closed = member.closed.flatMap(Day.init)
            // Funding follows the network it was in on each day: a school that moved during the
            // year is counted in each network for its days there.
            let history = memberships[member.id] ?? []
            let stints = history.isEmpty ? [Networks.Stint(network: member.network, from: academicYear.start, to: academicYear.end)]
                : Networks.stints(history, names: networkNames, from: academicYear.start, to: academicYear.end)
            do {
                for stint in stints {
                    establishment.network = stint.network
                    funding.funded.append(try engine.fundingYear(for: establishment, in: academicYear,
                                                                 periods: DecisionPeriods.periods(placed, in: academicYear),
                                                                 proration: engine.framework.fundingProration,
                                                                 part: stints.count == 1 ? nil : (from: stint.from, to: stint.to)))
                }
            } catch {
                let first = placed.first.map { "\($0.category) from \($0.day.longText)" } ?? ""
                funding.unpriced.append(Unpriced(
                    urn: member.urn, name: member.name, network: member.network, categories: first,
                    note: "no category was agreed for 1 September: the year's first decision is a change during it (\(first))"))
            }
        }
        funding.totals = FundingTotals(funding.funded)
        return funding
    }

    /// Pupils on roll by establishment, from the evidence of those the user may see. Only the
    /// top-level `pupils` member is read: funding needs nothing else of the evidence, and it was
    /// stored only after reading without a problem, so it is a whole number in range.
    private static func pupilsOnRoll(for user: User, on database: any Database) async throws -> [UUID: Int] {
        let query = EvidenceRecord.query(on: database)
            .join(EstablishmentRecord.self, on: \EvidenceRecord.$establishment.$id == \EstablishmentRecord.$id)
            .filter(EstablishmentRecord.self, \.$authority.$id == user.$authority.id)
        // No NUL stand-in for a missing network: PostgreSQL refuses it in a text parameter.
        switch user.role {
        case .administrator, .officer, .readOnly: break
        case .networkLead:
            guard let network = user.network else { return [:] }
            query.filter(EstablishmentRecord.self, \.$network == network)
        case .schoolUser:
            guard let urn = user.establishmentURN else { return [:] }
            query.filter(EstablishmentRecord.self, \.$urn == urn)
        }
        let rows = try await query.rows(["establishment_id", "evidence"]) { row in
            (try row.decode("establishment_id", as: UUID.self), try row.decode("evidence", as: String.self))
        }
        var pupils: [UUID: Int] = [:]
        for (id, text) in rows {
            if let number = JSONReader.topLevelNumber("pupils", in: text) { pupils[id] = Int(number) }
        }
        return pupils
    }
}
