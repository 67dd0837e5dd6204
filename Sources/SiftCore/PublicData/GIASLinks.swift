import Foundation

/// A link GIAS records between two establishments: what `linkedURN` is to `urn`, in GIAS's
/// words ("Predecessor", "Successor - amalgamated", "Merged - change in age range").
/// GIAS writes each link both ways, once from each end.
public struct GIASLink: Sendable, Equatable {
    public enum Role: String, Sendable {
        /// The linked establishment was replaced by this one (a conversion, amalgamation, split).
        case predecessor
        /// The linked establishment replaced this one.
        case successor
        /// GIAS's "Merged - …": either way round; the one that closed is the predecessor.
        case merged
        /// Any other link ("Sixth Form Centre Link", "Other"): shown, not history.
        case other
    }

    public var line: Int
    public var urn: String
    public var linkedURN: String
    public var linkedName: String?
    public var type: String
    public var established: Day?

    public init(line: Int, urn: String, linkedURN: String, linkedName: String? = nil, type: String, established: Day? = nil) {
        self.line = line
        self.urn = urn
        self.linkedURN = linkedURN
        self.linkedName = linkedName
        self.type = type
        self.established = established
    }

    public var role: Role { Self.role(of: type) }

    public static func role(of type: String) -> Role {
        let words = type.lowercased()
        if words.hasPrefix("predecessor") { return .predecessor }
        if words.hasPrefix("successor") { return .successor }
        if words.hasPrefix("merged") { return .merged }
        return .other
    }
}

/// What a GIAS links file gave: its links, and the rows refused with why.
public struct GIASLinksFile: Sendable {
    public var links: [GIASLink] = []
    public var rejected: [RowProblem] = []
    public var encoding: CSVEncoding = .utf8
}

/// Reads GIAS's links download (`links_edubasealldata….csv`): `URN`, `LinkURN`, `LinkName`,
/// `LinkType`, `LinkEstablishedDate` (dd-mm-yyyy, may be blank).
public enum GIASLinksReader {
    static let required = ["URN", "LinkURN", "LinkType"]

    public static func read(_ reader: CSVReader) throws -> GIASLinksFile {
        do {
            guard let columns = try CSVColumns.find(in: reader, required: required) else {
                throw PublicDataError.missingColumns(file: "a GIAS links download", columns: required)
            }
            let urn = columns.position("URN"), linked = columns.position("LinkURN"), name = columns.position("LinkName")
            let type = columns.position("LinkType"), date = columns.position("LinkEstablishedDate")
            var file = GIASLinksFile()
            while let record = try reader.next() {
                switch link(record, urn: urn, linked: linked, name: name, type: type, date: date) {
                case .success(let link): file.links.append(link)
                case .failure(let problem): file.rejected.append(problem)
                }
            }
            file.encoding = reader.encoding
            return file
        } catch let error as CSVError {
            throw PublicDataError.unreadable(error)
        }
    }

    private static func link(_ record: CSVRecord, urn: Int?, linked: Int?, name: Int?, type: Int?, date: Int?) -> Result<GIASLink, RowProblem> {
        let line = record.line
        let own: String, other: String
        switch URNs.read(record, column: urn) {
        case .success(let read): own = read
        case .failure(let problem): return .failure(problem)
        }
        switch URNs.read(record, column: linked) {
        case .success(let read): other = read
        case .failure(let problem): return .failure(RowProblem(line: line, column: "LinkURN", problem.message))
        }
        guard let kind = record.trimmed(type ?? -1) else {
            return .failure(RowProblem(line: line, column: "LinkType", "URN \(own)'s link to \(other) does not say what it is (Predecessor, Successor, …)"))
        }
        var established: Day?
        if let text = record.trimmed(date ?? -1) {
            guard let day = Day(text) else {
                return .failure(RowProblem(line: line, column: "LinkEstablishedDate", "\"\(text.prefix(40))\" is not a date (dd-mm-yyyy)"))
            }
            established = day
        }
        return .success(GIASLink(line: line, urn: own, linkedURN: other, linkedName: record.trimmed(name ?? -1), type: kind, established: established))
    }

    /// The links an establishment download's `Linked establishments` column gives
    /// ("148213 Successor"; several separated by commas or semicolons; "Does not have links").
    public static func column(_ text: String?, urn: String, line: Int) -> [GIASLink] {
        guard let text, text.lowercased() != "does not have links" else { return [] }
        return text.split(whereSeparator: { $0 == ";" || $0 == "," }).compactMap { entry in
            let words = entry.split(separator: " ", maxSplits: 1)
            guard words.count == 2, words[0].allSatisfy(\.isNumber) else { return nil }
            return GIASLink(line: line, urn: urn, linkedURN: String(words[0]), type: words[1].trimmingCharacters(in: .whitespaces))
        }
    }
}

/// Which establishment replaced which, from GIAS's links in either direction.
public struct Succession: Sendable, Hashable {
    public var successor: String
    public var predecessor: String

    public init(successor: String, predecessor: String) {
        self.successor = successor
        self.predecessor = predecessor
    }

    /// Each pair once, however many times GIAS writes it. A "Merged" link makes the one that
    /// closed (the earlier, where both did) the predecessor; it is left out where neither has.
    public static func of(_ links: [GIASLink], closed: (String) -> Day?) -> [Succession] {
        var seen = Set<Succession>()
        var pairs: [Succession] = []
        for link in links {
            let pair: Succession?
            switch link.role {
            case .predecessor: pair = Succession(successor: link.urn, predecessor: link.linkedURN)
            case .successor: pair = Succession(successor: link.linkedURN, predecessor: link.urn)
            case .merged:
                switch (closed(link.urn), closed(link.linkedURN)) {
                case (let own?, let other?): pair = own <= other ? Succession(successor: link.linkedURN, predecessor: link.urn)
                                                                 : Succession(successor: link.urn, predecessor: link.linkedURN)
                case (_?, nil): pair = Succession(successor: link.linkedURN, predecessor: link.urn)
                case (nil, _?): pair = Succession(successor: link.urn, predecessor: link.linkedURN)
                case (nil, nil): pair = nil
                }
            case .other: pair = nil
            }
            if let pair, pair.successor != pair.predecessor, seen.insert(pair).inserted { pairs.append(pair) }
        }
        return pairs
    }
}
