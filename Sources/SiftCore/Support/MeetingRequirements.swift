/// The meetings a category requires in a year, read from its entitlements: Wolverhampton's
/// Team Around the School (termly for B1 and B2, half-termly for C; Annex 4), Hackney's TAG
/// and risk assessment meetings (1.1), Milton Keynes' Targeted Improvement Board (3–6 a year).
public struct MeetingRequirement: Sendable, Equatable {
    public var kind: String
    public var name: String
    /// How many the year should hold: the entitlement's amount (or a range's lower end) by
    /// how often it recurs: "1 a half term" is 6 a year, termly 3.
    public var required: Int
    /// A range's upper end ("3-6 times annually").
    public var most: Int?
    public var frequency: String?
    public var cite: String?

    /// Whether each meeting ends with a risk assessment against a good judgement from Ofsted
    /// (high, medium or low): where the framework's entitlement says so
    /// (`risk_assessment: true`), as Wolverhampton's Annex 4 does for every TAS meeting.
    public var endsWithRiskAssessment: Bool

    /// Whether the meeting oversees an action plan whose exit criteria end intervention
    /// (Milton Keynes, "TIB exit strategy").
    public var hasExitStrategy: Bool { kind == "tib_meetings" }

    public static func all(_ entitlements: [EntitlementItem]) -> [MeetingRequirement] {
        var seen = Set<String>()
        return entitlements.compactMap { item in
            guard item.unit == "meetings", let count = item.perYear, seen.insert(item.kind).inserted else { return nil }
            let text = item.text ?? item.kind.replacing("_", with: " ")
            let most = item.max.map { item.per == "term" ? $0 * 3 : item.per == "half_term" ? $0 * 6 : $0 }
            return MeetingRequirement(kind: item.kind, name: text.prefix(1).uppercased() + text.dropFirst(), required: Int(count),
                                      most: most.map { Int($0) }, frequency: item.frequency, cite: item.cite,
                                      endsWithRiskAssessment: item.riskAssessment)
        }
    }
}

/// Milton Keynes' criteria for leaving intervention ("TIB exit strategy"), the five
/// non-negotiables among them. The seed lists academisation beside the others; it is read as
/// a way out on its own (an academy leaves LA intervention), and every other criterion is
/// required otherwise. Leaving marks the school "sustaining success".
public enum TIBExit {
    public struct Criterion: Sendable, Equatable {
        public var id: String
        public var text: String
        public var nonNegotiable: Bool
    }

    public static let academisation = Criterion(id: "academisation", text: "Academisation", nonNegotiable: false)

    public static let criteria: [Criterion] = [
        academisation,
        .init(id: "targets", text: "The school achieving the attainment and progress targets established in the plan", nonNegotiable: false),
        .init(id: "trajectory", text: "The school's monitoring of in-year progress data indicates an upward trajectory is secure", nonNegotiable: false),
        .init(id: "floor", text: "Test results are above national floor standards", nonNegotiable: false),
        .init(id: "capacity", text: "Evidence of additional capacity in the school's leadership team (including governance)", nonNegotiable: false),
        .init(id: "teaching", text: "Teaching is consistently satisfactory with the majority evaluated as good or better and none judged inadequate", nonNegotiable: false),
        .init(id: "review", text: "Robust, rigorous and regular school review and self-evaluation processes including evidence of regular reporting to the governing board and subsequent challenge", nonNegotiable: true),
        .init(id: "improvement_plan", text: "A school improvement plan which is focused on raising standards, improving teaching and learning and leadership and management", nonNegotiable: true),
        .init(id: "tracking", text: "Regular tracking and monitoring against age-related expectations", nonNegotiable: true),
        .init(id: "assessment", text: "Quality assurance of assessment to ensure accuracy across all subjects", nonNegotiable: true),
        .init(id: "cpd", text: "A continuing professional development programme integrated into the school improvement plan and monitored for impact", nonNegotiable: true),
    ]

    /// The criteria still to meet before the school can leave intervention; empty when it can.
    public static func outstanding(met: Set<String>) -> [Criterion] {
        if met.contains(academisation.id) { return [] }
        return criteria.filter { $0 != academisation && !met.contains($0.id) }
    }
}
