import Foundation
import SiftCore

/// The items of Wolverhampton's statutory compliance dashboard, in the order and wording of
/// its Annex 5 ("TAS Dashboard example"), with the RAG status an officer gives each.
struct ComplianceItem: Sendable, Equatable {
    let code: String
    let label: String
    /// Read from the establishment's inspections rather than entered: the annex's last
    /// Ofsted, its type and its rating are the evidence Sift already holds.
    let fromInspections: Bool

    /// Annex 5 gives no period; 4.5 says only that the dashboard "is regularly updated". A
    /// check older than a year misses the authority's annual cycle of categorisation, so it
    /// is shown as stale.
    static let staleAfterMonths = 12

    static let all: [ComplianceItem] = [
        ("budget", "Budget"), ("deficit-surplus-meeting", "Deficit/surplus meeting"), ("deficit-surplus-percent", "Deficit/surplus %"),
        ("audit", "Audit up to date?"), ("dpo", "Named DPO in place?"), ("business-manager-training", "Business/site Manager training?"),
        ("hs-audit", "H&S audit up to date?"), ("hs-report-outcome", "H&S report outcome"), ("hs-action-plan", "H&S action plan progress"),
        ("hs-provider", "Health and Safety Provider"), ("legionella-asbestos", "Legionella/ asbestos practice in place?"),
        ("scr-vetting", "Confirmation of SCR & Vetting checks"), ("fire-safety-check", "Fire Safety Check return UTD?"),
        ("fire-risk-action-plan", "Fire Risk Assessment Action Plan UTD?"), ("mash-referrals", "MASH referrals academic year to date"),
        ("permanent-exclusions", "Permanent exclusions"), ("continuity-plans", "Continuity plans in place?"),
        ("cp-safeguarding-training", "Confirmation of CP & safeguarding training?"),
        ("last-ofsted", "Date of last OfSTED"), ("inspection-type", "Inspection type"), ("rating", "Rating"),
        ("parent-view", "Parent View?"), ("website", "Website compliant?"), ("suspensions-hearings-dismissals", "Suspensions, hearings, dismissals?"),
    ].map { code, label in
        ComplianceItem(code: code, label: label, fromInspections: ["last-ofsted", "inspection-type", "rating"].contains(code))
    }

    /// The items officers enter, by form or file.
    static let entered = all.filter { !$0.fromInspections }

    /// An entered item by its code or its wording in the annex, whatever the case.
    static func named(_ text: String) -> ComplianceItem? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        return entered.first { $0.code == key || $0.label.lowercased() == key }
    }

    static func isStale(checked: Day, today: Day) -> Bool {
        checked.wholeMonths(to: today) >= staleAfterMonths
    }
}

/// Red, amber or green, as the dashboard colours an item.
enum ComplianceStatus: String, CaseIterable, Sendable {
    case red, amber, green

    var label: String { rawValue.capitalized }
    /// GOV.UK tag colours: amber is the design system's orange.
    var tagClass: String {
        switch self {
        case .red: return "govuk-tag--red"
        case .amber: return "govuk-tag--orange"
        case .green: return "govuk-tag--green"
        }
    }

    init?(text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch key {
        case "r": self = .red
        case "a": self = .amber
        case "g": self = .green
        default: self.init(rawValue: key)
        }
    }
}
