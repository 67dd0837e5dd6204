import Fluent
import Foundation
import NIOConcurrencyHelpers
@testable import SiftWeb
import Testing
import Vapor
import VaporTesting

/// The suites that use a database, run one test at a time: each test has a database of its
/// own (in memory, or cloned on PostgreSQL), but loading demonstration data for many tests at
/// once on a small machine would make each wait on the others.
@Suite(.serialized) enum DatabaseSuites {}

/// A clock tests can move forward.
final class TestClock: Sendable {
    private let current = NIOLockedValueBox(Date(timeIntervalSince1970: 1_760_000_000))
    var now: Date { current.withLockedValue { $0 } }
    func advance(by seconds: TimeInterval) { current.withLockedValue { $0 += seconds } }
}

/// A path in the repository's folder (`relative` from it, so `../shared/…` is beside it).
func repositoryPath(_ relative: String, file: String = #filePath) -> String {
    var url = URL(fileURLWithPath: file)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent(relative).standardizedFileURL.path
}

/// Runs a test against a fresh Sift with demonstration data: in-memory SQLite, or on the
/// PostgreSQL server in SIFT_TEST_POSTGRES_URL a database of the test's own.
func withSift(clock: TestClock = TestClock(), frameworks: String? = nil, _ test: (Application, [DemoData.Account]) async throws -> Void) async throws {
    var clone: PostgresTestDatabases.Clone?
    if let url = ProcessInfo.processInfo.environment["SIFT_TEST_POSTGRES_URL"], !url.isEmpty {
        clone = try await PostgresTestDatabases.clone(on: url)
    }
    let database: ServerSettings.Database = clone.map { .postgres(url: $0.url) } ?? .memory
    do {
        try await withApp(configure: { app in
            try await configure(app, settings: ServerSettings(database: database, now: { clock.now }, frameworksDirectory: frameworks))
        }) { app in
            app.passwords.use(.plaintext)  // fast hashing for tests: production uses Bcrypt (tested apart)
            let accounts = try await DemoData.load(app)
            try await test(app, accounts)
        }
    } catch {
        if let clone { await PostgresTestDatabases.drop(clone) }
        throw error
    }
    if let clone { await PostgresTestDatabases.drop(clone) }
}

/// A browser: keeps cookies between requests.
/// Makes a demonstration establishment a community school, for a test that gives it a
/// category only maintained schools may have (Coventry's 1 and 2); before the year is proposed.
func makeMaintained(_ urn: String, on app: Application) async throws {
    let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == urn).first())
    let evidence = try await EvidenceStore.text(for: record, on: app.db)
    let changed = evidence.replacingOccurrences(of: "\"kind\":\"\(record.kind)\"", with: "\"kind\":\"community\"")
    #expect(changed != evidence)
    try await EvidenceStore.save(changed, for: record, on: app.db)
    record.kind = "community"
    try await record.save(on: app.db)
}

final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    var cookieHeader: HTTPHeaders {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        return headers
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: cookieHeader) { captured = $0 }
        keep(captured!)
        return captured!
    }

    @discardableResult
    func post(_ path: String, form: [String: String]) async throws -> TestingHTTPResponse {
        var headers = cookieHeader
        headers.contentType = .urlEncodedForm
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        var captured: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { captured = $0 }
        keep(captured!)
        return captured!
    }

    /// Posts a form with a file, as a browser sends an upload (multipart/form-data).
    @discardableResult
    func upload(_ path: String, form: [String: String], file: (name: String, filename: String, contents: String)) async throws -> TestingHTTPResponse {
        let boundary = "sift-test-\(UUID().uuidString)"
        var body = ""
        for (key, value) in form { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n" }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
            + "Content-Type: text/csv\r\n\r\n\(file.contents)\r\n--\(boundary)--\r\n"
        var headers = cookieHeader
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var captured: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { captured = $0 }
        keep(captured!)
        return captured!
    }

    /// Starts the year's categorisation as the form does, waits for the run to end, then
    /// follows its progress page, which opens the review; returns the start's answer. Waiting
    /// for the work itself, not for a number of polls, keeps the test from depending on how
    /// busy the machine is.
    @discardableResult
    func proposeYear(_ year: Int, csrf: String) async throws -> TestingHTTPResponse {
        let started = try await post("/runs", form: ["csrf": csrf, "year": String(year)])
        guard started.status == .seeOther, started.headers.first(name: .location) == "/runs/\(year)/progress" else { return started }
        await app.sift.background.waitForAll()
        let progress = try await get("/runs/\(year)/progress")
        if progress.status != .seeOther { Issue.record("the run of \(year) did not end with its review: \(progress.body.string)") }
        return started
    }

    /// Signs in as the demonstration account of an authority, proposes this academic year,
    /// and gives what a test of the year needs: the form token, the year, the authority's
    /// establishments by URN.
    static func officerWithYearProposed(_ app: Application, _ accounts: [DemoData.Account], authority code: String,
                                        as role: String = "officer") async throws -> (Browser, String, Int, [EstablishmentRecord]) {
        let browser = Browser(app)
        let email = "\(role)@\(code).example"
        _ = try await browser.signIn(email, accounts.password(email))
        let csrf = try #require(Browser.csrf(in: try await browser.get("/runs").body.string))
        let year = Runs.academicYear(of: app.sift.settings.now())
        #expect(try await browser.proposeYear(year, csrf: csrf).status == .seeOther)
        let authority = try #require(try await Authority.query(on: app.db).filter(\.$code == code).first())
        let records = try await EstablishmentRecord.query(on: app.db).filter(\.$authority.$id == authority.requireID()).sort(\.$urn).all()
        return (browser, csrf, year, records)
    }

    private func keep(_ response: TestingHTTPResponse) {
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
    }

    /// The hidden CSRF value in the last page's form.
    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = page[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    func signIn(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
        let page = try await get("/sign-in")
        return try await post("/sign-in", form: ["email": email, "password": password, "csrf": Self.csrf(in: page.body.string) ?? ""])
    }
}

extension Array where Element == DemoData.Account {
    func password(_ email: String) -> String { first { $0.email == email }!.password }
}
