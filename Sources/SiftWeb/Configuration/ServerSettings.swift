import Foundation

/// How a Sift server is set up: where its data lives and what it trusts. Passed in, never
/// read from globals, so tests fix the database and the clock.
public struct ServerSettings: Sendable {
    public enum Database: Sendable {
        /// A SQLite file: the default, needing nothing else installed.
        case sqlite(path: String)
        /// PostgreSQL, for an installation shared by many authorities or app servers.
        case postgres(url: String)
        /// An in-memory SQLite database, for tests.
        case memory
    }

    public var database: Database
    /// Mark cookies Secure and send HSTS: set when Sift is served over HTTPS.
    public var secure: Bool
    /// A session ends after this long without a request…
    public var idleTimeout: TimeInterval
    /// …and after this long whatever happens.
    public var absoluteTimeout: TimeInterval
    /// Failed sign-ins before an account is locked, and for how long.
    public var lockoutThreshold: Int
    public var lockoutDuration: TimeInterval
    public var now: @Sendable () -> Date
    /// A folder of framework files installed beside the bundled five (`SIFT_FRAMEWORKS`): an
    /// authority outside them runs its own, named by the file's name without `.yaml`.
    public var frameworksDirectory: String?

    public init(database: Database, secure: Bool = false, idleTimeout: TimeInterval = 30 * 60,
                absoluteTimeout: TimeInterval = 12 * 60 * 60, lockoutThreshold: Int = 10, lockoutDuration: TimeInterval = 5 * 60,
                now: @escaping @Sendable () -> Date = { Date() },
                frameworksDirectory: String? = ProcessInfo.processInfo.environment["SIFT_FRAMEWORKS"].flatMap { $0.isEmpty ? nil : $0 }) {
        self.frameworksDirectory = frameworksDirectory
        self.database = database
        self.secure = secure
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.lockoutThreshold = lockoutThreshold
        self.lockoutDuration = lockoutDuration
        self.now = now
    }

    /// The environment's choice: PostgreSQL when `DATABASE_URL` is set, else the SQLite file.
    public static func fromEnvironment(sqlitePath: String) -> ServerSettings {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            return ServerSettings(database: .postgres(url: url), secure: ProcessInfo.processInfo.environment["SIFT_HTTPS"] == "1")
        }
        return ServerSettings(database: .sqlite(path: sqlitePath), secure: ProcessInfo.processInfo.environment["SIFT_HTTPS"] == "1")
    }
}
