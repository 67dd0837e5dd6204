import Fluent
import Foundation
import SiftCore

/// A file of compliance checks (columns urn, item, status, checked, note), read whole before
/// anything is stored: a file with any bad row stores nothing and every bad row is named by
/// line, as the public-data imports do.
enum ComplianceImport {
    static let columns = ["urn", "item", "status", "checked"]

    /// The file's checks, or every problem in it. `establishments` are those the importer may
    /// change, by URN.
    static func read(_ bytes: [UInt8], establishments: [String: EstablishmentRecord], today: Day)
        -> Compliance.Reading<[(EstablishmentRecord, Compliance.Entry)], RowProblem> {
        let reader = CSVReader(bytes: bytes)
        var entries: [(EstablishmentRecord, Compliance.Entry)] = []
        var problems: [RowProblem] = []
        var seen: [String: Int] = [:]
        do {
            guard let header = try CSVColumns.find(in: reader, required: columns, withinLines: 1) else {
                return .problems([RowProblem(line: 1, "The first line must name the columns urn, item, status, checked and note")])
            }
            let urnAt = header.position("urn")!, itemAt = header.position("item")!
            let statusAt = header.position("status")!, checkedAt = header.position("checked")!
            let noteAt = header.position("note")
            while let row = try reader.next() {
                if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                let urn = row.trimmed(urnAt) ?? ""
                let item = row.trimmed(itemAt) ?? ""
                let establishment = establishments[urn]
                if establishment == nil {
                    problems.append(RowProblem(line: row.line, column: "urn", urn.isEmpty
                        ? "the URN is missing" : "no establishment of this authority has the URN \(urn.prefix(20))"))
                }
                let read = Compliance.entry(item: item, status: row.trimmed(statusAt) ?? "", checked: row.trimmed(checkedAt) ?? "",
                                            note: noteAt.flatMap { row.trimmed($0) } ?? "", today: today)
                switch read {
                case .problems(let found):
                    problems += found.map { RowProblem(line: row.line, column: $0.part, lowercasedFirst($0.message)) }
                case .value(let entry):
                    let key = "\(urn)\u{0}\(entry.item.code)"
                    if let earlier = seen[key] {
                        problems.append(RowProblem(line: row.line, column: "item", "\(urn)'s “\(entry.item.label)” is on line \(earlier) too: give each item once"))
                    } else if let establishment {
                        seen[key] = row.line
                        entries.append((establishment, entry))
                    }
                }
            }
        } catch let error as CSVError {
            return .problems(problems + [RowProblem(line: 0, error.description)])
        } catch {
            return .problems(problems + [RowProblem(line: 0, "the file cannot be read: \(error)")])
        }
        if problems.isEmpty && entries.isEmpty { problems.append(RowProblem(line: 2, "the file has no checks under its header")) }
        return problems.isEmpty ? .value(entries) : .problems(problems)
    }

    private static func lowercasedFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
}
