import Fluent
import Foundation
import SiftCore
import Vapor

/// Stores what a public file says (GIAS, a KS2 or KS4 performance table) in an authority's
/// establishments' evidence: every row or none. A file with a rejected row stores nothing;
/// a dry run works everything out and stores nothing. Evidence that would not change is not
/// written, so importing the same file again changes nothing; a later file for the same year
/// replaces that year's figures, and the audit log keeps each import.
public enum PublicDataImport {
    /// Who hears how a long import is going: the command line's progress bar.
    public struct Progress: Sendable {
        public let update: @Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void

        public init(_ update: @escaping @Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void) {
            self.update = update
        }
    }

    @TaskLocal public static var progress: Progress?

    /// The stages a long import reports, in order.
    public enum Phase: String, CaseIterable, Sendable {
        case working = "Working out each establishment's evidence"
        case storing = "Storing"
        case words = "Storing the words establishments are found by"
        case statistics = "Updating the database's statistics"
    }

    public struct Report: Sendable {
        public var added: [String] = []
        public var updated: [String] = []
        public var unchanged = 0
        /// Rows about establishments that are not the authority's.
        public var notTheAuthoritys = 0
        /// Establishments GIAS lists as closed that the authority never had: not added.
        public var closedNotAdded = 0
        /// Links between establishments (conversions, amalgamations) new or changed.
        public var linksStored = 0
        /// The schools of a national file the quintiles were worked out from (`NationalQuintiles`).
        public var quintilesFrom: Int?
        /// The measures placed by quintiles an administrator entered for the year.
        public var quintilesEntered: [MeasureID] = []
        /// Rows of a tidy file for other years, and for groups of pupils rather than all.
        public var otherYearRows = 0
        public var otherGroupRows = 0
        public var rejected: [RowProblem] = []
        public var notCovered: [RowProblem] = []
        public var notes: [RowProblem] = []
        public var stored = false
        public var encoding: CSVEncoding = .utf8
        /// The measures and years whose flags could not be judged for want of a national
        /// figure or quintile, with how many of the file's establishments that leaves so.
        public var nationalContextMissing: [(label: String, establishments: Int)] = []

        public init(rejected: [RowProblem] = [], notCovered: [RowProblem] = [], notes: [RowProblem] = [], encoding: CSVEncoding = .utf8) {
            self.rejected = rejected
            self.notCovered = notCovered
            self.notes = notes
            self.encoding = encoding
        }
    }

    /// One establishment's evidence as the file would leave it, from what is stored (nil for
    /// new); nil when there is nothing to change.
    struct Change {
        let urn: String
        let line: Int
        let isNew: Bool
        let evidence: @Sendable (Tree?) -> Tree?
        /// Establishments it replaced, whose inspections it takes while it has none of its own.
        var predecessors: [Predecessor] = []
    }

    struct Predecessor: Sendable {
        let urn: String
        /// Its inspections as the file being imported gives them, beside those held.
        var inspections: [Tree] = []
    }

    /// - Parameter laCodes: the local-authority codes whose establishments are the authority's;
    ///   without them only establishments the authority already has are updated.
    static func gias(path: String, authorityCode: String, laCodes: Set<String>?, dryRun: Bool, by userID: UUID? = nil,
                     on app: Application) async throws -> Report {
        let file = try read { try GIASReader.read(CSVReader(path: path), laCodes: laCodes) }
        var report = Report(rejected: file.rejected, notCovered: file.notCovered, notes: file.notes, encoding: file.encoding)
        report.notTheAuthoritys = file.otherAuthorities
        let (authority, records) = try await authorityRecords(authorityCode, on: app)
        let authorityID = try authority.requireID()
        let heldLinks = try await EstablishmentLinks.all(authorityID: authorityID, on: app.db)
        let inFile = Dictionary(file.establishments.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        let successions = EstablishmentLinks.successions(heldLinks + file.establishments.flatMap(\.links), records: records,
                                                         closedInFile: inFile.compactMapValues(\.closed))
        let kept = keptURNs(file, records: records, laCodes: laCodes, successions: successions)
        let predecessors = Dictionary(grouping: successions, by: \.successor)
        var changes: [Change] = []
        for school in file.establishments {
            let isNew = records[school.urn] == nil
            // Without the authority's LA codes a school new to it cannot be told to be its own.
            if isNew && laCodes == nil { report.notTheAuthoritys += 1; continue }
            if !kept.contains(school.urn) { report.closedNotAdded += 1; continue }
            let replaced = (predecessors[school.urn] ?? []).map { pair in
                Predecessor(urn: pair.predecessor, inspections: inFile[pair.predecessor]?.inspection.map { [EvidenceMerge.tree($0)] } ?? [])
            }
            changes.append(Change(urn: school.urn, line: school.line, isNew: isNew, evidence: { EvidenceMerge.gias(school, onto: $0) },
                                  predecessors: replaced))
        }
        let links = EstablishmentLinks.changed(file.establishments.flatMap(\.links).filter { kept.contains($0.urn) || records[$0.urn] != nil },
                                               held: heldLinks, replacing: false)
        let source = "GIAS \(URL(fileURLWithPath: path).lastPathComponent)"
        let storeLinks: (@Sendable (any Database) async throws -> Void)? = links.isEmpty ? nil : { @Sendable database in
            try await EstablishmentLinks.store(links, held: heldLinks, authorityID: authorityID, source: source, by: userID, at: app.sift.settings.now(), on: database)
        }
        report.linksStored = links.count
        return try await store(changes, in: authority, records: records, report: report, action: "gias_imported",
                               describing: source, dryRun: dryRun, by: userID, on: app, also: storeLinks)
    }

    /// The URNs of the file the authority keeps: those it holds, those open it is given, and
    /// those closed that an establishment it keeps replaced (a converter's maintained school),
    /// so that the new one keeps their history. Another closed one it never had is not added.
    private static func keptURNs(_ file: GIASFile, records: [String: EstablishmentRecord], laCodes: Set<String>?,
                                 successions: [Succession]) -> Set<String> {
        var kept = Set(file.establishments.filter { records[$0.urn] != nil || (laCodes != nil && $0.status != .closed) }.map(\.urn))
        let closedNew = file.establishments.filter { !kept.contains($0.urn) && laCodes != nil }.map(\.urn)
        let successorsOf = Dictionary(grouping: successions, by: \.predecessor)
        var grew = true
        while grew {
            grew = false
            for urn in closedNew where !kept.contains(urn) && (successorsOf[urn] ?? []).contains(where: { kept.contains($0.successor) }) {
                kept.insert(urn)
                grew = true
            }
        }
        return kept
    }

    /// A GIAS links download laid over the authority's establishments: every link with an end
    /// the authority holds is stored, and an establishment that replaced one it holds takes
    /// that one's inspections while it has none of its own.
    static func giasLinks(path: String, authorityCode: String, dryRun: Bool, by userID: UUID? = nil, on app: Application) async throws -> Report {
        let file = try read { try GIASLinksReader.read(CSVReader(path: path)) }
        var report = Report(rejected: file.rejected, encoding: file.encoding)
        let (authority, records) = try await authorityRecords(authorityCode, on: app)
        let authorityID = try authority.requireID()
        let ours = file.links.filter { records[$0.urn] != nil || records[$0.linkedURN] != nil }
        report.notTheAuthoritys = file.links.count - ours.count
        let heldLinks = try await EstablishmentLinks.all(authorityID: authorityID, on: app.db)
        let links = EstablishmentLinks.changed(ours, held: heldLinks, replacing: true)
        report.linksStored = links.count
        let successions = EstablishmentLinks.successions(heldLinks + ours, records: records)
        let changes = Dictionary(grouping: successions, by: \.successor).compactMap { successor, pairs -> Change? in
            guard let record = records[successor] else { return nil }
            return Change(urn: record.urn, line: 0, isNew: false, evidence: { _ in nil }, predecessors: pairs.map { Predecessor(urn: $0.predecessor) })
        }.sorted { $0.urn < $1.urn }
        let source = "GIAS links \(URL(fileURLWithPath: path).lastPathComponent)"
        let storeLinks: (@Sendable (any Database) async throws -> Void)? = links.isEmpty ? nil : { @Sendable database in
            try await EstablishmentLinks.store(links, held: heldLinks, authorityID: authorityID, source: source, by: userID, at: app.sift.settings.now(), on: database)
        }
        return try await store(changes, in: authority, records: records, report: report, action: "gias_links_imported",
                               describing: source, dryRun: dryRun, by: userID, on: app, also: storeLinks)
    }

    static func performance(path: String, keyStage: KeyStage, year: Int, authorityCode: String, dryRun: Bool, by userID: UUID? = nil,
                            on app: Application) async throws -> Report {
        var table = try read { try PerformanceTableReader.read(CSVReader(path: path), keyStage: keyStage, year: year) }
        var report = Report(rejected: table.rejected, notes: table.notes, encoding: table.encoding)
        report.otherYearRows = table.otherYearRows
        report.otherGroupRows = table.otherGroupRows
        let (authority, records) = try await authorityRecords(authorityCode, on: app)
        let placed = try await Quintiles.place(&table, from: URL(fileURLWithPath: path).lastPathComponent, authorityID: authority.requireID(),
                                               by: userID, on: app)
        report.quintilesFrom = placed.worked ? table.schools.count : nil
        report.quintilesEntered = placed.entered
        var changes: [Change] = []
        for school in table.schools {
            guard records[school.urn] != nil else { report.notTheAuthoritys += 1; continue }
            changes.append(Change(urn: school.urn, line: school.line, isNew: false) { stored in
                EvidenceMerge.measures(school, keyStage: keyStage, year: year, onto: stored ?? Tree(.object([])))
            })
        }
        let keep = placed.keep
        let storeQuintiles: (@Sendable (any Database) async throws -> Void)? = keep.isEmpty ? nil : { @Sendable database in
            try await keep.create(on: database)
        }
        return try await store(changes, in: authority, records: records, report: report, action: "\(keyStage.rawValue)_imported",
                               describing: "\(keyStage.rawValue.uppercased()) \(year) \(URL(fileURLWithPath: path).lastPathComponent)",
                               dryRun: dryRun, by: userID, on: app, also: storeQuintiles)
    }

    /// Imports a file of any kind, as the command line and the upload page both do.
    static func run(_ kind: SiftServer.PublicFile, path: String, authorityCode: String, laCodes: Set<String>?, year: Int?,
                    dryRun: Bool, by userID: UUID? = nil, on app: Application) async throws -> Report {
        switch kind {
        case .ofstedEarlyYears:
            return try await ofstedEarlyYears(path: path, authorityCode: authorityCode, localAuthorities: laCodes, dryRun: dryRun, by: userID, on: app)
        case .giasLinks:
            return try await giasLinks(path: path, authorityCode: authorityCode, dryRun: dryRun, by: userID, on: app)
        case .gias:
            return try await gias(path: path, authorityCode: authorityCode, laCodes: laCodes, dryRun: dryRun, by: userID, on: app)
        case .ofsted:
            return try await ofsted(path: path, authorityCode: authorityCode, dryRun: dryRun, by: userID, on: app)
        case .ks2, .ks4:
            guard let year else { throw Abort(.badRequest, reason: "say which academic year the file is for: --year 2018 for 2017/18") }
            return try await performance(path: path, keyStage: kind == .ks2 ? .ks2 : .ks4, year: year, authorityCode: authorityCode,
                                         dryRun: dryRun, by: userID, on: app)
        }
    }

    /// Ofsted's early-years management information: the authority's childcare providers
    /// (those of the local authorities named, as the file names them), added or updated, each
    /// with its latest inspection. Without names only providers the authority has are updated.
    static func ofstedEarlyYears(path: String, authorityCode: String, localAuthorities: Set<String>?, dryRun: Bool, by userID: UUID? = nil,
                                 on app: Application) async throws -> Report {
        let file = try read { try OfstedEarlyYearsReader.read(CSVReader(path: path), localAuthorities: localAuthorities) }
        var report = Report(rejected: file.rejected, notCovered: file.notCovered, encoding: file.encoding)
        report.notTheAuthoritys = file.otherAuthorities
        let (authority, records) = try await authorityRecords(authorityCode, on: app)
        var changes: [Change] = []
        for provider in file.providers {
            let isNew = records[provider.urn] == nil
            if isNew && localAuthorities == nil { report.notTheAuthoritys += 1; continue }
            changes.append(Change(urn: provider.urn, line: provider.line, isNew: isNew) { EvidenceMerge.earlyYears(provider, onto: $0) })
        }
        return try await store(changes, in: authority, records: records, report: report, action: "ofsted_early_years_imported",
                               describing: "Ofsted early years \(URL(fileURLWithPath: path).lastPathComponent)", dryRun: dryRun, by: userID, on: app)
    }

    /// Ofsted's inspections laid over the establishments the authority has.
    static func ofsted(path: String, authorityCode: String, dryRun: Bool, by userID: UUID? = nil, on app: Application) async throws -> Report {
        let file = try read { try OfstedReader.read(CSVReader(path: path)) }
        var report = Report(rejected: file.rejected, notes: file.notes, encoding: file.encoding)
        let (authority, records) = try await authorityRecords(authorityCode, on: app)
        var changes: [Change] = []
        for school in file.schools {
            guard records[school.urn] != nil else { report.notTheAuthoritys += 1; continue }
            changes.append(Change(urn: school.urn, line: school.line, isNew: false) { EvidenceMerge.ofsted(school, onto: $0 ?? Tree(.object([]))) })
        }
        return try await store(changes, in: authority, records: records, report: report, action: "ofsted_imported",
                               describing: "Ofsted \(URL(fileURLWithPath: path).lastPathComponent)", dryRun: dryRun, by: userID, on: app)
    }

    private static func read<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as PublicDataError { throw Abort(.badRequest, reason: error.description) }
    }

    private static func authorityRecords(_ code: String, on app: Application) async throws -> (Authority, [String: EstablishmentRecord]) {
        guard let authority = try await Authority.query(on: app.db).filter(\.$code == code).first() else {
            throw Abort(.notFound, reason: "no authority has the code \(code)")
        }
        return (authority, try await records(of: authority, on: app))
    }

    /// The authority's establishments by URN.
    static func records(of authority: Authority, on app: Application) async throws -> [String: EstablishmentRecord] {
        let records = try await EstablishmentScope.all(authorityID: authority.requireID(), on: app.db)
        return Dictionary(records.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The local-authority codes of a comma-separated list, as typed on the command line or
    /// the upload page; nil when none is given.
    public static func laCodes(_ list: String?) -> Set<String>? {
        let codes = Set((list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        return codes.isEmpty ? nil : codes
    }
}
