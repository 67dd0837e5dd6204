/// A file's header: its columns found by name, never by position, ignoring case, spacing and
/// a byte-order mark, since the DfE and GIAS add, drop and reorder columns between years.
public struct CSVColumns: Sendable {
    public let names: [String]
    private let positions: [String: Int]

    public init(header: CSVRecord) {
        names = header.fields
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[Self.key(name)] == nil {
            positions[Self.key(name)] = index
        }
        self.positions = positions
    }

    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }).joined(separator: " ")
    }

    /// The position of the first of `names` the file has.
    public func position(_ names: String...) -> Int? { position(names) }

    public func position(_ names: [String]) -> Int? {
        for name in names { if let found = positions[Self.key(name)] { return found } }
        return nil
    }

    public func has(_ name: String) -> Bool { positions[Self.key(name)] != nil }

    /// Reads records until one names every column in `required`: files with a title line or
    /// two above the header (Ofsted's) read as well as those without.
    public static func find(in reader: CSVReader, required: [String], withinLines limit: Int = 10) throws -> CSVColumns? {
        try find(in: reader, requiredEach: required.map { [$0] }, withinLines: limit)
    }

    /// As `find(in:required:)`, each requirement met by any one of its names.
    public static func find(in reader: CSVReader, requiredEach required: [[String]], withinLines limit: Int = 10) throws -> CSVColumns? {
        var looked = 0
        while looked < limit, let record = try reader.next() {
            looked += 1
            let columns = CSVColumns(header: record)
            if required.allSatisfy({ columns.position($0) != nil }) { return columns }
        }
        return nil
    }
}

/// A row of a public file that was not taken, and why: shown to the analyst by line number.
public struct RowProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: String?
    public let message: String

    public init(line: Int, column: String? = nil, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line)\(column.map { ", \($0)" } ?? ""): \(message)" }
}
