import Foundation

/// An establishment's year of support: its plan against the allocation, what was delivered,
/// and for officers the forms that change them.
struct SupportPageContext: Encodable, Sendable {
    struct Tally: Encodable, Sendable {
        var unit: String
        var allocation: String
        var planned: String
        var delivered: String
        var remaining: String
        var isOver: Bool
    }

    struct Activity: Encodable, Sendable {
        var id: String
        var term: String
        var activity: String
        var amount: String
        var origin: String
        var note: String
        var delivered: String
        var cite: String
    }

    struct Withdrawn: Encodable, Sendable {
        var term: String
        var activity: String
        var amount: String
        var reason: String
        var when: String
    }

    struct Delivered: Encodable, Sendable {
        var id: String
        var date: String
        var kind: String
        var activity: String
        var adviser: String
        var amount: String
        var outcome: String
        /// Empty for a school's user until the notes are shared.
        var notes: String
        var shared: Bool
    }

    var layout: LayoutContext
    var urn: String
    var name: String
    var year: Int
    var yearLabel: String
    var years: [FormLink]
    var category: String
    var mayChange: Bool
    var createAction: String?
    var notice: String?
    var errors: [FieldError]
    var tallies: [Tally]
    var overWarning: String?
    var activities: [Activity]
    var withdrawn: [Withdrawn]
    var termChoices: [FormField.Option]
    var extraFields: [FormField]
    var deliveredFields: [FormField]
    var delivered: [Delivered]
    var extraAction: String
    var moveAction: String
    var deliveredAction: String
    var shareAction: String
    var backHref: String
    /// Whether the school has opted out of support (`PartnershipPage.status`), and where that is kept.
    var optOut: String?
    var partnershipHref: String
}
