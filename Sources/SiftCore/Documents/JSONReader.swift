/// Reads JSON into a `Tree`, keeping line numbers so a bad evidence file is reported
/// by line. Written for speed on national files: one pass over the bytes, no Foundation.
public struct JSONReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// Deep nesting is refused rather than overflowing the stack.
    private var depth = 0
    private static let maximumDepth = 200

    public static func read(_ text: String) throws(Failure) -> Tree {
        var reader = JSONReader(bytes: Array(text.utf8))
        return try reader.readDocument()
    }

    public static func read(bytes: [UInt8]) throws(Failure) -> Tree {
        var reader = JSONReader(bytes: bytes)
        return try reader.readDocument()
    }

    /// Reads a document whose top level is an object with a large list under `key`, handing
    /// each element of that list to `each` as it is read, so the whole list is never held
    /// as a tree. Returns false, having read nothing, when the document is not of that shape.
    public static func stream(bytes: [UInt8], key: String, each: (Tree, Int) -> Void) throws(Failure) -> Bool {
        var reader = JSONReader(bytes: bytes)
        return try reader.streamList(key: key, each: each)
    }

    private mutating func streamList(key wanted: String, each: (Tree, Int) -> Void) throws(Failure) -> Bool {
        let start = (index, line)
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { (index, line) = start; return false }
        index += 1
        var streamed = false
        while true {
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}"), !streamed { index += 1; break }
            let key = try readKey()
            if key == wanted, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                streamed = true
                var position = 0
                try readElements { element throws(Failure) in
                    each(element, position)
                    position += 1
                }
            } else {
                _ = try readValue()
            }
            skipSpace()
            guard index < bytes.count else { throw fail("the document ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw fail("expected ',' or '}' in an object")
        }
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the end of the document") }
        return streamed
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is allowed before the document.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private mutating func readDocument() throws(Failure) -> Tree {
        skipSpace()
        let tree = try readValue()
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the end of the document") }
        return tree
    }

    private func fail(_ message: String) -> Failure { Failure(line: line, message: message) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"): line += 1; index += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private mutating func readValue() throws(Failure) -> Tree {
        guard index < bytes.count else { throw fail("the document ends where a value was expected") }
        let startLine = line
        switch bytes[index] {
        case UInt8(ascii: "{"): return Tree(try readObject(), line: startLine)
        case UInt8(ascii: "["): return Tree(try readArray(), line: startLine)
        case UInt8(ascii: "\""): return Tree(.string(try readString()), line: startLine)
        case UInt8(ascii: "t"): try expectWord("true"); return Tree(.bool(true), line: startLine)
        case UInt8(ascii: "f"): try expectWord("false"); return Tree(.bool(false), line: startLine)
        case UInt8(ascii: "n"): try expectWord("null"); return Tree(.null, line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return Tree(.number(try readNumber()), line: startLine)
        default: throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("expected \(word)") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw fail("expected \(word)")
        }
        index += count
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw fail("nested more than \(Self.maximumDepth) levels deep") }
    }

    private mutating func readObject() throws(Failure) -> Tree.Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [Tree.Member] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            let key = try readKey()
            // A key given twice would leave it unclear which value counts.
            if members.contains(where: { $0.key == key }) { throw fail("the key \"\(key)\" is given twice in one object") }
            members.append(Tree.Member(key: key, value: try readValue()))
            skipSpace()
            guard index < bytes.count else { throw fail("the document ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw fail("expected ',' or '}' in an object")
        }
    }

    /// A member's quoted key and the colon after it, leaving the reader at its value.
    private mutating func readKey() throws(Failure) -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
        let key = try readString()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
        index += 1
        skipSpace()
        return key
    }

    private mutating func readArray() throws(Failure) -> Tree.Value {
        var elements: [Tree] = []
        try readElements { element throws(Failure) in elements.append(element) }
        return .array(elements)
    }

    /// Reads a list from its opening bracket, handing over each element as it is read.
    private mutating func readElements(_ each: (Tree) throws(Failure) -> Void) throws(Failure) {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
        while true {
            skipSpace()
            try each(try readValue())
            skipSpace()
            guard index < bytes.count else { throw fail("the document ends inside a list") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            throw fail("expected ',' or ']' in a list")
        }
    }

    private mutating func readString() throws(Failure) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("a control character inside a string") }
            index += 1
        }
        var scalars = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            }
            if byte < 0x20 { throw fail("a control character inside a string") }
            if byte != UInt8(ascii: "\\") { scalars.append(byte); index += 1; continue }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try readHex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw fail("an unpaired surrogate in a \\u escape")
                    }
                    index += 2
                    let low = try readHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("an unpaired surrogate in a \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw fail("an invalid \\u escape") }
                scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw fail("an unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
        }
        throw fail("the document ends inside a string")
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("a short \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("a bad hex digit in a \\u escape")
            }
            code = code * 16 + digit
            index += 1
        }
        return code
    }

    /// Reads a number as JSON writes it: an optional minus, digits without a leading zero,
    /// an optional fraction and exponent. Anything else, or a number too large for a
    /// double, is refused rather than read as something else.
    private mutating func readNumber() throws(Failure) -> Double {
        let start = index
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        var integer: Int64 = 0
        var simple = true
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard isDigit(index) else { throw fail("a malformed number") }
        if bytes[index] == UInt8(ascii: "0") && isDigit(index + 1) { throw fail("a number may not start with a zero") }
        var digits = 0
        while isDigit(index) {
            if digits < 17 { integer = integer * 10 + Int64(bytes[index] - UInt8(ascii: "0")) } else { simple = false }
            digits += 1
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            simple = false
            index += 1
            guard isDigit(index) else { throw fail("a number needs digits after its decimal point") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            simple = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { throw fail("a number needs digits in its exponent") }
            while isDigit(index) { index += 1 }
        }
        if simple { return Double(negative ? -integer : integer) }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw fail("the number \(text) is out of range") }
        return number
    }
}
