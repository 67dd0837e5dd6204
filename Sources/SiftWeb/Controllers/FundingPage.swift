import Fluent
import Foundation
import SiftCore
import Vapor

/// Builds the funding page's context from a year's funding.
enum FundingPage {
    static let pageSize = 50

    static func context(_ funding: YearFunding, user: User, page requested: Int, request: Request) async throws -> FundingPageContext {
        let framework = funding.engine.framework
        let year = funding.year.year
        let unpriced = Dictionary(grouping: funding.unpriced, by: \.network).mapValues(\.count)
        let notDecided = funding.notDecided.values.reduce(0, +)
        // A school that moved network in the year has a row for each part: counted once.
        let decided = Set(funding.funded.map(\.urn)).count + funding.unpriced.count
        let incomplete = Set(funding.funded.filter { $0.funding.total == nil }.map(\.urn)).count + funding.unpriced.count
        let entries = (funding.funded.map { ($0.name, $0.urn, Entry.funded($0)) } + funding.unpriced.map { ($0.name, $0.urn, Entry.unpriced($0)) })
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        let paging = Paging(count: entries.count, size: pageSize, requested: requested)
        let base = SiteRoute.funding.path + "?year=\(year)"
        let authority = try await user.$authority.get(on: request.db)
        return FundingPageContext(
            layout: try await LayoutContext.make(request, title: "Funding in \(funding.year)", current: .funding),
            yearLabel: funding.year.description,
            years: [year - 1, year + 1].map { FormLink(label: Runs.label($0), href: SiteRoute.funding.path + "?year=\($0)") },
            scope: user.role == .networkLead ? (user.network ?? "") : authority.name,
            frameworkName: framework.name,
            rules: framework.funding.map { rule(for: $0, engine: funding.engine) },
            proration: framework.fundingProration == .days
                ? "A change of category during the year re-prices the rest of it: each category is funded for the days it was held, the day of the change belonging to the new category."
                : "The category held on 1 September funds the whole year: a change during the year is funded from the next year.",
            parametersHref: user.role == .administrator ? SiteRoute.parameters.path : nil,
            summary: ["\(decided) of \(decided + notDecided) establishments have a category agreed for \(funding.year); \(notDecided) not decided, and not priced.",
                      "Funding worked out: \(Money.pounds(user.role == .networkLead ? funding.totals.networks.reduce(0) { $0 + $1.amount } : funding.totals.authority.amount))"
                          + (incomplete > 0 ? ", leaving out what could not be worked out for \(incomplete) \(incomplete == 1 ? "establishment" : "establishments") (below)." : ".")],
            totals: totals(funding, unpriced: unpriced, showAuthority: user.role != .networkLead),
            showTriggering: framework.funding.contains { $0.kind == .triggeredPerPupil },
            reasons: reasons(funding),
            rows: paging.rows(of: entries).map(\.row),
            page: paging.page, pageCount: paging.pageCount, previous: paging.previous(base), next: paging.next(base),
            csvHref: SiteRoute.fundingCSV.path + "?year=\(year)", networksCSVHref: SiteRoute.fundingNetworksCSV.path + "?year=\(year)")
    }

    static func rule(for rule: FundingRule, engine: DecisionEngine) -> FundingPageContext.Rule {
        let parameters = engine.framework.parameters
        func value(_ weight: Weight) -> String {
            switch weight {
            case .number(let number): return Tree.format(number)
            case .parameter(let index): return engine.parameters[index].map(Tree.format) ?? "not set"
            }
        }
        let weights = { (weights: [String: Weight]) in weights.sorted { $0.key < $1.key }.map { "\($0.key) × \(value($0.value))" }.joined(separator: ", ") }
        let rate = parameters[rule.rateParameter]
        let how: String
        switch rule.kind {
        case .perPupilByCategory:
            how = "Pupils on roll × \(rate.id) × the category's weight (\(weights(rule.weights)))"
                + (rule.designationWeights.isEmpty ? "" : " × the designation's weight (\(weights(rule.designationWeights)))")
        case .triggeredPerPupil:
            how = "Pupils on roll × \(rate.id), for an establishment in a category that triggers it: \(rule.triggers.sorted().joined(separator: ", "))"
        }
        let inForce = engine.parameters[rule.rateParameter].map { "\(rate.id) is \(Tree.format($0))\(rate.unit.map { " \($0)" } ?? "")" }
        return .init(id: rule.id, how: how, rate: inForce ?? "\(rate.id) is not set", cite: rule.citation.cite ?? "")
    }

    /// One row per network and rule, with establishments not decided and not worked out; then the authority's.
    static func totals(_ funding: YearFunding, unpriced: [String?: Int], showAuthority: Bool) -> [FundingPageContext.Total] {
        let byNetwork = Dictionary(funding.totals.networks.map { total -> (String?, FundingTotal) in
            if case .network(let name) = total.scope { return (name, total) }
            return (nil, total)
        }, uniquingKeysWith: { first, _ in first })
        let keys = Set(byNetwork.keys).union(funding.notDecided.keys).union(unpriced.keys)
        let ordered = keys.compactMap { $0 }.sorted().map(Optional.some) + (keys.contains(nil) ? [nil] : [])
        var groups = ordered.map { key in (key ?? "No network", byNetwork[key], unpriced[key] ?? 0, funding.notDecided[key] ?? 0, false) }
        if showAuthority {
            groups.append(("Authority", funding.totals.authority, funding.unpriced.count, funding.notDecided.values.reduce(0, +), true))
        }
        return groups.flatMap { name, total, unpriced, notDecided, isAuthority in
            funding.engine.framework.funding.map { rule in
                let sum = total?.rules.first { $0.id == rule.id }
                let worked = (sum?.establishments ?? 0) - (sum?.notWorkedOut.count ?? 0)
                return .init(network: name, rule: rule.id, priced: sum?.establishments ?? 0, triggering: sum?.triggered.map(String.init) ?? "",
                             pupils: sum?.pupils ?? 0, amount: worked > 0 ? Money.pounds(sum?.amount ?? 0) : "None worked out",
                             notWorkedOut: (sum?.notWorkedOut.count ?? 0) + unpriced, notDecided: notDecided, isAuthority: isAuthority)
            }
        }
    }

    /// Why amounts could not be worked out, most common first.
    static func reasons(_ funding: YearFunding) -> [FundingPageContext.Reason] {
        var counts: [String: Int] = [:]
        for member in funding.funded {
            for note in Set(member.funding.lines.flatMap { line in line.notWorkedOut.map { "\(line.id): \($0)" } }) { counts[note, default: 0] += 1 }
        }
        if !funding.unpriced.isEmpty {
            counts["no category was agreed for 1 September: the year's first decision is a change during it", default: 0] += funding.unpriced.count
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { .init(note: $0.key, count: $0.value) }
    }

    enum Entry {
        case funded(EstablishmentFunding), unpriced(YearFunding.Unpriced)

        var row: FundingPageContext.Row {
            switch self {
            case .funded(let member):
                let funding = member.funding
                let amount = funding.total.map(Money.pounds)
                    ?? (funding.workedOut > 0 ? "\(Money.pounds(funding.workedOut)) worked out; the rest not" : "Not worked out")
                let notes = funding.lines.flatMap { line in
                    line.notWorkedOut.map { "\(line.id): \($0)" } + (line.triggered == false ? ["\(line.id): not in a category that triggers it"] : [])
                }
                return .init(urn: member.urn, name: member.name, href: SiteRoute.establishment(urn: member.urn).path, network: member.network ?? "",
                             pupils: member.pupils.map(String.init) ?? "Not recorded", categories: DecisionPeriods.text(funding.periods),
                             amount: amount, workedOut: funding.total != nil, notes: notes)
            case .unpriced(let member):
                return .init(urn: member.urn, name: member.name, href: SiteRoute.establishment(urn: member.urn).path, network: member.network ?? "",
                             pupils: "", categories: member.categories, amount: "Not worked out", workedOut: false, notes: [member.note])
            }
        }
    }
}
