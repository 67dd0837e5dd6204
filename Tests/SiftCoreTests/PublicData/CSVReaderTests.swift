import Foundation
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

@Suite("CSV reader: hostile input")
struct CSVHostileInputTests {
    static let fuzzFolder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fuzz").path
    }()

    @Test("every input the fuzzer ever found, and its seeds, give records or a clear error")
    func fuzzFindings() throws {
        var replayed = 0
        for folder in ["corpus", "findings"] {
            let path = Self.fuzzFolder + "/" + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
                let reader = CSVReader(bytes: bytes, mostRecordBytes: 4_096)
                do {
                    while let record = try reader.next() { for index in 0..<record.count { _ = record[index]; _ = record.trimmed(index) } }
                } catch is CSVError {}
                replayed += 1
            }
        }
        #expect(replayed >= 4)
    }

    @Test("a file missing the columns it needs, or of the wrong kind, is refused whole with what is missing")
    func missingColumns() throws {
        #expect(throws: PublicDataError.missingColumns(file: "a GIAS establishment download", columns: ["URN", "EstablishmentName", "TypeOfEstablishment (name)"])) {
            try GIASReader.read(CSVReader(bytes: Array("URN,Name\n100001,Oak\n".utf8)))
        }
        #expect(throws: PublicDataError.self) { try PerformanceTableReader.read(CSVReader(bytes: Array("URN,SCHNAME\n1,Oak\n".utf8)), year: 2018) }
        #expect(throws: PublicDataError.unreadable(.utf16)) { try GIASReader.read(CSVReader(bytes: [0xFF, 0xFE, 0x55, 0x00])) }
    }

    @Test("duplicated URNs, bad URNs and bad dates are rejected by line; formula-like names are kept as plain text")
    func rows() throws {
        let text = """
            URN,EstablishmentName,TypeOfEstablishment (name),OpenDate,OfstedRating (name),OfstedLastInsp
            100001,"=HYPERLINK(""http://x"")",Community school,01-09-2010,Good,23-01-2019
            100001,Again,Community school,,,
            12AB,Bad,Community school,,,
            100002,Late,Community school,31-02-2010,,
            100003,"Independent, Ltd",Other independent school,,,
            100004,"Quoted
            name",Academy converter,,Good,
            """
        let file = try GIASReader.read(CSVReader(bytes: Array(text.utf8)))
        #expect(file.establishments.map(\.urn) == ["100001", "100004"])
        #expect(file.establishments[0].name == "=HYPERLINK(\"http://x\")")
        #expect(file.establishments[1].name == "Quoted\nname")
        #expect(file.rejected.map(\.line) == [3, 4, 5])
        #expect(file.rejected[0].message == "URN 100001 appears again (first on line 2)")
        #expect(file.rejected[2].message == "\"31-02-2010\" is not a date (dd-mm-yyyy)")
        #expect(file.notCovered.map(\.line) == [6])
        // A rating without its date is not an inspection: the row is kept, the rating noted.
        #expect(file.establishments[1].inspection == nil && file.notes.map(\.line) == [7])
    }

    @Test("a figure that is neither a number nor a DfE code is noted by line and column, never read as zero")
    func figures() throws {
        let text = "RECTYPE,URN,PTRWM_EXP,READPROG,READPROG_LOWER,READPROG_UPPER\n1,100001,78%,abc,-1,1\n1,100002,SUPP,NE,,\n1,100003, ,LOWCOV,,\n"
        let table = try PerformanceTableReader.read(CSVReader(bytes: Array(text.utf8)), year: 2019)
        #expect(table.notes == [RowProblem(line: 2, column: "READPROG", "\"abc\" is not a figure or a code the DfE uses: read as not published")])
        let statuses = table.schools.map { [$0.measures[.ks2RWMExpected]!.status, $0.measures[.ks2ReadingProgress]!.status] }
        #expect(statuses == [[.published, .notPublished], [.suppressed, .noCohort], [.notPublished, .notPublished]])
        #expect(table.schools[0].measures[.ks2RWMExpected]?.value == 78)
        #expect(table.schools[0].measures[.ks2ReadingProgress]?.value == nil)
    }

    /// The reading runs in a child process (`csv-read-probe`) and the bound is on that
    /// process's own peak: the test process holds every test running beside this one.
    @Test("a 200 MB file is read a megabyte at a time: a process reading it peaks under 100 MB")
    func largeFile() throws {
        let path = NSTemporaryDirectory() + "sift-large-\(UUID().uuidString).csv"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let row = Array("100001,\"A school, with a long name that repeats\",Community school,01-09-2010\n".utf8)
        let block = Data((0..<10_000).flatMap { _ in row })
        try handle.write(contentsOf: Data("URN,EstablishmentName,TypeOfEstablishment (name),OpenDate\n".utf8))
        var written = 0
        while written < 200_000_000 { try handle.write(contentsOf: block); written += block.count }
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let probe = try ChildProcess.run("csv-read-probe", [path])
        #expect(probe.status == 0, "\(probe.errors)")
        let figures = Dictionary(uniqueKeysWithValues: probe.output.split(separator: "\n").compactMap { line -> (String, Int)? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Int(parts[1]) else { return nil }
            return (String(parts[0]), value)
        })
        #expect(figures["records"] == 1 + written / row.count)
        let peakMB = Double(try #require(figures["peak-resident-kb"])) / 1024
        #expect(peakMB > 0 && peakMB < 100, "reading must not hold the file in memory: the reading process peaked at \(peakMB) MB")
    }

    @Test("a quote opened and never closed in a 200 MB file is refused at the record limit, not read to the end")
    func largeOpenQuote() throws {
        let path = NSTemporaryDirectory() + "sift-open-quote-\(UUID().uuidString).csv"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data("URN,EstablishmentName\n100001,\"never closed".utf8))
        let block = Data(repeating: UInt8(ascii: "x"), count: 10_000_000)
        for _ in 0..<20 { try handle.write(contentsOf: block) }
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PublicDataError.unreadable(.recordTooLong(line: 2, limit: CSVReader.defaultMostRecordBytes))) {
            try GIASReader.read(CSVReader(path: path))
        }
    }
}
