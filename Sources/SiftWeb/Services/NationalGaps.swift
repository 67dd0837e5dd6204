import Foundation
import SiftCore

/// The measures and years whose flags could not be judged for want of a national figure,
/// quintile or threshold: kept on an establishment as text ("ks2_rwm_expected 2018"), read
/// back for the pages, and added up for an import's report and a run's review.
enum NationalGaps {
    struct Gap: Hashable, Comparable {
        let measure: MeasureID
        let year: Int

        static func < (lhs: Gap, rhs: Gap) -> Bool { (lhs.year, lhs.measure.rawValue) < (rhs.year, rhs.measure.rawValue) }

        /// "KS2 reading, writing and maths at expected (%), 2017/18".
        var label: String { "\(measure.label), \(Runs.label(year))" }
    }

    static func text(_ gaps: [(measure: MeasureID, year: Int)]) -> String? {
        gaps.isEmpty ? nil : gaps.map { "\($0.measure.rawValue) \($0.year)" }.joined(separator: ", ")
    }

    static func read(_ text: String?) -> [Gap] {
        guard let text else { return [] }
        return text.split(separator: ",").compactMap { part in
            let pieces = part.trimmingCharacters(in: .whitespaces).split(separator: " ")
            guard pieces.count == 2, let measure = MeasureID(rawValue: String(pieces[0])), let year = Int(pieces[1]) else { return nil }
            return Gap(measure: measure, year: year)
        }
    }

    /// How many establishments lack each measure and year's national context, most first.
    static func tally(_ texts: [String?]) -> [(gap: Gap, establishments: Int)] {
        var counts: [Gap: Int] = [:]
        for text in texts { for gap in read(text) { counts[gap, default: 0] += 1 } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// What to do, in a sentence for the import report and the pages.
    static let remedy = "Import the national file for the year (a national KS2 or KS4 table gives the quintiles), or an administrator enters the national quintiles under Import."
}
