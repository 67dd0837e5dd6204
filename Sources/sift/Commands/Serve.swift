import ArgumentParser
import Foundation
import SiftWeb

/// Options shared by the commands that open the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite file to use when DATABASE_URL is not set.")
    var database = "sift.sqlite"

    var settings: ServerSettings { ServerSettings.fromEnvironment(sqlitePath: database) }

    var described: String {
        switch settings.database {
        case .sqlite(let path): return "SQLite file \(URL(fileURLWithPath: path).standardizedFileURL.path)"
        case .postgres: return "PostgreSQL (DATABASE_URL)"
        case .memory: return "memory"
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web service.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Load five fictional authorities with establishments, and print how to sign in.") var demo = false

    func run() async throws {
        print("Sift is using the \(database.described).")
        let (hostname, port) = (hostname, port)
        try await reporting {
            try await SiftServer.serve(settings: database.settings, hostname: hostname, port: port, demo: demo) { accounts in
                print("\nDemonstration data is loaded. Sign in at http://\(hostname):\(port)/sign-in with any of these")
                print("(each password is new, and shown only now):\n")
                for account in accounts {
                    print("  \(account.email.padding(toLength: 30, withPad: " ", startingAt: 0)) \(account.password)   \(account.role) — \(account.note)")
                }
                print("")
            }
        }
    }
}

struct Authorities: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage authorities.", subcommands: [Create.self, LoadEvidence.self])

    struct LoadEvidence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load-evidence",
            abstract: "Store an evidence file's establishments in an authority: all of them, or none if any has a problem.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The authority's code.") var authority: String
        @Argument(help: "The evidence file (docs/evidence-format.md).") var file: String

        func run() async throws {
            var counts = (0, 0)
            try await reporting {
                counts = try await SiftServer.loadEvidence(settings: database.settings, authority: authority, path: file)
            }
            print("Stored \(counts.0 + counts.1) establishments in \(authority): \(counts.0) new, \(counts.1) replaced.")
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an authority running a framework, or several each for what it covers.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A short code, e.g. coventry.") var code: String
        @Option(help: "The authority's name.") var name: String
        @Option(help: "The framework it runs, e.g. coventry-2023; or several, comma-separated, each for what those before it do not cover, e.g. coventry-2023,hackney-2023.") var framework: String

        func run() async throws {
            try await reporting {
                try await SiftServer.createAuthority(settings: database.settings, code: code, name: name, frameworkID: framework)
            }
            print("Authority \(code) created, running \(framework).")
        }
    }
}

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage users.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; their one-time password is printed once.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The authority's code.") var authority: String
        @Option(help: "Their email address, used to sign in.") var email: String
        @Option(help: "Their name.") var name: String
        @Option(help: "administrator, officer, network_lead, school_user or read_only.") var role: String
        @Option(help: "For a school user: their establishment's URN.") var establishment: String?
        @Option(help: "For a network lead: their network.") var network: String?

        func run() async throws {
            var password = ""
            try await reporting {
                password = try await SiftServer.createUser(settings: database.settings, authority: authority, email: email, name: name,
                                                           role: role, establishmentURN: establishment, network: network)
            }
            print("User \(email) created. Their password, shown only now: \(password)")
        }
    }
}

/// Runs the work, turning a problem for the person at the command line into a message and exit 1.
func reporting(_ work: () async throws -> Void) async throws {
    do {
        try await work()
    } catch let failure as SiftServer.Failure {
        printError(failure.description)
        throw ExitCode(1)
    }
}
