import Foundation
import SiftCore

/// A file of the authority's own evidence (docs/web-service.md, "Importing the authority's
/// evidence"): a `urn` column and a column for each fact given, named as rules read them
/// (`trend`, `risk`, `capacity_to_improve`, …, and each fact the framework declares). Read
/// whole before anything is stored: a file with any bad cell stores nothing, and every bad
/// cell is named by line and column. A blank cell leaves what is recorded as it is.
enum LocalEvidenceImport {
    /// The columns Sift knows whatever the framework: the authority's evidence it reads itself.
    static let builtIn = LocalEvidenceField.all

    /// One establishment's changes: members of `local`, and of `local.other`.
    struct Change {
        let record: EstablishmentRecord
        let line: Int
        var local: [Tree.Member] = []
        var other: [Tree.Member] = []
    }

    static func read(_ bytes: [UInt8], establishments: [String: EstablishmentRecord], framework: Framework)
        -> Compliance.Reading<[Change], RowProblem> {
        let reader = CSVReader(bytes: bytes)
        var changes: [Change] = []
        var problems: [RowProblem] = []
        var seen: [String: Int] = [:]
        do {
            guard let header = try CSVColumns.find(in: reader, required: ["urn"], withinLines: 1) else {
                return .problems([RowProblem(line: 1, "The first line must name the columns: urn, then a column for each fact, such as trend or risk")])
            }
            let known = builtIn.map(\.column) + framework.facts.map(\.id)
            var columns: [(at: Int, name: String)] = []
            for (at, name) in header.names.enumerated() {
                let key = name.trimmingCharacters(in: .whitespaces).lowercased()
                if key == "urn" || key.isEmpty { continue }
                guard known.contains(key) else {
                    let close = known.first { Spelling.close($0, key) }
                    problems.append(RowProblem(line: 1, column: name, "no fact is called \(name)"
                        + (close.map { "; did you mean \($0)?" } ?? "; the columns are urn and \(known.joined(separator: ", "))")))
                    continue
                }
                columns.append((at, key))
            }
            let urnAt = header.position("urn")!
            while let row = try reader.next() {
                if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                let urn = row.trimmed(urnAt) ?? ""
                guard let record = establishments[urn] else {
                    problems.append(RowProblem(line: row.line, column: "urn", urn.isEmpty ? "the URN is missing" : "no establishment of this authority has the URN \(urn.prefix(20))"))
                    continue
                }
                if let earlier = seen[urn] { problems.append(RowProblem(line: row.line, column: "urn", "\(urn) is on line \(earlier) too: give each establishment once")); continue }
                seen[urn] = row.line
                var change = Change(record: record, line: row.line)
                for (at, name) in columns {
                    guard let cell = row.trimmed(at), !cell.isEmpty else { continue }
                    switch cellValue(cell, column: name, framework: framework) {
                    case .success(let (key, value, isOther)):
                        if isOther { change.other.append(.init(key: key, value: value)) } else { change.local.append(.init(key: key, value: value)) }
                    case .failure(let problem): problems.append(RowProblem(line: row.line, column: name, problem.message))
                    }
                }
                // As on the form: a trend recorded where the framework works it out stands instead, so needs its reason.
                if framework.dataTrend != nil, change.local.contains(where: { $0.key == "trend" }), !change.local.contains(where: { $0.key == "trendReason" }) {
                    problems.append(RowProblem(line: row.line, column: "trend", "the framework works the trend out from the results: give trend_reason, why the authority records this one instead"))
                }
                changes.append(change)
            }
        } catch let error as CSVError {
            return .problems(problems + [RowProblem(line: 0, error.description)])
        } catch {
            return .problems(problems + [RowProblem(line: 0, "the file cannot be read: \(error)")])
        }
        if problems.isEmpty && changes.isEmpty { problems.append(RowProblem(line: 2, "the file has no establishments under its header")) }
        return problems.isEmpty ? .value(changes) : .problems(problems)
    }

    struct CellProblem: Error { let message: String }

    /// A cell as evidence: its key, value, and whether it goes under `other`.
    static func cellValue(_ cell: String, column: String, framework: Framework) -> Result<(String, Tree, Bool), CellProblem> {
        if let fact = framework.facts.first(where: { $0.id == column }) {
            // A value may be written as its words ("B: strong capacity to improve") too.
            let written = fact.values.first { fact.words(for: $0).caseInsensitiveCompare(cell) == .orderedSame } ?? cell
            let read = DeclaredFactFields.read([fact], from: [DeclaredFactFields.key(fact): fact.kind == .yesNo ? yesOrNo(written) ?? written : written])
            if let error = read.errors.first { return .failure(CellProblem(message: error.message.prefix(1).lowercased() + error.message.dropFirst())) }
            return .success((fact.id, read.members[0].value, true))
        }
        guard let column = builtIn.first(where: { $0.column == column }) else { return .failure(CellProblem(message: "no fact is called \(column)")) }
        let key = column.key, name = column.column
        switch column.kind {
        case .choice(let allowed):
            let value = cell.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            guard allowed.contains(value) else {
                return .failure(CellProblem(message: "'\(cell.prefix(40))' is not a value of \(name): use \(allowed.map { $0.replacing("_", with: " ") }.joined(separator: ", "))"))
            }
            return .success((key, Tree(.string(value)), false))
        case .category:
            guard let category = framework.categories.first(where: { $0.code.caseInsensitiveCompare(cell) == .orderedSame }) else {
                return .failure(CellProblem(message: "'\(cell.prefix(40))' is not a category of \(framework.name): use \(framework.categories.map(\.code).joined(separator: ", "))"))
            }
            return .success((key, Tree(.string(category.code)), false))
        case .grade:
            guard let grade = Int(cell), (1...4).contains(grade) else { return .failure(CellProblem(message: "'\(cell.prefix(40))' is not a grade from 1 to 4")) }
            return .success((key, Tree(.number(Double(grade))), false))
        case .count:
            guard let count = Int(cell), (0...100).contains(count) else { return .failure(CellProblem(message: "'\(cell.prefix(40))' is not a whole number from 0 to 100")) }
            return .success((key, Tree(.number(Double(count))), false))
        case .text:
            return .success((key, Tree(.string(cell)), false))
        case .yesNo:
            guard let flag = yesOrNo(cell) else { return .failure(CellProblem(message: "'\(cell.prefix(40))' is not yes or no")) }
            return .success((key, Tree(.bool(flag == "yes")), false))
        }
    }

    static func yesOrNo(_ cell: String) -> String? {
        switch cell.lowercased() {
        case "yes", "y", "true": return "yes"
        case "no", "n", "false": return "no"
        default: return nil
        }
    }

    /// The establishment's stored evidence with the change made.
    static func applied(_ change: Change, to members: [Tree.Member]) -> [Tree.Member] {
        var local = members.first { $0.key == "local" }?.value.members ?? []
        var other = local.first { $0.key == "other" }?.value.members ?? []
        func set(_ member: Tree.Member, in list: inout [Tree.Member]) {
            if let index = list.firstIndex(where: { $0.key == member.key }) { list[index] = member } else { list.append(member) }
        }
        for member in change.local { set(member, in: &local) }
        for member in change.other { set(member, in: &other) }
        if !other.isEmpty { set(.init(key: "other", value: Tree(.object(other))), in: &local) }
        return EvidenceEdit.replacing("local", with: Tree(.object(local)), in: members)
    }
}
