import Foundation
import SiftCore

/// The year's funding: the framework's funding rules with the rates in force, totals per
/// network or consortium and for the authority, and each establishment's amount or why it
/// could not be worked out.
struct FundingPageContext: Encodable, Sendable {
    struct Rule: Encodable, Sendable {
        var id: String
        var how: String
        var rate: String
        var cite: String
    }

    struct Total: Encodable, Sendable {
        var network: String
        var rule: String
        var priced: Int
        var triggering: String
        var pupils: Int
        var amount: String
        var notWorkedOut: Int
        var notDecided: Int
        var isAuthority: Bool
    }

    struct Row: Encodable, Sendable {
        var urn: String
        var name: String
        var href: String
        var network: String
        var pupils: String
        var categories: String
        var amount: String
        var workedOut: Bool
        var notes: [String]
    }

    struct Reason: Encodable, Sendable {
        var note: String
        var count: Int
    }

    var layout: LayoutContext
    var yearLabel: String
    var years: [FormLink]
    var scope: String
    var frameworkName: String
    var rules: [Rule]
    var proration: String
    var parametersHref: String?
    var summary: [String]
    var totals: [Total]
    var showTriggering: Bool
    var reasons: [Reason]
    var rows: [Row]
    var page: Int
    var pageCount: Int
    var previous: String?
    var next: String?
    var csvHref: String
    var networksCSVHref: String
}

enum Money {
    /// "£12,345.67": amounts to the penny, as the CSV rounds them.
    static func pounds(_ amount: Double) -> String {
        let pence = Int((amount * 100).rounded())
        let whole = String(abs(pence) / 100)
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let fraction = abs(pence) % 100
        return (pence < 0 ? "-" : "") + "£" + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
