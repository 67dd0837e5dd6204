import Foundation

/// Reads an evidence file from disk: JSON, in the format of docs/evidence-format.md.
public enum EvidenceFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func read(path: String) throws(Failure) -> EvidenceSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "cannot read the evidence file \(path)")
        }
        do {
            let tree = try JSONReader.read(bytes: [UInt8](data))
            let set = EvidenceDecoder.decodeFile(tree)
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
}
