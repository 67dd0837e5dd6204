/// A parsed JSON or YAML document: the one shape both evidence files and framework files
/// are read from, so that a framework's worked examples use exactly the evidence reader.
public struct Tree: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Tree])
        case object([Member])
    }

    public struct Member: Sendable {
        public let key: String
        public let value: Tree

        public init(key: String, value: Tree) {
            self.key = key
            self.value = value
        }
    }

    public let value: Value
    /// 1-based line in the source, where the reader knows it.
    public let line: Int?

    public init(_ value: Value, line: Int? = nil) {
        self.value = value
        self.line = line
    }
}

extension Tree {
    public var members: [Member]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var elements: [Tree]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    public subscript(key: String) -> Tree? {
        members?.first(where: { $0.key == key })?.value
    }

    /// Text, accepting a number written without quotes (YAML `code: 1`), but not true/false:
    /// in YAML an unquoted yes, no, on or off is true/false, and would silently become a word.
    public var text: String? {
        switch value {
        case .string(let string): return string
        case .number(let number) where number.isFinite: return Self.format(number)
        default: return nil
        }
    }

    public var number: Double? {
        if case .number(let number) = value { return number }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    /// A short description of the value's type for error messages.
    public var kindName: String {
        switch value {
        case .null: return "null"
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "text"
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }

    public static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
