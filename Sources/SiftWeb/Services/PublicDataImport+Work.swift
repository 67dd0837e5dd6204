import Foundation
import NIOConcurrencyHelpers
import SiftCore

extension PublicDataImport {
    /// What working out one establishment's change came to.
    enum Worked: Sendable {
        /// The evidence would read the same; the national context its proposal lacked.
        case unchanged(nationalGaps: String?)
        case rejected(RowProblem)
        /// New evidence, and the record with its proposal worked out again (not saved).
        case write(Write)
    }

    struct Write: Sendable {
        let record: EstablishmentRecord
        let evidence: String
        let isNew: Bool
        /// Its name changed, so do the words it is found by.
        let renamed: Bool
        /// What the establishments table holds of it changed, not only its evidence.
        let rowChanged: Bool
    }

    /// Works out every change, the establishments shared out among the machine's cores: each
    /// is read, merged, written and categorised on its own, and that was most of an import of
    /// a national table. Results come back in the order of the changes.
    static func work(_ changes: [Change], records: [String: EstablishmentRecord], texts: [UUID: String], previous: [UUID: String],
                     engine: DecisionEngine, on day: Day, authorityID: UUID) async -> [Worked] {
        let share = max(500, (changes.count + ProcessInfo.processInfo.activeProcessorCount - 1) / ProcessInfo.processInfo.activeProcessorCount)
        let done = NIOLockedValueBox(0)
        let progress = Self.progress
        progress?.update(Phase.working.rawValue, 0, changes.count)
        return await withTaskGroup(of: (Int, [Worked]).self) { group in
            for start in stride(from: 0, to: changes.count, by: share) {
                let slice = changes[start..<min(start + share, changes.count)]
                group.addTask {
                    var worked: [Worked] = []
                    worked.reserveCapacity(slice.count)
                    for change in slice {
                        let record = records[change.urn]
                        let predecessorTexts = change.predecessors.map { records[$0.urn]?.id.flatMap { texts[$0] } }
                        worked.append(work(change, record: record, storedText: record?.id.flatMap { texts[$0] }, predecessorTexts: predecessorTexts,
                                           previousCategory: record?.id.flatMap { previous[$0] }, engine: engine, on: day, authorityID: authorityID))
                        if worked.count % 500 == 0 {
                            let total = done.withLockedValue { count in count += 500; return count }
                            progress?.update(Phase.working.rawValue, total, changes.count)
                        }
                    }
                    return (start, worked)
                }
            }
            var slices: [(Int, [Worked])] = []
            for await slice in group { slices.append(slice) }
            return slices.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    private static func work(_ change: Change, record: EstablishmentRecord?, storedText: String?, predecessorTexts: [String?],
                             previousCategory: String?, engine: DecisionEngine, on day: Day, authorityID: UUID) -> Worked {
        let stored: Tree?
        var predecessors: [Tree?] = []
        do {
            stored = try storedText.map { try JSONReader.read($0) }
            predecessors = try predecessorTexts.map { text in try text.map { try JSONReader.read($0) } }
        } catch {
            return .rejected(RowProblem(line: change.line, "URN \(change.urn): its stored evidence does not read: \(error)"))
        }
        var merged = change.evidence(stored)
        for (predecessor, held) in zip(change.predecessors, predecessors) {
            guard let base = merged ?? stored else { break }
            let inspections = Self.inspections(held: held?["inspections"]?.elements ?? [], file: predecessor.inspections)
            merged = EvidenceMerge.predecessorInspections(inspections, of: predecessor.urn, onto: base) ?? merged
        }
        guard let tree = merged else { return .unchanged(nationalGaps: record?.nationalGaps) }
        let text = TreeWriter.json(tree)
        if text == storedText { return .unchanged(nationalGaps: record?.nationalGaps) }
        let establishment: Establishment
        switch EvidenceDecoder.decode(tree) {
        case .success(let read): establishment = read
        case .failure(let problems):
            return .rejected(RowProblem(line: change.line, "URN \(change.urn): \(problems.problems.first?.description ?? "the evidence does not read")"))
        }
        let target = record ?? EstablishmentRecord(authorityID: authorityID, urn: change.urn, name: establishment.name,
                                                   kind: establishment.kind.rawValue, phase: nil, network: nil)
        let renamed = record == nil || target.name != establishment.name
        let before = record.map(listed)
        target.name = establishment.name
        target.kind = establishment.kind.rawValue
        target.phase = establishment.phase?.rawValue
        Proposals.apply(engine.categorise(PreviousCategories.apply(previousCategory, to: establishment), runDate: day), to: target)
        return .write(Write(record: target, evidence: text, isNew: record == nil, renamed: renamed,
                            rowChanged: before.map { $0 != listed(target) } ?? true))
    }

    /// A predecessor's inspections: those held, and those the file being imported gives of it.
    private static func inspections(held: [Tree], file: [Tree]) -> [Tree] {
        let dates = Set(held.compactMap { $0["date"]?.text })
        return held + file.filter { !dates.contains($0["date"]?.text ?? "") }
    }

    /// What the establishments table holds of an establishment besides its identity.
    static func listed(_ record: EstablishmentRecord) -> [String?] {
        [record.name, record.kind, record.phase, record.proposedCategory, record.proposedDesignation,
         record.needsJudgement ? "yes" : "no", record.nationalGaps, record.undetermined, record.notCovered, record.closed]
    }
}
