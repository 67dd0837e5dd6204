/// A calendar date without time or zone: Ofsted dates, headteacher start dates, run dates.
/// Kept as numbers so comparisons on a national run cost nothing.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads exactly `yyyy-mm-dd`, or `dd-mm-yyyy` / `dd/mm/yyyy` as the DfE and Ofsted files write them.
    public init?(_ text: String) {
        let characters = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = characters[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard characters.count == 10 else { return nil }
        let dash = UInt8(ascii: "-"), slash = UInt8(ascii: "/")
        if characters[4] == dash, characters[7] == dash,
           let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) {
            self.init(year: year, month: month, day: day)
        } else if (characters[2] == dash && characters[5] == dash) || (characters[2] == slash && characters[5] == slash),
                  let day = digits(0..<2), let month = digits(3..<5), let year = digits(6..<10) {
            self.init(year: year, month: month, day: day)
        } else {
            return nil
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    public func wholeMonths(to later: Day) -> Int {
        var months = (later.year - year) * 12 + (later.month - month)
        if later.day < day { months -= 1 }
        return months
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Day {
    /// "15 January 2026", as GOV.UK writes dates: for people, where `description` is for files.
    public var longText: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }
}
