import Foundation

/// The real DfE and GIAS files kept beside the repository (`../shared/realdata`).
enum RealData {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // PublicData, SiftCoreTests, Tests, the package
        return url.deletingLastPathComponent().appendingPathComponent("shared/realdata").path
    }()

    static func path(_ name: String) -> String { folder + "/" + name }
}
