import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SiftCore
import Vapor

/// What the command line asks of the web service, without it needing Vapor itself.
public enum SiftServer {
    /// A problem to show the person at the command line.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs the service until it is stopped, loading demonstration data first if asked.
    public static func serve(settings: ServerSettings, hostname: String, port: Int, demo: Bool,
                             announce: @escaping @Sendable ([DemoData.Account]) -> Void) async throws {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        try await withApplication(settings, arguments: ["sift", "serve", "--hostname", hostname, "--port", String(port)]) { app in
            if demo { announce(try await DemoData.load(app)) }
            try await app.execute()
        }
    }

    public static func createAuthority(settings: ServerSettings, code: String, name: String, frameworkID: String) async throws {
        try await withApplication(settings) { app in
            try await Accounts.createAuthority(code: code, name: name, frameworkID: frameworkID, on: app)
        }
    }

    /// Stores an evidence file's establishments in an authority, all or none; returns (added, replaced).
    public static func loadEvidence(settings: ServerSettings, authority: String, path: String) async throws -> (Int, Int) {
        var result = (0, 0)
        try await withApplication(settings) { app in
            let summary = try await EvidenceImport.load(path: path, authorityCode: authority, on: app)
            result = (summary.added, summary.replaced)
        }
        return result
    }

    /// What a public file can be.
    public enum PublicFile: String, CaseIterable, Sendable {
        case gias, giasLinks = "gias-links", ofsted, ofstedEarlyYears = "ofsted-early-years", ks2, ks4
    }

    /// Imports a public file into an authority's establishments (`PublicDataImport`).
    /// - Parameter authority: the authority's code; without one, the database's only authority.
    public static func importPublicFile(settings: ServerSettings, kind: PublicFile, path: String, authority: String?,
                                        laCodes: Set<String>?, year: Int?, dryRun: Bool) async throws -> PublicDataImport.Report {
        var report = PublicDataImport.Report()
        try await withApplication(settings) { app in
            var code = authority
            if code == nil { code = try await onlyAuthority(on: app) }
            report = try await PublicDataImport.run(kind, path: path, authorityCode: code ?? "", laCodes: laCodes, year: year, dryRun: dryRun, on: app)
        }
        return report
    }

    /// The code of the database's one authority; with several, which to choose is asked for.
    static func onlyAuthority(on app: Application) async throws -> String {
        let codes = try await Authority.query(on: app.db).sort(\.$code).all().map(\.code)
        guard codes.count == 1 else {
            throw Abort(.badRequest, reason: codes.isEmpty ? "the database has no authority yet: create one first"
                        : "say which authority the file is for with --authority: the database has \(codes.joined(separator: ", "))")
        }
        return codes[0]
    }

    /// Returns the new user's one-time password.
    public static func createUser(settings: ServerSettings, authority: String, email: String, name: String, role: String,
                                  establishmentURN: String?, network: String?) async throws -> String {
        var password = ""
        try await withApplication(settings) { app in
            password = try await Accounts.createUser(authorityCode: authority, email: email, name: name, role: role,
                                                     establishmentURN: establishmentURN, network: network, on: app)
        }
        return password
    }

    private static let loggingStarted = NIOLockedValueBox(false)

    /// Opens the database (running migrations), does the work, and closes everything.
    static func withApplication(_ settings: ServerSettings, arguments: [String] = ["sift"], _ work: (Application) async throws -> Void) async throws {
        var environment = Environment(name: "production", arguments: arguments)
        // Logging is set up once a process: a program may open the database more than once.
        if loggingStarted.withLockedValue({ started in defer { started = true }; return !started }) {
            try LoggingSystem.bootstrap(from: &environment)
        }
        let app = try await Application.make(environment)
        do {
            try await configure(app, settings: settings)
            try await work(app)
        } catch let error as any AbortError {
            try? await app.asyncShutdown()
            throw Failure(description: error.reason)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
