import Fluent
import Foundation
import SiftCore
import Vapor

/// Letters to the headteacher and chair of governors confirming a category, its reasons and
/// its support. Rendered once, when issued, and kept as issued.
enum Letters {
    struct Body: Encodable {
        var authority: String
        var establishment: String
        var urn: String
        var date: String
        var year: String
        var category: String
        var categoryName: String
        var designation: String
        var change: String
        var reason: String
        var reasons: [EstablishmentContext.ReasonItem]
        var support: [String]
        var plan: [EstablishmentContext.PlanRow]
        var planTotal: String
        /// Whoever runs the establishment: a school's headteacher and governors, a setting's
        /// registered person and manager, the childminder.
        var addressee: String
        /// The plan's unit as its column heading: "Days", "Hours", "Visits".
        var planUnit: String
    }

    static func addressee(_ kind: EstablishmentKind?, registeredPerson: String? = nil, manager: String? = nil) -> String {
        switch kind?.setting ?? .school {
        case .school: return "To the headteacher and the chair of governors"
        case .pvi, .outOfHours:
            // By name where the setting's record gives them, as Ofsted registers them.
            let person = registeredPerson.map { "\($0), the registered person" } ?? "the registered person"
            let running = manager.map { "\($0), the manager" } ?? "the manager"
            return "To \(person), and \(running)"
        case .childminder: return registeredPerson.map { "To \($0), childminder" } ?? "To the childminder"
        }
    }

    static func issue(_ request: Request, record: EstablishmentRecord, decision: DecisionRecord) async throws {
        let authority = try await record.$authority.get(on: request.db)
        let engine = try await request.sift.engine(for: authority, on: request.db)
        let decided = decision.category
        // The support is that of the category decided, which an override may make differ from the proposal's.
        let establishment = try await PreviousCategories.establishment(record, on: Day(request.now), database: request.db)
        let framework = engine.covering(establishment).framework
        let result = engine.categorise(establishment, runDate: Day(request.now), supportFor: decided)
        let change: String
        switch decision.status {
        case .overridden: change = "The local authority has decided this category in place of the framework's proposal (\(result.category?.code ?? "none"))."
        case .inYearChange:
            let setting = EstablishmentKind(rawValue: record.kind)?.setting ?? .school
            change = "This changes the \(setting == .school ? "school" : setting == .childminder ? "childminder" : "setting")'s category during the year."
        default: change = ""
        }
        let body = Body(
            authority: authority.name, establishment: record.name, urn: record.urn, date: Day(request.now).longText,
            year: Runs.label(decision.academicYear), category: decided, categoryName: framework.category(decided)?.name ?? decided,
            designation: decision.designation ?? "", change: change, reason: decision.reason ?? "",
            reasons: decision.status == .agreed ? EstablishmentContext.ReasonItem.all(result) : [],
            support: result.entitlements.map(EntitlementText.short),
            plan: result.plan?.activities.map { .init(term: $0.term, activity: $0.activity, amount: Tree.format($0.amount)) } ?? [],
            planTotal: result.plan.map { "\(Tree.format($0.total)) \($0.unit)" } ?? "",
            addressee: Self.addressee(establishment.kind, registeredPerson: establishment.registeredPerson, manager: establishment.manager),
            planUnit: result.plan.map { $0.unit.capitalizedFirst } ?? "Amount")
        let view = try await request.view.render("letter-body", body)
        let letter = LetterRecord()
        letter.$authority.id = authority.id!
        letter.$establishment.id = try record.requireID()
        letter.$decision.id = try decision.requireID()
        letter.title = "Your category for \(Runs.label(decision.academicYear)): \(decided)"
        letter.body = String(buffer: view.data)
        letter.issuedAt = request.now
        try await letter.save(on: request.db)
    }
}
