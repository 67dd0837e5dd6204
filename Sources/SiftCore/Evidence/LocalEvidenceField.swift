/// One item of the authority's own evidence (docs/evidence-format.md, `local`), as the
/// evidence file, the form and the CSV import name and read it. The one list of them is
/// `LocalEvidenceField.all`: the reader, the form and the import all take it from there.
public struct LocalEvidenceField: Sendable {
    public enum Kind: Sendable {
        /// One of a list of words (stored as the word).
        case choice([String])
        /// A grade from 1 to 4.
        case grade
        /// A whole number from 0 to 100.
        case count
        /// One of the framework's categories.
        case category
        case text
        /// An exception recorded only when it applies: absent reads as no.
        case yesNo
    }

    /// The key in the evidence file (`local.<key>`).
    public let key: String
    /// The column of the CSV import, as rules name the fact (`la.<column>`).
    public let column: String
    public let label: String
    public let hint: String?
    public let kind: Kind

    init(_ key: String, _ column: String, _ label: String, hint: String? = nil, _ kind: Kind) {
        self.key = key
        self.column = column
        self.label = label
        self.hint = hint
        self.kind = kind
    }

    static func words<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> Kind where T.RawValue == String {
        .choice(type.allCases.map(\.rawValue))
    }

    public static let all: [LocalEvidenceField] = [
        .init("trend", "trend", "Data trend", words(LocalEvidence.Trend.self)),
        .init("trendReason", "trend_reason", "Why the authority records this data trend",
              hint: "Where the framework works the trend out from the results, a trend recorded here stands instead of it: say why", .text),
        .init("risk", "risk", "Risk at the next inspection", hint: "The authority's view of the risk of a lower judgement", words(LocalEvidence.Risk.self)),
        .init("view", "view", "The authority's view of effectiveness", words(LocalEvidence.View.self)),
        .init("sefValidatedGrade", "sef_validated_grade", "Self-evaluation grade, as validated by the authority", .grade),
        .init("governanceRag", "governance_rag", "Governance", words(LocalEvidence.RAG.self)),
        .init("capacityToImprove", "capacity_to_improve", "Capacity to improve", words(LocalEvidence.Capacity.self)),
        .init("previousCategory", "previous_category", "Last year's category",
              hint: "Under the same framework. Where Sift holds last year's decision, that is used instead", .category),
        .init("vulnerability", "vulnerability", "A specific, significant vulnerability", hint: "For example, financial. Leave blank if there is none", .text),
        .init("specificAspects", "specific_aspects", "Specific aspects of its work needing support", hint: "A whole number; blank means none", .count),
        .init("safeguardingConcern", "safeguarding_concern", "A safeguarding concern", .yesNo),
        .init("improvementTrajectory", "improvement_trajectory", "A proven improvement trajectory (for example, through a board)", .yesNo),
        .init("selfIdentified", "self_identified", "The school asked for additional support", .yesNo),
        .init("optedOut", "opted_out", "The school opted out of support", .yesNo),
        .init("areaAtRisk", "area_at_risk", "An Ofsted area judgement at risk of being less than good", .yesNo),
        .init("widerAspects", "wider_aspects", "Aspects of concern not directly linked to the quality of education", .yesNo),
        .init("leadershipChange", "leadership_change", "A significant change in senior leadership", .yesNo),
    ]
}
