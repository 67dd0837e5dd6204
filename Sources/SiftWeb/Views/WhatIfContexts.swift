import SiftCore

/// The what-if page: the form (a file, or the text of the framework to edit, and the date),
/// with the GOV.UK error summary, and the result of a comparison when one was run.
struct WhatIfPageContext: Encodable, Sendable {
    var layout: LayoutContext
    var action: String
    var backHref: String
    /// The framework in force, by name and id.
    var inForce: String
    var date: String
    var yaml: String
    var errors: [FieldError]
    var result: WhatIfResultContext?
    /// Each field's message beside it; a framework with many problems says so once there.
    var dateError: String?
    var fileError: String?
    var yamlError: String?

    init(layout: LayoutContext, action: String, backHref: String, inForce: String, date: String, yaml: String,
         errors: [FieldError], result: WhatIfResultContext?) {
        (self.layout, self.action, self.backHref, self.inForce) = (layout, action, backHref, inForce)
        (self.date, self.yaml, self.errors, self.result) = (date, yaml, errors, result)
        func message(_ field: String) -> String? {
            let messages = errors.filter { $0.field == field }.map(\.message)
            return messages.count > 1 ? "The framework has \(messages.count) problems, each listed above by line" : messages.first
        }
        (dateError, fileError, yamlError) = (message("date"), message("file"), message("yaml"))
    }
}

/// A comparison as the page shows it: the counts, the moves matrix, and the first changes
/// with both sets of reasons. The rest are in the CSV, so a national authority's page stays
/// a size a browser can open.
struct WhatIfResultContext: Encodable, Sendable {
    static let changesShown = 200

    struct Cell: Encodable, Sendable {
        var count: Int
        /// Off the diagonal and not zero: establishments that would move.
        var moved: Bool
    }
    struct MatrixRow: Encodable, Sendable {
        var label: String
        var cells: [Cell]
    }
    /// One framework's outcome for a changed establishment.
    struct Side: Encodable, Sendable {
        var heading: String
        var framework: String
        var category: String
        var designation: String
        var reasons: [EstablishmentContext.ReasonItem]
        var passedOver: [String]
        var notApplied: [String]
    }
    struct Change: Encodable, Sendable {
        var urn: String
        var name: String
        var href: String
        var move: String
        var designationMove: String
        /// The framework in force, then the changed one: side by side on the page.
        var sides: [Side]
    }

    var old: String
    var new: String
    var runDate: String
    var compared: Int
    var unchanged: Int
    var changed: Int
    var categoryChanged: Int
    var designationOnly: Int
    var notRead: [String]
    var columns: [String]
    var rows: [MatrixRow]
    var changes: [Change]
    /// The changes not shown on the page, in the CSV only.
    var notShown: Int

    init(_ outcome: WhatIf.Outcome) {
        let comparison = outcome.comparison
        old = "\(comparison.old.name) (\(comparison.old.id))"
        new = "\(comparison.new.name) (\(comparison.new.id))"
        runDate = comparison.runDate.description
        (compared, unchanged, changed) = (comparison.compared, comparison.unchanged, comparison.changed)
        categoryChanged = comparison.categoryChanged
        designationOnly = comparison.changed - comparison.categoryChanged
        notRead = outcome.notRead
        let (rowCodes, columnCodes) = comparison.matrixAxes
        columns = columnCodes.map(Self.label)
        rows = rowCodes.map { from in
            MatrixRow(label: Self.label(from), cells: columnCodes.map { to in
                let count = comparison.count(from: from, to: to)
                return Cell(count: count, moved: count > 0 && from != to)
            })
        }
        changes = comparison.changes.prefix(Self.changesShown).map(Self.change)
        notShown = max(0, comparison.changed - Self.changesShown)
    }

    static func label(_ code: String?) -> String { code ?? "No category" }

    static func change(_ change: FrameworkComparison.Change) -> Change {
        let designations = [change.old, change.new].map { $0.designation?.code ?? "none" }
        return Change(urn: change.urn, name: change.name, href: SiteRoute.establishment(urn: change.urn).path,
                      move: "\(label(change.old.category?.code)) → \(label(change.new.category?.code))",
                      designationMove: change.designationChanged ? designations.joined(separator: " → ") : "",
                      sides: [side(change.old, heading: "In force"), side(change.new, heading: "Changed")])
    }

    static func side(_ result: CategorisationResult, heading: String) -> Side {
        Side(heading: heading, framework: result.framework,
             category: result.category.map { "\($0.code) — \($0.name)" } ?? "No category",
             designation: result.designation.map { "\($0.code) — \($0.name)" } ?? "",
             reasons: EstablishmentContext.ReasonItem.all(result),
             passedOver: result.passedOver.map { "Row \($0.row) would give \($0.wouldBe), but constraint \($0.constraint) requires \($0.require)" },
             notApplied: result.status == .uncategorised ? result.notApplied.map { "Row \($0.row): \($0.why)" } : [])
    }
}
