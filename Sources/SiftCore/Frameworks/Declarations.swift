/// A fact the framework's authority records for itself, declared in the framework file
/// (framework-format.md, "facts"): rules read it as `la.<id>`, the evidence holds it under
/// `local.other.<id>`, and the forms offer it with its label and values.
public struct DeclaredFact: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case yesNo = "yes_no", number, oneOf = "one_of", date, text
    }
    public var id: String
    /// How a headteacher reads it: "the school's capacity to improve".
    public var label: String
    public var kind: Kind
    /// For `one_of`: the values it may take, in order, each with the words shown for it.
    public var values: [String]
    public var valueLabels: [String: String]
    /// What an absent value reads as, for a fact recorded only when it applies; nil when an
    /// absent value is *not recorded* (a gap the categorisation names).
    public var absentReadsAs: Value?
    public var citation: Citation

    /// The words shown for a value: its label, or the value itself.
    public func words(for value: String) -> String { valueLabels[value] ?? value }
}

/// A measure beyond the DfE ones Sift reads from public files: attendance, exclusions,
/// another nation's performance measures. Declared in the framework file; the evidence holds
/// its yearly records under `otherMeasures`, and rules read it as `measure.<id>.<field>`.
public struct DeclaredMeasure: Sendable {
    public var id: String
    public var label: String
    /// How its figures are counted: "percent", "days", "pupils", "points".
    public var unit: String?
    /// Whether a higher figure is the better one (attendance) or the worse (persistent
    /// absence, exclusions): it decides which way `gap` runs.
    public var higherIsBetter: Bool
    public var citation: Citation
}
