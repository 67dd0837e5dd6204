/// Writes a `Tree` as JSON. Used for generated evidence files and worked examples.
public enum TreeWriter {
    /// - Parameter depth: the indentation level the tree starts at, when it is part of a larger document.
    public static func json(_ tree: Tree, indent: Bool = false, depth: Int = 0) -> String {
        var out = ""
        out.reserveCapacity(1 << 12)
        write(tree, into: &out, depth: depth, indent: indent)
        return out
    }

    private static func write(_ tree: Tree, into out: inout String, depth: Int, indent: Bool) {
        switch tree.value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += Tree.format(number)
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                if indent { out += newline(depth + 1) }
                write(element, into: &out, depth: depth + 1, indent: indent)
            }
            if indent && !elements.isEmpty { out += newline(depth) }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                if indent { out += newline(depth + 1) }
                writeString(member.key, into: &out)
                out += indent ? ": " : ":"
                write(member.value, into: &out, depth: depth + 1, indent: indent)
            }
            if indent && !members.isEmpty { out += newline(depth) }
            out += "}"
        }
    }

    /// A newline and the indentation of a depth, made once.
    private static let newlines: [String] = (0..<32).map { "\n" + String(repeating: "  ", count: $0) }

    private static func newline(_ depth: Int) -> String {
        depth < newlines.count ? newlines[depth] : "\n" + String(repeating: "  ", count: depth)
    }

    private static func writeString(_ text: String, into out: inout String) {
        // Most text needs no escaping: append it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += "\""
            out += text
            out += "\""
            return
        }
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension Tree {
    /// Builds an object tree from key–value pairs, leaving out nil values.
    public static func object(_ pairs: [(String, Tree?)]) -> Tree {
        Tree(.object(pairs.compactMap { key, value in value.map { Tree.Member(key: key, value: $0) } }))
    }
    public static func string(_ text: String) -> Tree { Tree(.string(text)) }
    public static func number(_ number: Double) -> Tree { Tree(.number(number)) }
    public static func bool(_ flag: Bool) -> Tree { Tree(.bool(flag)) }
    public static func array(_ elements: [Tree]) -> Tree { Tree(.array(elements)) }
}
