@testable import SiftCore
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    func records(_ text: String) throws -> [[String]] {
        try records(Array(text.utf8))
    }

    func records(_ bytes: [UInt8], mostRecordBytes: Int = CSVReader.defaultMostRecordBytes) throws -> [[String]] {
        let reader = CSVReader(bytes: bytes, mostRecordBytes: mostRecordBytes)
        var all: [[String]] = []
        while let record = try reader.next() { all.append(record.fields) }
        return all
    }

    @Test("quotes, doubled quotes, commas and newlines inside fields; CRLF or LF; blank lines skipped")
    func quoting() throws {
        let text = "URN,Name,Note\r\n100001,\"Oak, Lane\",\"She said \"\"hi\"\"\"\r\n\r\n100002,\"Two\nlines\",=1+2\n100003,Plain,"
        #expect(try records(text) == [["URN", "Name", "Note"], ["100001", "Oak, Lane", "She said \"hi\""],
                                      ["100002", "Two\nlines", "=1+2"], ["100003", "Plain", ""]])
    }

    @Test("each record knows the line it starts on, newlines inside quotes counted")
    func lines() throws {
        let reader = CSVReader(bytes: Array("a,b\n\"x\ny\",2\n\nlast,3".utf8))
        var lines: [Int] = []
        while let record = try reader.next() { lines.append(record.line) }
        #expect(lines == [1, 2, 5])
    }

    @Test("a UTF-8 byte-order mark is skipped; Windows-1252 is recognised; UTF-16 is refused")
    func encodings() throws {
        #expect(try records([0xEF, 0xBB, 0xBF] + Array("URN,Name\n1,Café".utf8)) == [["URN", "Name"], ["1", "Café"]])
        let reader = CSVReader(bytes: Array("URN,Name\n1,".utf8) + [0x53, 0x74, 0x20, 0x4D, 0x61, 0x72, 0x79, 0x92, 0x73, 0x20, 0x96, 0x20, 0xE9])
        var fields: [[String]] = []
        while let record = try reader.next() { fields.append(record.fields) }
        #expect(fields == [["URN", "Name"], ["1", "St Mary\u{2019}s \u{2013} é"]])
        #expect(reader.encoding == .windows1252)
        #expect(throws: CSVError.utf16) { try records([0xFF, 0xFE, 0x55, 0x00, 0x52, 0x00]) }
        #expect(throws: CSVError.binary(line: 1)) { try records([0x55, 0x00, 0x52, 0x00]) }
    }

    @Test("a record beyond the limit and a quote never closed are refused with their line")
    func limits() throws {
        let long = "a,b\n1,\"" + String(repeating: "x", count: 5_000) + "\"\n"
        #expect(throws: CSVError.recordTooLong(line: 2, limit: 1_000)) { try records(Array(long.utf8), mostRecordBytes: 1_000) }
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try records("a,b\n1,\"open\n2,3\n") }
        // A million characters on one line is read when within the limit.
        let wide = try records("a\n" + String(repeating: "y", count: 1_000_000) + "\n")
        #expect(wide[1][0].count == 1_000_000)
    }

    @Test("short rows read as blank beyond their end; columns are found by name whatever their case or place")
    func columns() throws {
        let reader = CSVReader(bytes: Array("Title of the file\n\nurn , EstablishmentName\n1\n".utf8))
        let columns = try #require(try CSVColumns.find(in: reader, required: ["URN", "establishmentname"]))
        #expect(columns.position("EstablishmentName") == 1)
        let row = try #require(try reader.next())
        #expect(row[1] == "" && row.isBlank(1) && row[0] == "1")
    }

    @Test("a file read a chunk at a time reads the same as one in memory")
    func chunks() throws {
        var text = "URN,Name\n"
        for index in 0..<2_000 { text += "\(100_000 + index),\"School \(index), with \"\"quotes\"\"\"\r\n" }
        let bytes = Array(text.utf8)
        var offset = 0
        let reader = CSVReader(mostRecordBytes: 1 << 20) {
            guard offset < bytes.count else { return nil }
            defer { offset += 7 }
            return Array(bytes[offset..<min(offset + 7, bytes.count)])
        }
        var chunked: [[String]] = []
        while let record = try reader.next() { chunked.append(record.fields) }
        #expect(chunked == (try records(bytes)))
        #expect(chunked.count == 2_001)
    }
}
