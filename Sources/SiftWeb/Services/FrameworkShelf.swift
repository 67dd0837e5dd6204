import Foundation
import NIOConcurrencyHelpers
import SiftCore
import Vapor

/// The bundled frameworks, each loaded (read, checked and compiled) the first time it is
/// asked for and kept: a command that imports one authority's file reads only that
/// authority's framework, where loading all five took a tenth of a national import.
final class FrameworkShelf: Sendable {
    private let loaded = NIOLockedValueBox<[String: Framework]>([:])

    func framework(_ id: String) throws -> Framework {
        if let framework = loaded.withLockedValue({ $0[id] }) { return framework }
        guard let path = BundledFrameworks.paths().first(where: { ($0 as NSString).lastPathComponent == id + ".yaml" }) else {
            throw Abort(.internalServerError, reason: "framework \(id) is not installed")
        }
        let framework = try FrameworkLoader.load(path: path)
        loaded.withLockedValue { $0[id] = framework }
        return framework
    }
}
