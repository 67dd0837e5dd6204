import Foundation
import Fluent
import SiftCore
import Vapor

/// What request handlers share: the settings and the bundled frameworks. Kept in the
/// application's storage and handed to handlers through `Request.services`.
struct SiftServices: Sendable {
    let settings: ServerSettings
    let frameworks: FrameworkShelf
    /// Annual runs under way on this server.
    let runProgress = RunProgressBoard()
    /// Uploaded files being imported on this server.
    let imports = ImportBoard()
    /// Runs and imports under way, which stopping the server waits for.
    let background = BackgroundWork()
    /// The establishment list's networks, kept while what they describe is unchanged.
    let keptAnswers: KeptAnswers
    /// The establishment list's orders (`ListOrder`), kept likewise; each can be 60 kB.
    let listOrders: KeptAnswers

    init(settings: ServerSettings) {
        self.settings = settings
        self.frameworks = FrameworkShelf(directory: settings.frameworksDirectory)
        switch settings.database {
        case .sqlite, .memory: (keptAnswers, listOrders) = (KeptAnswers(isKeeping: true), KeptAnswers(isKeeping: true, mostKept: 1_000))
        case .postgres: (keptAnswers, listOrders) = (KeptAnswers(isKeeping: false), KeptAnswers(isKeeping: false))
        }
    }

    func framework(_ id: String) throws -> Framework {
        try frameworks.framework(id)
    }
}

struct ServicesKey: StorageKey {
    typealias Value = SiftServices
}

extension Application {
    var sift: SiftServices {
        get { storage[ServicesKey.self]! }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var sift: SiftServices { application.sift }
    var now: Date { sift.settings.now() }
}

extension SiftServices {
    /// The categories of every framework the authority runs, each code once (the first
    /// framework's where two share one), for pages about the whole authority.
    func categories(of authority: Authority) throws -> [SiftCore.Category] {
        var seen = Set<String>()
        return try authority.frameworkIDs.flatMap { try framework($0).categories }.filter { seen.insert($0.code).inserted }
    }

    /// "Coventry primary categorisation 2023/24", or the names of each framework it runs.
    func frameworkNames(of authority: Authority) throws -> String {
        let names = try authority.frameworkIDs.map { try framework($0).name }
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
