/// An establishment's meetings, action plan and exit criteria for a year.
struct MeetingsContext: Encodable, Sendable {
    struct Requirement: Encodable, Sendable {
        var name: String
        var held: Int
        var required: String
        var frequency: String
        var behind: Bool
        var cite: String
    }

    struct Meeting: Encodable, Sendable {
        var date: String
        var kind: String
        var attendees: String
        var minutes: String
        var risk: String
        var progress: String
    }

    struct Action: Encodable, Sendable {
        var id: String
        var action: String
        var owner: String
        var due: String
        var reviews: [String]
        var reviewedThisTerm: Bool
    }

    struct Criterion: Encodable, Sendable {
        var id: String
        var text: String
        var nonNegotiable: Bool
        var met: Bool
        var judged: String
    }

    /// What the last form carried, to show again beside its errors.
    struct Values: Encodable, Sendable {
        var date: String
        var attendees: String
        var minutes: String
        var progress: String
        var action: String
        var owner: String
        var due: String
    }

    var layout: LayoutContext
    var urn: String
    var name: String
    var year: Int
    var yearLabel: String
    var years: [FormLink]
    var category: String
    var notice: String?
    var errors: [FieldError]
    var mayChange: Bool
    var earlyYears: Bool
    var requirements: [Requirement]
    var meetings: [Meeting]
    var actions: [Action]
    var currentTerm: String
    var currentTermValue: String
    var kindChoices: [FormField.Option]
    var riskChoices: [FormField.Option]
    var statusChoices: [FormField.Option]
    var termChoices: [FormField.Option]
    var tib: Bool
    var criteria: [Criterion]
    var canLeave: Bool
    var form: Values
    /// Where the page's forms post: the page's own path, then the form's part.
    var actionBase: String
    var backHref: String
}
