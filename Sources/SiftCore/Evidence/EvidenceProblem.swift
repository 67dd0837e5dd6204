/// Something wrong with one establishment's evidence, named by its URN and the field.
public struct EvidenceProblem: Error, Sendable, CustomStringConvertible {
    public let urn: String
    public let field: String
    public let message: String
    public let line: Int?

    public var description: String {
        let place = line.map { " (line \($0))" } ?? ""
        return "establishment \(urn): \(field): \(message)\(place)"
    }
}

/// The establishments read from an evidence file, and those that could not be read.
public struct EvidenceSet: Sendable {
    public var establishments: [Establishment]
    public var problems: [EvidenceProblem]
    /// URNs (or positions) of establishments rejected for problems, in file order.
    public var rejected: [String]

    public init(establishments: [Establishment], problems: [EvidenceProblem], rejected: [String]) {
        self.establishments = establishments
        self.problems = problems
        self.rejected = rejected
    }
}
