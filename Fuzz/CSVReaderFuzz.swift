// libFuzzer target for the CSV reader: any bytes must give records or a CSVError, never a
// crash, a hang or unbounded memory. Built by Scripts/fuzz-csv.sh with -sanitize=fuzzer.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // A small record limit, so the limit's path is reached as often as the others.
    let reader = CSVReader(bytes: bytes, mostRecordBytes: 4_096)
    do {
        var fields = 0
        while let record = try reader.next() {
            fields += record.count
            for index in 0..<record.count { _ = record[index]; _ = record.trimmed(index) }
            precondition(record.line >= 1)
        }
        if fields == 0, let columns = try CSVColumns.find(in: CSVReader(bytes: bytes), required: ["URN"]) {
            precondition(columns.position("URN") != nil)
        }
    } catch is CSVError {
        // A clear refusal is a correct answer.
    } catch {
        preconditionFailure("unexpected error: \(error)")
    }
    return 0
}
