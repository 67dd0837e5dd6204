import Yams

/// Reads YAML into a `Tree` with line numbers, using Yams' own scalar resolution so that
/// `3`, `0.5`, `true` and `null` are typed as YAML 1.1 says, and quoted scalars stay text.
public enum YAMLTree {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int?
        public let message: String
        public var description: String { line.map { "line \($0): \(message)" } ?? message }
    }

    public static func read(_ text: String) throws(Failure) -> Tree {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Failure(line: Self.line(of: error), message: Self.message(of: error))
        } catch {
            throw Failure(line: nil, message: "\(error)")
        }
        guard let node else { throw Failure(line: 1, message: "the file is empty") }
        return try convert(node)
    }

    private static func convert(_ node: Node) throws(Failure) -> Tree {
        let line = node.mark?.line
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain && scalar.style != .any {
                return Tree(.string(scalar.string), line: line)
            }
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return Tree(.null, line: line)
            case .bool: return Tree(node.bool.map { .bool($0) } ?? .string(scalar.string), line: line)
            case .int, .float:
                return Tree(node.float.map { .number($0) } ?? .string(scalar.string), line: line)
            default: return Tree(.string(scalar.string), line: line)
            }
        case .sequence(let sequence):
            var elements: [Tree] = []
            for element in sequence { elements.append(try convert(element)) }
            return Tree(.array(elements), line: line)
        case .mapping(let mapping):
            var members: [Tree.Member] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw Failure(line: key.mark?.line, message: "a key must be text")
                }
                guard seen.insert(name).inserted else {
                    throw Failure(line: key.mark?.line, message: "the key '\(name)' is given twice")
                }
                let converted = try convert(value)
                members.append(Tree.Member(key: name, value: Tree(converted.value, line: converted.line ?? key.mark?.line)))
            }
            return Tree(.object(members), line: line)
        case .alias:
            throw Failure(line: line, message: "YAML aliases are not used in framework files")
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func message(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ": ")
        default:
            return "\(error)"
        }
    }
}
