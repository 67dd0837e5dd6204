/// The context of every page: what the layout needs. Each page's context embeds it.
struct LayoutContext: Encodable, Sendable {
    struct SignedIn: Encodable, Sendable {
        var name: String
        var role: String
        var authority: String
    }
    struct NavigationItem: Encodable, Sendable {
        var label: String
        var href: String
        var current: Bool
    }

    var title: String
    var signedIn: SignedIn?
    /// The token every form posts back, checked on the server.
    var csrf: String?
    var navigation: [NavigationItem]
    /// Reload the page after this many seconds (a page following work under way).
    var refreshSeconds: Int?
}

/// One problem with a form, for the GOV.UK error summary and the field's own message.
struct FieldError: Encodable, Sendable {
    var field: String
    var message: String

    /// A refused file's problems for the error summary, on its file field: how many, then
    /// each by line (the first 200).
    static func refused(_ problems: [RowProblem]) -> [FieldError] {
        let errors = problems.prefix(200).map { FieldError(field: "file", message: EvidenceEdit.sentence($0.line == 0 ? $0.message : $0.description)) }
        let more = problems.count > 200 ? [FieldError(field: "file", message: "And \(problems.count - 200) more problems")] : []
        return [FieldError(field: "file", message: "Nothing was imported: \(problems.count) problems")] + errors + more
    }
}

struct SignInContext: Encodable, Sendable {
    var layout: LayoutContext
    var email: String
    var errors: [FieldError]
}

/// Establishments per category, with the bars of an SVG chart worked out here so the
/// template only places them.
struct OverviewContext: Encodable, Sendable {
    struct Bar: Encodable, Sendable {
        var code: String
        var name: String
        var count: Int
        var y: Int
        var width: Int
        var labelY: Int
        var href: String
    }
    var layout: LayoutContext
    var authority: String
    var framework: String
    var total: Int
    var uncategorised: Int
    var awaitingJudgement: Int
    var bars: [Bar]
    var chartHeight: Int
    var listHref: String
}

struct EstablishmentListContext: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        var value: String
        var label: String
        var selected: Bool
    }
    /// One establishment's row of the table.
    struct Row: Sendable {
        var urn: String
        var name: String
        var href: String
        var kind: String
        var phase: String
        var network: String
        var category: String
        var categoryName: String
        var judgement: Bool
        /// Some of its data flags could not be judged for want of national figures.
        var nationalGaps: Bool
        /// Unknown facts leave its category undetermined.
        var undetermined: Bool

        var html: String {
            let e = HTMLFragment.escape
            let category = category.isEmpty
                ? (undetermined ? "<strong class=\"govuk-tag govuk-tag--yellow\">Undetermined</strong>" : "<span class=\"sift-secondary-text\">Not categorised</span>")
                : "<strong class=\"govuk-tag\">\(e(category))<span class=\"govuk-visually-hidden\"> \(e(categoryName))</span></strong>"
            let judgement = (judgement ? "\n          <strong class=\"govuk-tag govuk-tag--orange\">Judgement</strong>" : "")
                + (nationalGaps ? "\n          <strong class=\"govuk-tag govuk-tag--grey\">National figures missing</strong>" : "")
            return """
                      <tr class="govuk-table__row">
                        <td class="govuk-table__cell sift-nowrap">\(e(urn))</td>
                        <td class="govuk-table__cell"><a class="govuk-link" href="\(e(href))">\(e(name))</a></td>
                        <td class="govuk-table__cell">\(e(kind))</td>
                        <td class="govuk-table__cell">\(e(phase))</td>
                        <td class="govuk-table__cell">\(e(network))</td>
                        <td class="govuk-table__cell">
                          \(category)\(judgement)
                        </td>
                      </tr>

                """
        }
    }
    var layout: LayoutContext
    var query: String
    /// The filters' choices and the table's rows, as markup (see `HTMLFragment`).
    var categoryOptions: String
    var kindOptions: String
    var phaseOptions: String
    var networkOptions: String
    var rowCount: Int
    var rows: String
    var total: Int
    var page: Int
    var pageCount: Int
    var previousHref: String?
    var nextHref: String?
    var exportHref: String
    /// Adding a setting or school by hand, for officers and administrators.
    var addHref: String?
}

struct EstablishmentContext: Encodable, Sendable {
    struct Fact: Encodable, Sendable {
        var label: String
        var value: String
    }
    struct InspectionRow: Encodable, Sendable {
        var date: String
        var framework: String
        var overall: String
        var leadership: String
        var concern: String
        /// Whose inspection it was, where it was of a school this one replaced.
        var of: String = ""
    }
    /// One measure's row of the measures table: its figure each year and its trend. Written
    /// as markup (see `HTMLFragment`): ten measures by five years were most of the page's
    /// interpreting in Leaf.
    struct MeasureRow: Sendable {
        var measure: String
        var values: [String]
        var chart: TrendChart?

        var html: String {
            let e = HTMLFragment.escape
            var html = "      <tr class=\"govuk-table__row\">\n        <th scope=\"row\" class=\"govuk-table__header\">\(e(measure))</th>\n"
            for value in values {
                html += "        <td class=\"govuk-table__cell govuk-table__cell--numeric\">\(e(value))</td>\n"
            }
            html += "        <td class=\"govuk-table__cell\">"
            if let chart {
                html += "<svg class=\"sift-trend\" width=\"120\" height=\"32\" viewBox=\"0 0 120 32\" role=\"img\" aria-label=\"\(e(chart.label))\">"
                    + "<polyline points=\"\(e(chart.points))\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/>"
                    + "<circle cx=\"\(e(chart.lastX))\" cy=\"\(e(chart.lastY))\" r=\"3\" fill=\"#1d70b8\"/></svg>"
            }
            return html + "</td>\n      </tr>\n"
        }
    }
    struct ReasonItem: Encodable, Sendable {
        var table: String
        var row: String
        var outcome: String
        var condition: String
        var cite: String
        var note: String
        var facts: [Fact]
        /// The condition in words, and what it decided ("Category: 2 – Requires support").
        var sentence: String = ""
        var outcomeHeading: String = ""
        /// Where the rule is a cell of a grid: the grid, the cell applied marked.
        var grid: Grid?
    }
    struct Grid: Encodable, Sendable {
        struct Cell: Encodable, Sendable {
            var text: String
            var current: Bool
        }
        struct Row: Encodable, Sendable {
            var label: String
            var cells: [Cell]
        }
        var caption: String
        var columns: [String]
        var rows: [Row]
    }
    struct PlanRow: Encodable, Sendable {
        var term: String
        var activity: String
        var amount: String
    }
    struct HistoryRow: Encodable, Sendable {
        var year: Int
        var category: String
        var status: String
        var reason: String
        var who: String
        var when: String
        /// The school it was about, where that is one this one replaced.
        var of: String = ""
    }
    /// A school this one replaced or was replaced by, in words, with its page where held.
    struct LinkItem: Encodable, Sendable {
        var text: String
        var name: String
        var href: String?
    }
    var layout: LayoutContext
    var urn: String
    var name: String
    var details: [Fact]
    var links: [LinkItem] = []
    var linkHref: String?
    var inspections: [InspectionRow]
    var measureYears: [String]
    var hasMeasures: Bool
    var measureRows: String
    var local: [Fact]
    /// The measures and years whose flags could not be judged for want of national figures.
    var nationalGaps: [String]
    var nationalGapsRemedy: String
    /// Why the framework does not cover the establishment; empty where it does.
    var notCovered: String
    /// Why the framework could not decide the category or the designation, and what would.
    var undetermined: String
    var designationUndetermined: String
    var category: String
    var categoryName: String
    var designation: String
    var indicator: String
    var judgement: String
    /// The data trend worked out from the results, with its figures, and whether the
    /// authority's recorded trend stands instead.
    var dataTrend: String = ""
    var reasons: [ReasonItem]
    var notApplied: [String]
    var entitlements: [String]
    var plan: [PlanRow]
    var planTotal: String
    var history: [HistoryRow]
    struct LetterLink: Encodable, Sendable {
        var title: String
        var issued: String
        var href: String
    }
    var currentCategory: String
    var letters: [LetterLink]
    var supportHref: String
    var meetingsHref: String
    var complianceHref: String
    var partnershipHref: String
    /// Whether the school has opted out of support, and when it was told the reasons.
    var optOut: String?
    var recategoriseHref: String?
    var addInspectionHref: String?
    var measuresHref: String?
    var localEvidenceHref: String?
    var factsHref: String?
}

import Foundation
import SiftCore

extension EstablishmentContext.ReasonItem {
    /// A result's reasons as the pages and letters show them.
    static func all(_ result: CategorisationResult) -> [Self] {
        result.reasons.map { reason in
            .init(table: reason.table, row: reason.row, outcome: reason.outcome, condition: reason.condition ?? "no earlier rule applied",
                  cite: reason.cite ?? "", note: reason.note ?? "", facts: reason.facts.map { .init(label: $0.name, value: $0.value) },
                  sentence: reason.sentence, outcomeHeading: heading(reason, result), grid: grid(reason))
        }
    }

    private static func grid(_ reason: Reason) -> EstablishmentContext.Grid? {
        guard let (layout, cell) = reason.grid else { return nil }
        let caption = "Rows: \(reason.words(of: layout.rowFact)); columns: \(reason.words(of: layout.columnFact))"
        return .init(caption: caption.prefix(1).uppercased() + caption.dropFirst(), columns: layout.columnValues,
                     rows: zip(layout.rowValues, layout.cells).map { row, cells in
                         .init(label: row, cells: zip(layout.columnValues, cells).map { column, text in
                             .init(text: text, current: row == cell.row && column == cell.column)
                         })
                     })
    }

    /// What the reason decided, in words: the category or designation with its name.
    private static func heading(_ reason: Reason, _ result: CategorisationResult) -> String {
        if let category = result.category, category.code == reason.outcome, reason.table == "category" || result.reasons.last?.table == reason.table {
            return "Category \(category.code) – \(category.name)"
        }
        if let designation = result.designation, designation.code == reason.outcome { return "Designation \(designation.code) – \(designation.name)" }
        return reason.table.replacing("_", with: " ").capitalizedFirst + ": " + reason.outcome
    }
}

/// A small line chart of one measure's published figures across years, drawn as SVG on
/// the server; its label reads the same figures out for those who cannot see it.
struct TrendChart: Sendable {
    static let width = 120.0, height = 32.0, margin = 4.0
    var points: String
    var lastX: String
    var lastY: String
    var label: String

    /// Nil when fewer than two years have a figure: one point is not a trend.
    init?(_ figures: [(year: Int, value: Double)], measure: String) {
        guard figures.count >= 2, let low = figures.map(\.value).min(), let high = figures.map(\.value).max(),
              let first = figures.first?.year, let last = figures.last?.year else { return nil }
        let span = max(high - low, 0.000_1), years = Double(max(last - first, 1))
        let spots = figures.map { figure -> (Double, Double) in
            (Self.margin + (Self.width - 2 * Self.margin) * Double(figure.year - first) / years,
             Self.height - Self.margin - (Self.height - 2 * Self.margin) * (figure.value - low) / span)
        }
        func format(_ number: Double) -> String {
            let tenths = Int((number * 10).rounded())
            return "\(tenths / 10).\(abs(tenths % 10))"
        }
        points = spots.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
        lastX = format(spots.last?.0 ?? 0)
        lastY = format(spots.last?.1 ?? 0)
        label = "\(measure) from \(first) to \(last): " + figures.map { "\($0.year) \(Tree.format($0.value))" }.joined(separator: ", ")
    }
}

struct UsersContext: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var name: String
        var email: String
        var role: String
        var covers: String
        var locked: Bool
        var href: String
    }
    var layout: LayoutContext
    var addHref: String
    var users: [Row]
}

struct OneTimePasswordContext: Encodable, Sendable {
    var layout: LayoutContext
    var heading: String
    var name: String
    var email: String
    var password: String
    var usersHref: String
}
