import ArgumentParser
import Foundation
import SiftCore
import SiftWeb

extension SiftServer.PublicFile: ExpressibleByArgument {}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a public file into an authority: a GIAS download, Ofsted's management information, or a KS2 or KS4 performance table.",
        discussion: """
            Every row is stored, or none: a file with a rejected row stores nothing, and the report lists each \
            rejected row by line. Importing the same file again changes nothing; a later file for the same year \
            replaces that year's figures.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "gias, gias-links, ofsted, ofsted-early-years, ks2 or ks4.") var kind: SiftServer.PublicFile
    @Argument(help: "The CSV file, as downloaded.") var file: String
    @Option(help: "The authority's code; needed only when the database holds more than one.") var authority: String?
    @Option(help: "GIAS: the local-authority codes whose establishments are the authority's, e.g. 936 or 850,936; Ofsted early years: the local authorities' names as the file gives them, e.g. Wolverhampton.") var la: String?
    @Option(help: "KS2 and KS4: the academic year the results are for, by the year it ends (2018 for 2017/18).") var year: Int?
    @Flag(help: "Show what would change, and store nothing.") var dryRun = false

    func run() async throws {
        let codes = PublicDataImport.laCodes(la)
        var report = PublicDataImport.Report()
        let bar = ProgressBar()
        defer { bar.finish() }
        try await reporting {
            report = try await PublicDataImport.$progress.withValue(.init(bar.update)) {
                try await SiftServer.importPublicFile(settings: database.settings, kind: kind, path: file, authority: authority,
                                                      laCodes: codes, year: year, dryRun: dryRun)
            }
        }
        bar.finish()
        print(ImportReportText.lines(report, dryRun: dryRun).joined(separator: "\n"))
        if !report.rejected.isEmpty { throw ExitCode(1) }
    }
}
