import Fluent
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
    case .postgres(let url): try app.databases.use(.postgres(url: url), as: .psql)
    }
    for migration in Migrations.all { app.migrations.add(migration) }
    try await app.autoMigrate()

    app.sift = SiftServices(settings: settings, frameworks: try SiftServices.loadFrameworks())

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
