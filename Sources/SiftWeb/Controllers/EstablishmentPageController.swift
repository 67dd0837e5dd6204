import Foundation
import Fluent
import SiftCore
import Vapor

/// One establishment: its evidence, its category with reasons and citations, its support
/// and plan, and its history of decisions.
struct EstablishmentPageController {
    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard let urn = request.parameters.get("urn") else { throw Abort(.notFound) }
        let record = try await EstablishmentScope.find(urn: urn, for: user, on: request.db)
        let authority = try await user.$authority.get(on: request.db)
        let engine = try await request.sift.engine(for: authority, on: request.db)
        let establishment = try await PreviousCategories.establishment(record, on: Day(request.now), database: request.db)
        let framework = engine.covering(establishment).framework
        let result = engine.categorise(establishment, runDate: Day(request.now))
        let lineage = try await Lineage.of(record, on: request.db)
        var decisions = try await EstablishmentHistory.decisions(establishmentID: record.requireID(), on: request.db).map { (of: "", decision: $0) }
        for predecessor in lineage.predecessors {
            decisions += try await EstablishmentHistory.decisions(establishmentID: predecessor.requireID(), on: request.db)
                .map { (of: "As \(predecessor.name)", decision: $0) }
        }
        decisions.sort { $0.decision.decidedAt > $1.decision.decidedAt }
        let letters = try await EstablishmentHistory.letters(establishmentID: record.requireID(), on: request.db)
        let mayChange = user.role == .officer || user.role == .administrator
        let measureRows = Self.measureRows(establishment)
        let context = EstablishmentContext(
            layout: try await LayoutContext.make(request, title: record.name, current: .establishment(urn: record.urn)),
            urn: record.urn, name: record.name,
            details: Self.details(establishment),
            links: lineage.items, linkHref: mayChange ? SiteRoute.establishmentLinks(urn: record.urn).path : nil,
            inspections: establishment.inspections.reversed().map { inspection in
                var row = Self.inspectionRow(inspection)
                row.of = lineage.inspected(inspection)
                return row
            },
            measureYears: Self.years(establishment).map(String.init),
            hasMeasures: !measureRows.isEmpty,
            measureRows: measureRows.map(\.html).joined(),
            local: Self.local(establishment),
            nationalGaps: result.nationalContextMissing.map { NationalGaps.Gap(measure: $0.measure, year: $0.year).label },
            nationalGapsRemedy: mayChange ? NationalGaps.remedy : "",
            notCovered: result.notCovered ?? "",
            undetermined: Self.undetermined(result, sets: "category"), designationUndetermined: Self.undetermined(result, sets: "designation"),
            category: result.category?.code ?? "", categoryName: result.category?.name ?? "",
            designation: result.designation.map { "\($0.code) – \($0.name)" } ?? "", indicator: result.indicator ?? "",
            judgement: result.judgement.map { "A professional judgement between \($0.alternatives.joined(separator: " and ")): \($0.proposed) is proposed. \($0.why)" } ?? "",
            dataTrend: Self.dataTrend(result, establishment),
            reasons: EstablishmentContext.ReasonItem.all(result),
            notApplied: result.notApplied.map { "\($0.row): \($0.why)" },
            entitlements: result.entitlements.map(EntitlementText.short),
            plan: result.plan?.activities.map { .init(term: $0.term, activity: $0.activity, amount: Tree.format($0.amount)) } ?? [],
            planTotal: result.plan.map { "\(Tree.format($0.total)) of \(Tree.format($0.allocation)) \($0.unit)" } ?? "",
            history: decisions.map { of, decision in
                .init(year: decision.academicYear, category: decision.category == Runs.undecided ? "To be decided" : decision.category,
                      status: decision.status.rawValue.spacedWords,
                      reason: (decision.reason ?? "") + (decision.exception == nil ? "" : " (Recorded as an exception the framework allows to its rules.)"), who: decision.decidedBy ?? "", when: Day(decision.decidedAt).description, of: of)
            },
            currentCategory: record.currentCategory.map { code in "\(code) – \(framework.category(code)?.name ?? code)" } ?? "",
            letters: letters.map { .init(title: $0.title, issued: Day($0.issuedAt).description, href: SiteRoute.letter(id: $0.id.uuidString).path) },
            supportHref: SiteRoute.support(urn: record.urn).path, meetingsHref: SiteRoute.meetings(urn: record.urn).path,
            complianceHref: SiteRoute.compliance(urn: record.urn).path,
            partnershipHref: SiteRoute.partnership(urn: record.urn).path,
            optOut: PartnershipPage.status(try await Partnership.optOuts(establishmentID: record.requireID(), on: request.db).first),
            recategoriseHref: mayChange ? SiteRoute.recategorise(urn: record.urn).path : nil,
            addInspectionHref: mayChange ? SiteRoute.addInspection(urn: record.urn).path : nil,
            measuresHref: mayChange ? SiteRoute.measures(urn: record.urn).path : nil,
            localEvidenceHref: mayChange ? SiteRoute.localEvidence(urn: record.urn).path : nil,
            factsHref: mayChange ? SiteRoute.establishmentFacts(urn: record.urn).path : nil)
        return try await request.view.render("establishment", context).encodeResponse(for: request)
    }

    /// "Worked out from the results: a small decline, …", or what the authority recorded instead.
    static func dataTrend(_ result: CategorisationResult, _ establishment: Establishment) -> String {
        guard let trend = result.dataTrend else { return "" }
        let worked = "Worked out from the results: \(trend.description.prefix(1).uppercased() + trend.description.dropFirst())."
        guard trend.overridden, let recorded = establishment.local.trend else { return worked }
        let reason = establishment.local.trendReason.map { " because \($0.prefix(1).lowercased() + $0.dropFirst())" } ?? ""
        return worked + " The authority recorded \(recorded.rawValue.spacedWords) instead\(reason), and that stands."
    }

    /// "It could be 1, 3 or 4: what would decide it is not recorded: …", for a table unknown
    /// facts leave open; empty when the table was decided.
    static func undetermined(_ result: CategorisationResult, sets: String) -> String {
        guard let open = result.undetermined.first(where: { $0.sets == sets }) else { return "" }
        let codes = open.possible.map { $0 ?? "none" }
        let possible = codes.dropLast().joined(separator: ", ") + (codes.count > 1 ? " or " : "") + (codes.last ?? "")
        return "It could be \(possible); what would decide it is not recorded: "
            + open.open.map { "\($0.fact) (\($0.why))" }.joined(separator: "; ") + ". An officer decides it."
    }

    static func details(_ e: Establishment) -> [EstablishmentContext.Fact] {
        var facts: [EstablishmentContext.Fact] = [.init(label: "Kind", value: e.kind.rawValue.spacedWords)]
        if let phase = e.phase { facts.append(.init(label: "Phase", value: phase.rawValue.spacedWords)) }
        if let pupils = e.pupils { facts.append(.init(label: "Pupils on roll", value: String(pupils))) }
        if let network = e.network { facts.append(.init(label: "Network", value: network)) }
        if let start = e.headteacher?.startDate { facts.append(.init(label: e.kind.setting == .school ? "Headteacher since" : "Manager since", value: start.longText)) }
        if let opened = e.opened { facts.append(.init(label: "Opened", value: opened.longText)) }
        if let person = e.registeredPerson { facts.append(.init(label: "Registered person", value: person)) }
        if let manager = e.manager { facts.append(.init(label: "Manager", value: manager)) }
        if let twos = e.providesForTwoYearOlds { facts.append(.init(label: "Provides for two-year-olds", value: twos ? "Yes" : "No")) }
        return facts
    }

    static func inspectionRow(_ inspection: Inspection) -> EstablishmentContext.InspectionRow {
        let grades = ["", "Outstanding", "Good", "Requires improvement", "Inadequate"]
        var overall = inspection.overallEffectiveness.map { grades[$0] } ?? "No overall grade"
        if inspection.overallEffectiveness == 3 && inspection.isSatisfactoryEra { overall = "Satisfactory" }
        if inspection.framework == .ungradedInspection {
            overall = inspection.outcomeText ?? "The grade stands"
        }
        if inspection.framework == .reportCard2025 {
            overall = inspection.reportCard.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.rawValue.spacedWords): \($0.value.name.spacedWords)" }.joined(separator: "; ")
        }
        return .init(date: inspection.date.description, framework: inspection.framework.rawValue.spacedWords, overall: overall,
                     leadership: inspection.keyJudgements[.leadershipAndManagement].map { grades[$0] } ?? "",
                     concern: inspection.categoryOfConcern == .none ? "" : inspection.categoryOfConcern.rawValue.spacedWords)
    }

    static func years(_ e: Establishment) -> [Int] {
        Array(Set(e.measures.flatMap { $0.map(\.year) })).sorted()
    }

    /// A row per measure, a cell per year; a year without a figure says why, never shows zero.
    static func measureRows(_ e: Establishment) -> [EstablishmentContext.MeasureRow] {
        let years = years(e)
        return MeasureID.allCases.compactMap { id in
            let records = e.records(id)
            guard !records.isEmpty else { return nil }
            let values = years.map { year -> String in
                guard let record = records.first(where: { $0.year == year }) else { return "–" }
                guard record.status == .published, let value = record.value else { return record.status.rawValue.spacedWords }
                if let lower = record.lower, let upper = record.upper { return "\(Tree.format(value)) (\(Tree.format(lower)) to \(Tree.format(upper)))" }
                return Tree.format(value)
            }
            let published = records.compactMap { record in record.status == .published ? record.value.map { (year: record.year, value: $0) } : nil }
            return .init(measure: id.label, values: values, chart: TrendChart(published, measure: id.label))
        }
    }

    static func local(_ e: Establishment) -> [EstablishmentContext.Fact] {
        let l = e.local
        let pairs: [(String, String?)] = [
            ("Data trend", l.trend?.rawValue), ("Risk at the next inspection", l.risk?.rawValue), ("LA view of effectiveness", l.view?.rawValue),
            ("Validated self-evaluation", l.sefValidatedGrade.map(String.init)), ("Governance", l.governanceRag?.rawValue),
            ("Capacity to improve", l.capacityToImprove?.rawValue), ("Specific vulnerability", l.vulnerability),
            ("Previous category", l.previousCategory),
        ]
        let facts = pairs.compactMap { label, value in value.map { EstablishmentContext.Fact(label: label, value: $0.spacedWords) } }
        let flags: [(String, Bool?)] = [
            ("Safeguarding concern", l.safeguardingConcern), ("Proven improvement trajectory", l.improvementTrajectory),
            ("Asked for additional support", l.selfIdentified), ("Opted out of support", l.optedOut),
            ("An area judgement at risk", l.areaAtRisk), ("Wider aspects of concern", l.widerAspects),
            ("Significant change in senior leadership", l.leadershipChange),
        ]
        let aspects = (l.specificAspects ?? 0) > 0 ? [EstablishmentContext.Fact(label: "Specific aspects needing support", value: String(l.specificAspects ?? 0))] : []
        return facts + aspects + flags.compactMap { label, flag in flag == true ? .init(label: label, value: "Yes") : nil }
    }
}
