import Foundation

/// The seed frameworks that ship with Sift, and finding a framework by name or path.
public enum BundledFrameworks {
    public static var directory: URL? {
        Bundle.module.url(forResource: "Frameworks", withExtension: nil)
    }

    /// Paths of the bundled framework files, sorted by name.
    public static func paths() -> [String] {
        guard let directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0).path }
    }

    /// A path to a file, or the id or file name of a bundled framework.
    public static func resolve(_ name: String) -> String? {
        if FileManager.default.fileExists(atPath: name) { return name }
        return paths().first { path in
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return stem == name || name == "\(stem).yaml"
        }
    }

    public static func load(_ name: String) throws(FrameworkLoadError) -> Framework {
        guard let path = resolve(name) else {
            let known = paths().map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
            throw FrameworkLoadError(issues: [FrameworkIssue(file: name, line: nil, message: "no such file, and no bundled framework of that name; bundled: \(known.joined(separator: ", "))")])
        }
        return try FrameworkLoader.load(path: path)
    }
}
