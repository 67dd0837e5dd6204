/// The authority's own evidence about an establishment (evidence-format.md, "local").
public struct LocalEvidence: Sendable {
    public enum Trend: String, Sendable, CaseIterable {
        case improving, consistent, inconsistent, smallDecline = "small_decline", declining, sharpDecline = "sharp_decline"
    }
    public enum Risk: String, Sendable, CaseIterable {
        case none, someConcern = "some_concern", atRisk = "at_risk", highRisk = "high_risk", riskOfCategory = "risk_of_category"
    }
    public enum View: String, Sendable, CaseIterable {
        case outstanding, securelyGood = "securely_good", good, requiresImprovement = "requires_improvement", inadequate
    }
    public enum RAG: String, Sendable, CaseIterable { case green, amber, red }
    public enum Capacity: String, Sendable, CaseIterable { case strong, good, sufficient, limited, insufficient }

    public var trend: Trend?
    /// Why the officer recorded a trend other than the one worked out from the results.
    public var trendReason: String?
    public var risk: Risk?
    public var view: View?
    public var sefValidatedGrade: Int?
    public var governanceRag: RAG?
    public var vulnerability: String?
    public var safeguardingConcern: Bool?
    public var previousCategory: String?
    public var improvementTrajectory: Bool?
    public var selfIdentified: Bool?
    public var optedOut: Bool?
    public var capacityToImprove: Capacity?
    public var areaAtRisk: Bool?
    public var specificAspects: Int?
    public var widerAspects: Bool?
    public var leadershipChange: Bool?
    public var other: [String: Value] = [:]

    public init() {}
}
