/// The category (and designation) an establishment holds from a date until the next period
/// begins. Coventry: "categorisation can change at other points during the year, as required"
/// ('Is categorisation fixed?').
public struct CategoryPeriod: Sendable, Equatable {
    public var from: Day
    public var category: String
    public var designation: String?

    public init(from: Day, category: String, designation: String? = nil) {
        self.from = from
        self.category = category
        self.designation = designation
    }
}

/// How a year's funding is shared between the categories an establishment held in it.
public enum FundingProration: String, Sendable, CaseIterable {
    /// Each period gets the full-year amount of its category × its calendar days / the year's
    /// days; the day of a change belongs to the new category. Coventry's reading: categorisation
    /// "takes place for all schools at the beginning of each new school year" but "can change at
    /// other points during the year", and funding is "a per pupil amount, graduated" by category
    /// ('Is categorisation fixed?', 'How is network funding allocated according to
    /// categorisation?'). The seed leaves extra funds after a change to discussion between the
    /// network lead and the Senior Advisor; the pro-rata figure is what the graduated rate gives
    /// for the days spent in each category, as a basis for that discussion.
    case days
    /// The category held on 1 September funds the whole year and later changes bring nothing
    /// this year. Warwickshire's reading: its Appendix F counts "Number of schools in consortium
    /// that trigger funding (depending on categorisation)" with no in-year recalculation stated.
    case wholeYearAtStart = "whole_year_at_start"
}

public enum FundingYearError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No period starts on or before 1 September, so the year's first days have no category.
    case noCategoryAtStart(AcademicYear)

    public var description: String {
        switch self {
        case .noCategoryAtStart(let year):
            "no category is given from the start of \(year) (\(year.start)): the first period must begin on or before it"
        }
    }
}

extension [CategoryPeriod] {
    /// The periods that fall in `year`, in date order: the one in force on 1 September moved to
    /// start then, those after 31 August left to the next year, and of two on the same day the
    /// later given (a correction) kept.
    func periods(in year: AcademicYear) throws(FundingYearError) -> [CategoryPeriod] {
        let ordered = enumerated().sorted { ($0.element.from, $0.offset) < ($1.element.from, $1.offset) }.map(\.element)
        guard let first = ordered.lastIndex(where: { $0.from <= year.start }) else { throw .noCategoryAtStart(year) }
        var inForce = ordered[first]
        inForce.from = year.start
        var result = [inForce]
        for period in ordered[(first + 1)...] where period.from <= year.end {
            if period.from == result[result.count - 1].from { result[result.count - 1] = period } else { result.append(period) }
        }
        return result
    }
}
