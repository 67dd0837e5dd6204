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

    /// The file's bytes, read straight into one buffer of the file's size.
    static func readBytes(_ path: String) throws(Failure) -> [UInt8] {
        guard let handle = fopen(path, "rb") else { throw Failure(message: "cannot read the evidence file \(path)") }
        defer { fclose(handle) }
        guard fseek(handle, 0, SEEK_END) == 0 else { throw Failure(message: "cannot read the evidence file \(path)") }
        let size = ftell(handle)
        guard size >= 0, fseek(handle, 0, SEEK_SET) == 0 else { throw Failure(message: "cannot read the evidence file \(path)") }
        var bytes = [UInt8](repeating: 0, count: size)
        let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, handle) }
        if count != size || ferror(handle) != 0 { throw Failure(message: "an error reading \(path)") }
        return bytes
    }
}
