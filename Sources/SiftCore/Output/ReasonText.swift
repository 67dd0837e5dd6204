/// The words for why a row decided, shared by `sift categorise` and `sift frameworks diff` so
/// a reason reads the same in both.
enum ReasonText {
    /// "because (table) row id: condition", then the facts, source and reading beneath it.
    static func lines(_ reason: Reason, indent: String) -> [String] {
        var out = ["\(indent)because (\(reason.table)) row \(reason.row)\(reason.condition.map { ": \($0)" } ?? "")",
                   "\(indent)  in words: \(reason.sentence)"]
        if !reason.facts.isEmpty { out.append("\(indent)  facts: " + reason.facts.map { "\($0.name) = \($0.value)" }.joined(separator: "; ")) }
        if let cite = reason.cite { out.append("\(indent)  source: \(cite)") }
        if let note = reason.note { out.append("\(indent)  reading: \(note)") }
        return out
    }

    static func line(_ stop: PassedOver, indent: String) -> String {
        "\(indent)passed over row \(stop.row) (would be \(stop.wouldBe)): constraint \(stop.constraint) requires \(stop.require)"
    }
}
