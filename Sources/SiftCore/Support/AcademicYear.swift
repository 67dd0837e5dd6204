/// An English school year, 1 September to 31 August, named by the calendar year it ends in
/// as the rest of Sift names it (`academicYear` 2024 is 2023/24).
public struct AcademicYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year the academic year ends in.
    public let year: Int

    public init(_ year: Int) { self.year = year }

    /// The academic year a date falls in: September onwards belongs to the next year's name.
    public init(containing day: Day) { self.year = day.month >= 9 ? day.year + 1 : day.year }

    public var start: Day { Day(year: year - 1, month: 9, day: 1)! }
    public var end: Day { Day(year: year, month: 8, day: 31)! }

    /// 365, or 366 when the year's February has 29 days.
    public var days: Int { start.days(to: end) + 1 }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// "2023/24".
    public var description: String { "\(year - 1)/\(String(year).suffix(2))" }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.year < rhs.year }
}

extension Day {
    /// Calendar days from `self` to `later` (negative if `later` is earlier).
    public func days(to later: Day) -> Int { later.dayNumber - dayNumber }

    /// Earlier than any day a record gives.
    public static let distantPast = Day(year: 1, month: 1, day: 1)!

    /// The day before, for the last day of a period that the next one ends.
    public var previous: Day {
        if day > 1 { return Day(year: year, month: month, day: day - 1)! }
        if month > 1 { return Day(year: year, month: month - 1, day: Day.daysIn(month: month - 1, year: year))! }
        return Day(year: year - 1, month: 12, day: 31)!
    }

    /// Days since 1 March of year 0 in the proleptic Gregorian calendar: only differences are used.
    /// Counting from March puts the leap day at the end of each counted year.
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
}
