/// A fact's value as rules see it. A missing value carries why it is missing, so a result
/// can say "not published for 2020" rather than treating it as zero.
public enum Value: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case bool(Bool)
    case missing(Absence)

    public var description: String {
        switch self {
        case .number(let number): return Tree.format(number)
        case .text(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .missing(let absence): return "missing (\(absence.reason))"
        }
    }

    public var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }
}

/// Why a fact has no value.
public struct Absence: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The evidence does not record it at all: a gap someone should fill.
        case notRecorded = "not_recorded"
        /// Recorded as not available: not published, suppressed, no cohort, never inspected,
        /// not given by that inspection framework, or a parameter the authority has not set.
        case knownMissing = "known_missing"
    }

    public let kind: Kind
    public let fact: String
    public let reason: String

    public init(_ kind: Kind, fact: String, reason: String) {
        self.kind = kind
        self.fact = fact
        self.reason = reason
    }

    public static func notRecorded(_ fact: String) -> Absence {
        Absence(.notRecorded, fact: fact, reason: "\(fact) is not recorded in the evidence")
    }
}
