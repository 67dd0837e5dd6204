import Foundation

/// An executable built beside the tests, run as a process of its own: its output goes to
/// files rather than pipes, so a child that writes much to both streams cannot stall on a
/// pipe nobody is reading yet.
struct ChildProcess {
    let status: Int32
    let output: String
    let errors: String

    static func run(_ executable: String, _ arguments: [String]) throws -> ChildProcess {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sift-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = folder.appendingPathComponent(executable)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ChildProcess(status: process.terminationStatus,
                            output: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                            errors: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
