import Foundation
import NIOConcurrencyHelpers
import SiftCore
import Vapor

/// The bundled frameworks, each loaded (read, checked and compiled) the first time it is
/// asked for and kept: a command that imports one authority's file reads only that
/// authority's framework, where loading all five took a tenth of a national import.
final class FrameworkShelf: Sendable {
    private let loaded = NIOLockedValueBox<[String: Framework]>([:])
    /// Frameworks installed beside the bundled ones (`SIFT_FRAMEWORKS`).
    let directory: String?

    init(directory: String? = nil) {
        self.directory = directory
    }

    /// The file of a framework: bundled, or installed in the directory under its id.
    func path(_ id: String) -> String? {
        if let bundled = BundledFrameworks.paths().first(where: { ($0 as NSString).lastPathComponent == id + ".yaml" }) { return bundled }
        guard let directory, !id.contains("/"), !id.hasPrefix(".") else { return nil }
        let installed = (directory as NSString).appendingPathComponent(id + ".yaml")
        return FileManager.default.fileExists(atPath: installed) ? installed : nil
    }

    func framework(_ id: String) throws -> Framework {
        if let framework = loaded.withLockedValue({ $0[id] }) { return framework }
        guard let path = path(id) else {
            throw Abort(.internalServerError, reason: "framework \(id) is not installed: bundled frameworks and files in SIFT_FRAMEWORKS are")
        }
        let framework = try FrameworkLoader.load(path: path)
        guard framework.id == id else {
            throw Abort(.internalServerError, reason: "the file \(id).yaml holds the framework \(framework.id): name the file by its id")
        }
        loaded.withLockedValue { $0[id] = framework }
        return framework
    }
}
