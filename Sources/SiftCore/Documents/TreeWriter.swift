/// Writes a `Tree` as JSON. Used for generated evidence files and worked examples.
public enum TreeWriter {
    public static func json(_ tree: Tree, indent: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(1 << 16)
        write(tree, into: &out, depth: 0, indent: indent)
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
                if indent { out += "\n" + String(repeating: "  ", count: depth + 1) }
                write(element, into: &out, depth: depth + 1, indent: indent)
            }
            if indent && !elements.isEmpty { out += "\n" + String(repeating: "  ", count: depth) }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                if indent { out += "\n" + String(repeating: "  ", count: depth + 1) }
                writeString(member.key, into: &out)
                out += indent ? ": " : ":"
                write(member.value, into: &out, depth: depth + 1, indent: indent)
            }
            if indent && !members.isEmpty { out += "\n" + String(repeating: "  ", count: depth) }
            out += "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
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
