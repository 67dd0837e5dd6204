import Foundation
import SiftCore

/// A file placing establishments in networks (columns urn, network, from), read whole before
/// anything is stored: one bad row and nothing is, with every bad row named by line.
enum NetworkAssignments {
    struct Move: Sendable {
        var urn: String
        /// The network's name; nil to take the establishment out of every network.
        var network: String?
        var from: Day
    }

    static let columns = ["urn", "network", "from"]

    /// - Parameters:
    ///   - establishments: the URNs of the authority's establishments.
    ///   - networks: the names of its networks.
    ///   - word: the framework's word for a network ("consortium").
    static func read(_ bytes: [UInt8], establishments: Set<String>, networks: Set<String>, word: String, today: Day)
        -> Compliance.Reading<[Move], RowProblem> {
        let reader = CSVReader(bytes: bytes)
        var moves: [Move] = []
        var problems: [RowProblem] = []
        var seen: [String: Int] = [:]
        do {
            guard let header = try CSVColumns.find(in: reader, required: columns, withinLines: 1) else {
                return .problems([RowProblem(line: 1, "The first line must name the columns urn, network and from")])
            }
            let urnAt = header.position("urn")!, networkAt = header.position("network")!, fromAt = header.position("from")!
            while let row = try reader.next() {
                if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                let urn = row.trimmed(urnAt) ?? ""
                if !establishments.contains(urn) {
                    problems.append(RowProblem(line: row.line, column: "urn", urn.isEmpty
                        ? "the URN is missing" : "no establishment of this authority has the URN \(urn.prefix(20))"))
                }
                let network = row.trimmed(networkAt)
                if let network, !networks.contains(network) {
                    problems.append(RowProblem(line: row.line, column: "network",
                                               "no \(word) is called “\(network.prefix(60))”: add it first, or correct the name"))
                }
                let fromText = row.trimmed(fromAt) ?? ""
                let from = Day(fromText)
                if from == nil {
                    problems.append(RowProblem(line: row.line, column: "from", fromText.isEmpty
                        ? "the date it joins is missing: give it as day/month/year, like 01/09/2025"
                        : "“\(fromText.prefix(20))” is not a date: give it as day/month/year, like 01/09/2025"))
                } else if let from, from > today {
                    problems.append(RowProblem(line: row.line, column: "from", "\(from.longText) has not come yet: record a move on or after the day it happens"))
                }
                if let earlier = seen[urn], !urn.isEmpty {
                    problems.append(RowProblem(line: row.line, column: "urn", "URN \(urn) is on line \(earlier) too: give each establishment once"))
                }
                seen[urn] = row.line
                if let from { moves.append(Move(urn: urn, network: network, from: from)) }
            }
        } catch let error as CSVError {
            return .problems(problems + [RowProblem(line: 0, error.description)])
        } catch {
            return .problems(problems + [RowProblem(line: 0, "the file cannot be read: \(error)")])
        }
        if problems.isEmpty && moves.isEmpty { problems.append(RowProblem(line: 2, "the file has no establishments under its header")) }
        return problems.isEmpty ? .value(moves) : .problems(problems)
    }
}
