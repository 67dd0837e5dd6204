import Foundation
import SiftCore

/// A decision that places a category: agreed or overridden in the year's run, or changed
/// during the year. Provisional proposals place none.
struct PlacedCategory: Sendable {
    var category: String
    var designation: String?
    var status: DecisionRecord.Status
    var day: Day
}

/// The categories an establishment held in a year, each from the day it took effect, read
/// from its decisions as funding prices them.
enum DecisionPeriods {
    /// - Parameter decisions: the establishment's decisions of `year`, in the order they were made.
    ///
    /// The year's categorisation counts from 1 September whenever it was agreed: Coventry's
    /// "categorisation process takes place for all schools at the beginning of each new school
    /// year" ('Is categorisation fixed?'); a later agreement or override in the run corrects it.
    /// A change during the year counts from its day ("categorisation can change at other points
    /// during the year"), and so does a run's decision made after such a change, since it then
    /// changes the category in force. A year whose only decisions are changes during it has no
    /// category on 1 September, which `FundingYear` refuses and the funding page says.
    static func periods(_ decisions: [PlacedCategory], in year: AcademicYear) -> [CategoryPeriod] {
        var periods: [CategoryPeriod] = []
        var changedDuringYear = false
        for decision in decisions where decision.status != .provisional {
            if decision.status == .inYearChange { changedDuringYear = true }
            let from = decision.status == .inYearChange || changedDuringYear ? max(decision.day, year.start) : year.start
            periods.append(CategoryPeriod(from: from, category: decision.category, designation: decision.designation))
        }
        return periods
    }

    /// "3A from 1 September 2025, then 1 from 15 January 2026".
    static func text(_ periods: [PeriodFunding]) -> String {
        periods.map { period in
            let held = "\(period.period.category)\(period.period.designation ?? "") from \(period.period.from.longText)"
            return period.share == 0 ? held + " (funded from the next year)" : held
        }.joined(separator: ", then ")
    }
}
