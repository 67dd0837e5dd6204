import Fluent
import FluentSQL
import Foundation
import Vapor

/// Search by name or URN at national scale. Each establishment's name is split into words
/// (lower case, accents folded, apostrophes dropped) and kept with its URN in an indexed
/// table; a search finds the establishments with a word starting with each word typed.
/// A range over an index answers in a few milliseconds where a substring match would read
/// every establishment of the authority.
enum SearchWords {
    static let table = "establishment_words"
    /// Words typed beyond this many are ignored: each is one more lookup.
    static let mostWordsSearched = 6

    /// The words an establishment is found by.
    static func words(name: String, urn: String) -> Set<String> {
        Set(split(name) + split(urn))
    }

    /// Text cut into searchable words, as names are.
    static func split(_ text: String) -> [String] {
        splitASCII(text) ?? splitFolded(text)
    }

    /// Any text: case, accents and widths folded, apostrophes dropped.
    static func splitFolded(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\u{2019}", with: "")
        return folded.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Most names are plain ASCII, which needs no folding beyond lower case: read byte by
    /// byte, the same words as the general path, several times faster on a national file.
    private static func splitASCII(_ text: String) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "'"): continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            default:
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// Replaces the words of saved establishments, in batches small enough for either database.
    /// - Parameter added: the establishments were stored just now and have no words to remove.
    static func replace(for records: [EstablishmentRecord], added: Bool = false, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let ids = try records.map { try $0.requireID() }
        for batch in stride(from: 0, to: added ? 0 : ids.count, by: 500) {
            let slice = Array(ids[batch..<min(batch + 500, ids.count)])
            try await sql.delete(from: table).where("establishment_id", .in, slice).run()
        }
        // In the lookup index's order (authority, word, establishment): inserted in order, a
        // national file's 225,000 words fill the index's pages one after another.
        var entries: [(authority: String, word: String, id: String, authorityID: UUID, establishmentID: UUID)] = []
        for record in records {
            let id = try record.requireID(), authority = record.$authority.id
            let idText = id.uuidString, authorityText = authority.uuidString
            for word in words(name: record.name, urn: record.urn) { entries.append((authorityText, word, idText, authority, id)) }
        }
        entries.sort { $0.authority == $1.authority ? ($0.word, $0.id) < ($1.word, $1.id) : $0.authority < $1.authority }
        // 1,000 rows of three is well within the bound parameters either database allows.
        try await BulkInsert.rows(into: table, columns: ["establishment_id", "authority_id", "word"],
                                  entries.map { [.id($0.establishmentID), .id($0.authorityID), .text($0.word)] }, perStatement: 1_000, on: database)
    }

    /// Narrows a query of an authority's establishments to those matching every word of `text`.
    /// - Parameter withinNameRange: the query also keeps to one page's range of the list
    ///   (`ListOrder`, a list of more than 2,500), so each establishment in the range is tested
    ///   for its words, rather than every match being looked up and sorted.
    static func filter(_ query: QueryBuilder<EstablishmentRecord>, text: String, authorityID: UUID, withinNameRange: Bool = false) {
        for word in split(text).prefix(mostWordsSearched) {
            if withinNameRange {
                query.filter(.sql(embed: """
                    EXISTS (SELECT 1 FROM \(ident: table) WHERE \(ident: "establishment_id") = \(ident: EstablishmentRecord.schema).\(ident: "id") \
                    AND \(ident: "word") >= \(bind: word) AND \(ident: "word") < \(bind: after(word)))
                    """))
            } else {
                query.filter(.sql(embed: """
                    \(ident: EstablishmentRecord.schema).\(ident: "id") IN (SELECT \(ident: "establishment_id") FROM \(ident: table) \
                    WHERE \(ident: "authority_id") = \(bind: authorityID) AND \(ident: "word") >= \(bind: word) AND \(ident: "word") < \(bind: after(word)))
                    """))
            }
        }
    }

    /// The first text after every word that starts with `word`: its last character moved on by one.
    static func after(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        guard let last = scalars.popLast(), let next = Unicode.Scalar(last.value + 1) else { return word + "\u{10FFFF}" }
        var text = String.UnicodeScalarView(scalars)
        text.append(next)
        return String(text)
    }
}
