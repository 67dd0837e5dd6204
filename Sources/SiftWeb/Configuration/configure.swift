import Fluent
import FluentSQL
import Foundation
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import Vapor

/// Sets up a Sift application: database, migrations, views, middleware and routes.
public func configure(_ app: Application, settings: ServerSettings) async throws {
    switch settings.database {
    case .sqlite(let path): app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .memory: app.databases.use(.sqlite(.memory), as: .sqlite)
    // A run or an import keeps one connection in its transaction for seconds; with one
    // connection an event loop (the default), pages served on that loop would wait for it and
    // time out. Four a loop keeps pages answering while such work goes on.
    case .postgres(let url): try app.databases.use(.postgres(url: url, maxConnectionsPerEventLoop: 4), as: .psql)
    }
    for migration in Migrations.all { app.migrations.add(migration) }
    try await app.autoMigrate()
    if case .sqlite = settings.database {
        try await tuneSQLite(app)
        try await refreshQueryStatistics(app.db)
    }

    app.sift = SiftServices(settings: settings)
    app.lifecycle.use(BackgroundWorkFinishesBeforeShutdown())

    guard let views = Bundle.module.url(forResource: "Views", withExtension: nil)?.path,
          let assets = Bundle.module.url(forResource: "Public", withExtension: nil)?.path else {
        throw Abort(.internalServerError, reason: "the views and assets are missing from the installation")
    }
    app.leaf.configuration = LeafConfiguration(rootDirectory: views + "/")
    // The views live in the installed bundle, which may sit under a hidden folder (.build):
    // keep the sandbox, allow the hidden path.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views + "/", viewDirectory: views + "/"))
    app.views.use(.leaf)

    // Order matters: headers go on every response, errors included.
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware(secure: settings.secure))
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: assets + "/"))
    app.middleware.use(SessionAuthenticationMiddleware())

    try routes(app)
}

/// SQLite's default page cache (2 MB) is smaller than a national authority's establishments
/// table, so every list and count would re-read the file. Each event loop has its own
/// connection: give each a larger cache and memory-mapped reads.
///
/// The file is kept in write-ahead-log mode: pages are read while an import or a run writes
/// (a rollback journal locks readers out until it commits), and a large import's commit
/// appends to the log instead of rewriting the file. `synchronous` stays FULL, so a
/// committed transaction survives a power cut.
private func tuneSQLite(_ app: Application) async throws {
    if let sql = app.db as? any SQLDatabase {
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }
    for eventLoop in app.eventLoopGroup.makeIterator() {
        guard let sql = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) as? any SQLDatabase else { continue }
        try await sql.raw("PRAGMA cache_size = -65536").run()
        try await sql.raw("PRAGMA mmap_size = 268435456").run()
    }
}

/// The query planner's figures on each table and index. Without them SQLite walks a whole
/// authority to check a search's few matches; run at start and after every import, since
/// an import can take a table from a handful of rows to tens of thousands.
func refreshQueryStatistics(_ database: any Database) async throws {
    guard let sql = database as? any SQLDatabase else { return }
    try await sql.raw("ANALYZE").run()
}

/// Stopping the server waits for the annual runs and imports under way: they need the database.
struct BackgroundWorkFinishesBeforeShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.sift.background.waitForAll()
    }
}
