/// A problem in a framework file, named by file and line.
public struct FrameworkIssue: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        "\(file):\(line.map(String.init) ?? "?"): \(message)"
    }
}

/// All the problems found in one file; a file with any does not load.
public struct FrameworkLoadError: Error, Sendable, CustomStringConvertible {
    public let issues: [FrameworkIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
