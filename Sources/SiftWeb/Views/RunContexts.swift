struct RunsContext: Encodable, Sendable {
    struct Year: Encodable, Sendable {
        var label: String
        var status: String
        var href: String
    }
    var layout: LayoutContext
    var years: [Year]
    var nextYear: Int
    var nextYearLabel: String
    var canStart: Bool
    var errors: [FieldError]
    var whatIfHref = SiteRoute.whatIf.path
}

struct RunContext: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var urn: String
        var name: String
        var previous: String
        var proposed: String
        var decided: String
        var status: String
        var changed: Bool
        var judgement: Bool
        var href: String
    }
    var layout: LayoutContext
    var year: Int
    var yearLabel: String
    var status: String
    var total: Int
    var decided: Int
    var remaining: Int
    var changed: Int
    /// Establishments with data flags that could not be judged for want of national
    /// figures, and which measures and years lack them.
    var nationalGaps: Int
    var nationalGapLines: [String]
    var nationalGapsRemedy: String
    var show: String
    var rows: [Row]
    var confirmAction: String
    var canConfirm: Bool
    var errors: [FieldError]
    var agreeAllAction: String
    /// Proposals the framework decided that no one has agreed yet, asking no judgement.
    var agreeable: Int
    /// The establishments the framework does not cover, with why: they have no proposal.
    var notCovered: [String]
    var notCoveredHeading: String
}

struct DecisionFormContext: Encodable, Sendable {
    var layout: LayoutContext
    var heading: String
    var yearLabel: String
    var urn: String
    var name: String
    var proposed: String
    var proposedName: String
    /// Why the framework could not decide, and what would decide it; empty when it did.
    var undetermined: String
    var judgement: String
    var reasons: [EstablishmentContext.ReasonItem]
    var status: String
    var categories: [EstablishmentListContext.Option]
    var reason: String
    var errors: [FieldError]
    var action: String
    var backHref: String
    /// In-year changes have no proposal to agree: only a new category and a reason.
    var canAgree: Bool
    /// Where the category chosen breaks a constraint the framework lets this person make an
    /// exception to: the box to tick, in words; empty otherwise.
    var exceptionOffer: String = ""
}

struct LetterContext: Encodable, Sendable {
    var layout: LayoutContext
    var title: String
    var issued: String
    var body: String
    var backHref: String
}

/// A page following work under way (an annual run, an import): it reloads itself until the
/// work is done, or shows why it failed.
struct ProgressPageContext: Encodable, Sendable {
    var layout: LayoutContext
    var caption: String
    var heading: String
    var phase: String
    var done: Int
    var total: Int
    var percent: Int
    var barLabel: String
    var explanation: String
    var failureTitle: String
    var failure: String?
    var backHref: String
    var backLabel: String
    var selfHref: String
}

/// The report of a public file's import, with each rejected row by line.
struct ImportReportContext: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var line: Int
        var column: String
        var message: String
    }
    var layout: LayoutContext
    var heading: String
    var lines: [String]
    var rejected: [Row]
    var notes: [Row]
    var againHref: String
}
