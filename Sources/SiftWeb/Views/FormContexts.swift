import Vapor

/// One field of an evidence form, drawn by the shared form template in the GOV.UK pattern
/// for its kind: a text input, a select, or a checkbox.
struct FormField: Encodable, Sendable {
    enum Kind: String, Encodable, Sendable { case text, select, checkbox, file, textarea }
    typealias Option = EstablishmentListContext.Option

    var name: String
    var label: String
    var hint: String?
    var kind: Kind
    var value: String = ""
    var options: [Option] = []
    var checked: Bool = false
    var width: String = "govuk-input--width-10"
    var error: String?

    static func text(_ name: String, _ label: String, hint: String? = nil, value: String, width: String = "govuk-input--width-10") -> Self {
        .init(name: name, label: label, hint: hint, kind: .text, value: value, width: width)
    }

    static func select(_ name: String, _ label: String, hint: String? = nil, choices: [(String, String)], selected: String) -> Self {
        .init(name: name, label: label, hint: hint, kind: .select,
              options: choices.map { Option(value: $0.0, label: $0.1, selected: $0.0 == selected) })
    }

    static func file(_ name: String, _ label: String, hint: String? = nil) -> Self {
        .init(name: name, label: label, hint: hint, kind: .file)
    }

    static func checkbox(_ name: String, _ label: String, hint: String? = nil, checked: Bool) -> Self {
        .init(name: name, label: label, hint: hint, kind: .checkbox, checked: checked)
    }
}

/// Fields under one legend.
struct FormFieldset: Encodable, Sendable {
    var legend: String?
    var hint: String?
    var fields: [FormField]
}

/// A page with one form, such as a change to an establishment's evidence or to a user,
/// with the GOV.UK error summary.
struct FormPageContext: Encodable, Sendable {
    var layout: LayoutContext
    /// What the form is about, above the heading.
    var caption: String
    var heading: String
    var intro: String?
    var action: String
    var backHref: String
    var submit: String
    var fieldsets: [FormFieldset]
    var errors: [FieldError]
    /// Other pages of the same form, such as other years.
    var links: [FormLink] = []
    var linksHeading: String?
    /// A form that sends a file.
    var multipart = false
    /// What was just done, in a GOV.UK success banner above the heading.
    var notice: String?
    /// A table of what is recorded, between the introduction and the form.
    var table: PlainTable?

    /// Puts each error on the field it names, so the field shows it beside itself.
    mutating func attachErrors() {
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        for set in fieldsets.indices {
            for field in fieldsets[set].fields.indices {
                fieldsets[set].fields[field].error = byField[fieldsets[set].fields[field].name]
            }
        }
    }
}

/// A table of text cells with a caption: what a form page has already recorded.
struct PlainTable: Encodable, Sendable {
    var caption: String
    var head: [String]
    var rows: [[String]]
    /// Shown instead of the table when it has no rows.
    var empty: String
}

struct FormLink: Encodable, Sendable {
    var label: String
    var href: String
}

extension FormPageContext {
    /// The page, with 422 when the form carries errors.
    func render(on request: Request) async throws -> Response {
        var context = self
        context.attachErrors()
        let response = try await request.view.render("form", context).encodeResponse(for: request)
        if !context.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }
}

/// The list of an authority's networks (consortia), and who is in none.
struct NetworksPageContext: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var name: String
        var href: String
        var phase: String
        var lead: String
        var members: Int
    }
    struct Unplaced: Encodable, Sendable {
        var name: String
        var urn: String
        var href: String
    }
    var layout: LayoutContext
    var heading: String
    /// Whether the framework puts every establishment in one, with its words.
    var rule: String
    var rows: [Row]
    var unplaced: [Unplaced]
    var unplacedHeading: String
    var requiresEvery: Bool
    var called: String
    var addHref: String?
    var assignHref: String?
}

/// One network: its members since when, every move in and out, and moving establishments in.
struct NetworkPageContext: Encodable, Sendable {
    struct Member: Encodable, Sendable {
        var name: String
        var urn: String
        var href: String
        var since: String
    }
    struct Move: Encodable, Sendable {
        var when: String
        var name: String
        var urn: String
        var change: String
        var how: String
    }
    var layout: LayoutContext
    var caption: String
    var name: String
    var phase: String
    var lead: String
    var members: [Member]
    var history: [Move]
    var backHref: String
    var editHref: String?
    var moveAction: String?
    var urns: String
    var from: String
    var errors: [FieldError]
    var notice: String?
    var called: String
    var urnsError: String?
    var fromError: String?

    mutating func attachErrors() {
        urnsError = errors.first { $0.field == "urns" }?.message
        fromError = errors.first { $0.field == "from" }?.message
    }
}
