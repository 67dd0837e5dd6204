import Foundation

/// Reads an evidence file from disk: JSON, in the format of docs/evidence-format.md.
/// A file of many establishments is read one establishment at a time, so memory stays near
/// the size of the file plus the establishments read, not a tree of the whole file.
public enum EvidenceFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func read(path: String) throws(Failure) -> EvidenceSet {
        let bytes = try readBytes(path)
        do {
            var collector = EvidenceDecoder.Collector()
            if try JSONReader.stream(bytes: bytes, key: "establishments", each: { collector.add($0, position: $1) }) {
                return collector.set
            }
            let set = EvidenceDecoder.decodeFile(try JSONReader.read(bytes: bytes))
            if set.establishments.isEmpty, let problem = set.problems.first, problem.urn == "(file)" {
                throw Failure(message: "\(path): \(problem.field): \(problem.message)")
            }
            return set
        } catch let failure as JSONReader.Failure {
            throw Failure(message: "\(path): line \(failure.line): not valid JSON: \(failure.message)")
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "\(path): \(error)")
        }
    }

    /// The file's bytes: sized in one go for a regular file, read in chunks from a pipe.
    public static func readBytes(_ path: String) throws(Failure) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw Failure(message: "cannot read the evidence file \(path): no such file") }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(message: "\(path) is a folder, not an evidence file") }
        guard let handle = fopen(path, "rb") else { throw Failure(message: "cannot read the evidence file \(path)") }
        defer { fclose(handle) }
        var bytes: [UInt8]
        if (status.st_mode & S_IFMT) == S_IFREG {
            let size = Int(status.st_size)
            bytes = [UInt8](repeating: 0, count: size)
            let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, handle) }
            bytes.removeLast(size - count)
        } else {
            bytes = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = fread(&chunk, 1, chunk.count, handle)
                bytes.append(contentsOf: chunk[0..<count])
                if count < chunk.count { break }
            }
        }
        if ferror(handle) != 0 { throw Failure(message: "an error reading \(path)") }
        return bytes
    }
}
