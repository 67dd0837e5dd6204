extension JSONReader {
    /// The number one top-level member of a JSON object holds, found without building the
    /// document: the bytes before it are stepped over, tracking only strings and nesting. The
    /// funding page reads an establishment's pupils on roll this way from 25,000 stored
    /// evidence documents, where reading each into a tree was most of its time. Nil when the
    /// text is not an object, the member is absent, or its value is not a number.
    public static func topLevelNumber(_ key: String, in text: String) -> Double? {
        var text = text
        let wanted = Array(key.utf8)
        return text.withUTF8 { bytes in number(wanted, in: bytes) }
    }

    private static func number(_ wanted: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var depth = 1, expectingKey = true
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let start = index + 1
                index = start
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                guard index < bytes.count else { return nil }
                let isWanted = depth == 1 && expectingKey && bytes[start..<index].elementsEqual(wanted)
                index += 1
                if depth == 1 && expectingKey { expectingKey = false }
                if isWanted { return value(in: bytes, after: index) }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return nil }
            case UInt8(ascii: ","): if depth == 1 { expectingKey = true }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The number after a member's key: past the colon and any space, up to the next delimiter.
    private static func value(in bytes: UnsafeBufferPointer<UInt8>, after key: Int) -> Double? {
        var index = key
        while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ":") { index += 1 }
        let start = index
        while index < bytes.count, "+-.0123456789eE".utf8.contains(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        return Double(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }
}
