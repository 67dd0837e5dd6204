import Fluent
import Foundation
import SiftCore
import Vapor

/// A person's decision of a category checked against the framework's constraints, on the
/// establishment's evidence as it is now (docs/web-service.md, "Deciding a category"). A
/// breach is refused in the framework's words, unless the framework lets this person's
/// role make an exception to it and the person asks to: the decision then records it.
enum DecisionChecks {
    struct Outcome {
        var errors: [FieldError] = []
        /// The box to offer, where every breach allows this person an exception.
        var exceptionOffer = ""
        /// The constraints the decision is an exception to, by id.
        var exception: String?
    }

    static func check(_ request: Request, user: User, record: EstablishmentRecord, category: String, exceptionAsked: Bool) async throws -> Outcome {
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
        let today = Day(request.now)
        let establishment = try await PreviousCategories.establishment(record, on: today, database: request.db)
        if let closed = establishment.closed, closed <= today {
            return Outcome(errors: [FieldError(field: "category", message: "\(record.name) closed on \(closed.longText): it is no longer given a category.")])
        }
        if let why = engine.covering(establishment).framework.notCovering(establishment) {
            return Outcome(errors: [FieldError(field: "category", message: why + " It cannot be given a category under it.")])
        }
        let breaches = engine.breaches(of: category, for: establishment, runDate: today)
        guard !breaches.isEmpty else { return Outcome() }
        let excusable = breaches.allSatisfy { $0.unrecorded == nil && $0.allowsException(by: user.role.rawValue) }
        if excusable && exceptionAsked { return Outcome(exception: breaches.map(\.constraint.id).joined(separator: ", ")) }
        var outcome = Outcome(errors: breaches.map { FieldError(field: "category", message: $0.sentence) })
        if excusable {
            outcome.exceptionOffer = "Record \(category) as an exception to this rule of the framework, for the reason given"
        }
        return outcome
    }
}
