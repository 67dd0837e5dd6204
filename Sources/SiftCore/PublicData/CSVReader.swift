import Foundation

/// The text encodings the DfE's, GIAS's and Ofsted's CSV files come in.
public enum CSVEncoding: String, Sendable {
    /// With or without a byte-order mark.
    case utf8 = "UTF-8"
    /// What Excel saves as "CSV" on Windows; GIAS downloads have used it.
    case windows1252 = "Windows-1252"
}

/// Why a file could not be read as CSV at all: each says where and what.
public enum CSVError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String)
    case utf16
    case binary(line: Int)
    case recordTooLong(line: Int, limit: Int)
    case unterminatedQuote(line: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path): return "\(path) cannot be opened"
        case .utf16: return "the file is UTF-16 text: save it as \"CSV UTF-8\" or \"CSV (Comma delimited)\" and import that"
        case .binary(let line): return "line \(line) holds a NUL byte: this is not a CSV text file (a spreadsheet, or UTF-16 without a byte-order mark?)"
        case .recordTooLong(let line, let limit):
            return "the record starting on line \(line) is longer than \(limit / 1_048_576) MB: a quote is probably not closed, or the file is not CSV"
        case .unterminatedQuote(let line): return "the quoted field starting on line \(line) is never closed"
        }
    }
}

/// Reads CSV (RFC 4180 as Excel writes it: commas, double quotes doubled inside quoted
/// fields, newlines inside quotes, CRLF or LF) a chunk at a time, so a file of any size is
/// read in bounded memory. The encoding is found as it reads: a UTF-8 byte-order mark is
/// skipped, UTF-16 is refused, and the first bytes that are not UTF-8 switch the rest of the
/// file to Windows-1252 (what a record read before held was valid UTF-8 either way).
public final class CSVReader {
    /// No record may be longer than this: a quote left open would otherwise read the rest
    /// of a 200 MB file into one field.
    public static let defaultMostRecordBytes = 8 * 1_048_576
    static let chunkSize = 1_048_576

    public private(set) var encoding: CSVEncoding = .utf8
    private let mostRecordBytes: Int
    private let readChunk: () throws -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var started = false

    /// Reads a file a megabyte at a time.
    public convenience init(path: String, mostRecordBytes: Int = CSVReader.defaultMostRecordBytes) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CSVError.cannotOpen(path: path) }
        var open = true
        self.init(mostRecordBytes: mostRecordBytes) {
            guard open else { return nil }
            guard let data = try handle.read(upToCount: CSVReader.chunkSize), !data.isEmpty else {
                open = false
                try? handle.close()
                return nil
            }
            return [UInt8](data)
        }
    }

    /// Reads bytes already in memory.
    public convenience init(bytes: [UInt8], mostRecordBytes: Int = CSVReader.defaultMostRecordBytes) {
        var given: [UInt8]? = bytes
        self.init(mostRecordBytes: mostRecordBytes) {
            defer { given = nil }
            return given
        }
    }

    init(mostRecordBytes: Int, readChunk: @escaping () throws -> [UInt8]?) {
        self.mostRecordBytes = mostRecordBytes
        self.readChunk = readChunk
    }

    /// The next byte, reading another chunk when the buffer is spent; nil at the end.
    private func nextByte() throws -> UInt8? {
        if position == buffer.count {
            guard let chunk = try readChunk() else { return nil }
            buffer = chunk
            position = 0
            if buffer.isEmpty { return nil }
        }
        defer { position += 1 }
        return buffer[position]
    }

    private func peekByte() throws -> UInt8? {
        if position == buffer.count {
            guard let chunk = try readChunk(), !chunk.isEmpty else { return nil }
            buffer = chunk
            position = 0
        }
        return buffer[position]
    }

    /// Skips a UTF-8 byte-order mark; refuses UTF-16.
    private func readStart() throws {
        started = true
        var seen: [UInt8] = []
        while seen.count < 3, let byte = try nextByte() { seen.append(byte) }
        if seen.starts(with: [0xFF, 0xFE]) || seen.starts(with: [0xFE, 0xFF]) { throw CSVError.utf16 }
        if seen != [0xEF, 0xBB, 0xBF] { pending = seen }
    }

    /// Bytes read while looking for a byte-order mark that was not one.
    private var pending: [UInt8] = []

    private func take() throws -> UInt8? {
        if !pending.isEmpty { return pending.removeFirst() }
        return try nextByte()
    }

    private func peek() throws -> UInt8? {
        if let first = pending.first { return first }
        return try peekByte()
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws -> CSVRecord? {
        if !started { try readStart() }
        while true {
            guard let record = try readRecord() else { return nil }
            if record.count == 1 && record.isBlank(0) { continue }
            return record
        }
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private func readRecord() throws -> CSVRecord? {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var inQuotes = false
        var highBytes = false
        let startLine = line
        var read = 0
        guard try peek() != nil else { return nil }
        while let byte = try take() {
            read += 1
            if read > mostRecordBytes { throw CSVError.recordTooLong(line: startLine, limit: mostRecordBytes) }
            if byte == 0 { throw CSVError.binary(line: line) }
            if byte >= 0x80 { highBytes = true }
            if inQuotes {
                if byte == Self.quote {
                    if try peek() == Self.quote {
                        _ = try take()
                        bytes.append(Self.quote)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == Self.lf { line += 1 }
                    bytes.append(byte)
                }
                continue
            }
            switch byte {
            case Self.comma:
                ends.append(bytes.count)
            case Self.quote:
                // A quote opens a quoted field only at its start; elsewhere it is kept as text.
                if ends.last ?? 0 == bytes.count { inQuotes = true } else { bytes.append(byte) }
            case Self.cr, Self.lf:
                if byte == Self.cr, try peek() == Self.lf { _ = try take() }
                line += 1
                ends.append(bytes.count)
                return finish(bytes, ends, line: startLine, highBytes: highBytes)
            default:
                bytes.append(byte)
            }
        }
        if inQuotes { throw CSVError.unterminatedQuote(line: startLine) }
        ends.append(bytes.count)
        return finish(bytes, ends, line: startLine, highBytes: highBytes)
    }

    private func finish(_ bytes: [UInt8], _ ends: [Int], line: Int, highBytes: Bool) -> CSVRecord {
        if highBytes, encoding == .utf8, String(validating: bytes, as: UTF8.self) == nil { encoding = .windows1252 }
        return CSVRecord(line: line, bytes: bytes, ends: ends, encoding: highBytes ? encoding : .utf8)
    }
}

/// One record: its fields' bytes, decoded to text only when a field is asked for.
public struct CSVRecord: Sendable {
    /// The line of the file the record starts on, counting from 1.
    public let line: Int
    let bytes: [UInt8]
    let ends: [Int]
    let encoding: CSVEncoding

    public var count: Int { ends.count }

    private func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// The field's text; an empty string beyond the record's end, as DfE files end rows early.
    public subscript(index: Int) -> String {
        guard index >= 0, index < ends.count else { return "" }
        let slice = bytes[range(index)]
        switch encoding {
        case .utf8: return String(decoding: slice, as: UTF8.self)
        case .windows1252: return Windows1252.decode(slice)
        }
    }

    public var fields: [String] { (0..<count).map { self[$0] } }

    /// The field's text without the spaces and tabs around it; nil when that leaves nothing.
    public func trimmed(_ index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        var range = self.range(index)
        while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 { range = range.dropFirst() }
        while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.dropLast() }
        guard !range.isEmpty else { return nil }
        switch encoding {
        case .utf8: return String(decoding: bytes[range], as: UTF8.self)
        case .windows1252: return Windows1252.decode(bytes[range])
        }
    }

    /// Whether the field is missing, empty or only spaces.
    public func isBlank(_ index: Int) -> Bool {
        guard index >= 0, index < ends.count else { return true }
        return bytes[range(index)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
