import FluentPostgresDriver
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOPosix
@testable import SiftWeb
import Vapor

/// On PostgreSQL every test gets a database of its own, cloned (`CREATE DATABASE … TEMPLATE …`)
/// from one this test process migrated once, and dropped when the test ends: no test shares a
/// database with another, whether in this process or in another run against the same server.
enum PostgresTestDatabases {
    struct Clone: Sendable {
        let url: String
        let name: String
        let server: String
    }

    private static let template = NIOLockedValueBox<Task<String, any Error>?>(nil)
    private static let logger = Logger(label: "sift.tests.postgres")

    /// A new database cloned from this process's template, on the server `serverURL` names.
    static func clone(on serverURL: String) async throws -> Clone {
        let templateName = try await templateTask(on: serverURL).value
        let name = "sift_t_\(getpid())_\(UUID().uuidString.prefix(8).lowercased())"
        try await execute("CREATE DATABASE \(name) TEMPLATE \(templateName)", on: serverURL)
        return Clone(url: try url(serverURL, database: name), name: name, server: serverURL)
    }

    static func drop(_ clone: Clone) async {
        try? await execute("DROP DATABASE IF EXISTS \(clone.name) WITH (FORCE)", on: clone.server)
    }

    private static func templateTask(on serverURL: String) throws -> Task<String, any Error> {
        try refuseRemote(serverURL)
        return template.withLockedValue { task in
            if let task { return task }
            let made = Task { try await makeTemplate(on: serverURL) }
            task = made
            return made
        }
    }

    /// Drops what earlier test processes left behind (each name carries its process id), then
    /// makes this process's template and migrates it.
    private static func makeTemplate(on serverURL: String) async throws -> String {
        for name in try await databases(on: serverURL) {
            let parts = name.split(separator: "_")
            guard parts.count >= 4, parts[0] == "sift", parts[1] == "t" || parts[1] == "tpl", let pid = Int32(parts[2]),
                  pid != getpid(), !FileManager.default.fileExists(atPath: "/proc/\(pid)") else { continue }
            try await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: serverURL)
        }
        let name = "sift_tpl_\(getpid())_\(UUID().uuidString.prefix(8).lowercased())"
        try await execute("CREATE DATABASE \(name)", on: serverURL)
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: ServerSettings(database: .postgres(url: try url(serverURL, database: name))))
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return name
    }

    private static func databases(on serverURL: String) async throws -> [String] {
        try await withConnection(to: serverURL) { connection in
            var names: [String] = []
            for try await row in try await connection.query("SELECT datname FROM pg_database WHERE datname LIKE 'sift\\_t%'", logger: logger) {
                names.append(try row.decode(String.self))
            }
            return names
        }
    }

    private static func execute(_ sql: String, on serverURL: String) async throws {
        try await withConnection(to: serverURL) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    private static func withConnection<T: Sendable>(to serverURL: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let configuration = try SQLPostgresConfiguration(url: serverURL).coreConfiguration
        let connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                              configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func url(_ serverURL: String, database: String) throws -> String {
        guard var components = URLComponents(string: serverURL) else { throw Abort(.internalServerError, reason: "SIFT_TEST_POSTGRES_URL is not a URL") }
        components.path = "/" + database
        guard let url = components.string else { throw Abort(.internalServerError, reason: "SIFT_TEST_POSTGRES_URL is not a URL") }
        return url
    }

    /// Tests create and drop databases: they run only against a server on this machine.
    private static func refuseRemote(_ serverURL: String) throws {
        let host = URLComponents(string: serverURL)?.host ?? ""
        guard ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) else {
            throw Abort(.internalServerError, reason: "SIFT_TEST_POSTGRES_URL names \(host): the tests run only against a PostgreSQL on this machine")
        }
    }
}
