/// A fact's value as rules see it. A missing value carries why it is missing, so a result
/// can say "not published for 2020" rather than treating it as zero.
public enum Value: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case bool(Bool)
    case missing(Absence)
    /// A number known only to lie between two others, both included: a count of flags some
    /// of which could not be judged. A comparison every number between them answers the same
    /// way is decided (three known trend flags of four make at least three, whatever the
    /// fourth); any other is unknown, for the reason the absence gives.
    case bounds(Double, Double, Absence)

    public var description: String {
        switch self {
        case .number(let number): return Tree.format(number)
        case .text(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .missing(let absence): return "missing (\(absence.reason))"
        case .bounds(let lower, let upper, let absence):
            return "between \(Tree.format(lower)) and \(Tree.format(upper)) (\(absence.reason))"
        }
    }

    /// Not known exactly: missing, or known only within bounds.
    public var isMissing: Bool {
        switch self {
        case .missing, .bounds: return true
        default: return false
        }
    }

    /// Why the value is not known exactly; nil when it is.
    public var absence: Absence? {
        switch self {
        case .missing(let absence), .bounds(_, _, let absence): return absence
        default: return nil
        }
    }

    /// The value as an unknown truth or quantity: bounds become plain missing where only a
    /// known value would serve.
    var unknown: Value {
        if case .bounds(_, _, let absence) = self { return .missing(absence) }
        return self
    }

    /// The smallest and largest the value can be, for a number or bounds.
    var interval: (Double, Double)? {
        switch self {
        case .number(let number): return (number, number)
        case .bounds(let lower, let upper, _): return (lower, upper)
        default: return nil
        }
    }

    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }
}

/// Why a fact has no value. The reason is kept as data and only worded when shown, so a
/// national run that meets thousands of missing values builds no strings for them.
public struct Absence: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The evidence does not record it at all: a gap someone should fill.
        case notRecorded = "not_recorded"
        /// Recorded as not available: not published, suppressed, no cohort, never inspected,
        /// not given by that inspection framework, or a parameter the authority has not set.
        case knownMissing = "known_missing"
    }

    public enum Why: Sendable, Equatable {
        case notRecorded
        case neverInspected
        case noPreviousInspection
        case measureStatus(MeasureStatus, year: Int)
        case measureNotRecorded(MeasureID, year: Int)
        /// A measure the framework declares, by its label.
        case declaredMeasureNotRecorded(String, year: Int)
        /// A declared fact recorded with a value it cannot take (the value as recorded).
        case notADeclaredValue(String)
        case componentNotRecorded(String, year: Int)
        /// A national figure, quintile or threshold the school's figure is judged against: no
        /// national file or entry gave it for the year.
        case nationalNotRecorded(String, year: Int)
        case noDataYear
        case noOverallGrade(Day)
        case noReportCardGrade(Day)
        case earlyYearsWithoutGrade(Day, MetOrNotMet?)
        case noEarlierGraded
        case notAReportCard
        case leadershipNotRead
        case notGivenByReportCards(KeyJudgement)
        case parameterNotSet(String)
        case divisionByZero
        case notYetDecided
        case noFlags
        case noRecordInScope
        case notComparable
        case notACondition
        case coreJudgementMissing(String)
        /// A table's outcome that unknown facts leave open.
        case undetermined(String)
    }

    public let why: Why
    /// The fact's path; the evaluator fills it in from the expression that asked.
    public internal(set) var fact: String

    public init(_ why: Why, fact: String = "") {
        self.why = why
        self.fact = fact
    }

    public var kind: Kind {
        switch why {
        case .notRecorded, .measureNotRecorded, .declaredMeasureNotRecorded, .notADeclaredValue, .componentNotRecorded, .nationalNotRecorded, .noDataYear, .coreJudgementMissing, .undetermined:
            return .notRecorded
        default: return .knownMissing
        }
    }

    public var reason: String {
        switch why {
        case .notRecorded: return "\(fact) is not recorded in the evidence"
        case .neverInspected: return "never inspected"
        case .noPreviousInspection: return "no previous inspection"
        case .measureStatus(let status, let year):
            switch status {
            case .notPublished: return "not published for \(year)"
            case .suppressed: return "suppressed for \(year)"
            case .noCohort: return "no cohort in \(year)"
            case .published: return "published for \(year)"
            }
        case .measureNotRecorded(let measure, let year): return "\(measure.rawValue) for \(year) is not recorded in the evidence"
        case .declaredMeasureNotRecorded(let label, let year): return "\(label) for \(year) is not recorded in the evidence"
        case .notADeclaredValue(let recorded): return "\(fact) is recorded as '\(recorded)', which is not a value the framework declares for it"
        case .componentNotRecorded(let component, let year): return "\(component) for \(year) is not recorded"
        case .nationalNotRecorded(let component, let year):
            return "\(component) for \(year) is not recorded: import the national file for the year, or enter the national quintiles"
        case .noDataYear: return "\(fact): no measures are recorded in the evidence"
        case .noOverallGrade(let day): return "the inspection of \(day) gave no overall grade, and this framework reads none from it"
        case .noReportCardGrade(let day): return "the report card of \(day) has no overall grade, and this framework reads none from it"
        case .earlyYearsWithoutGrade(let day, let met):
            return "the early-years inspection of \(day) gave \(met?.rawValue ?? "no") requirements judgement, not a grade"
        case .noEarlierGraded: return "there is no earlier graded inspection to carry forward"
        case .notAReportCard: return "the latest inspection is not a report card"
        case .leadershipNotRead: return "this framework reads no leadership grade from a report card"
        case .notGivenByReportCards(let judgement): return "report cards give no \(judgement.rawValue) judgement"
        case .parameterNotSet(let id): return "the authority has not set \(id)"
        case .divisionByZero: return "division by zero"
        case .notYetDecided: return "\(fact) is not yet decided"
        case .noFlags: return "this framework has no flags"
        case .noRecordInScope: return "no measure record in scope"
        case .notComparable: return "\(fact) holds a value of another kind than it is compared with"
        case .notACondition: return "\(fact) is not true or false, so it cannot stand as a condition"
        case .coreJudgementMissing(let judgement): return "the inspection does not record its \(judgement), so no overall reading is made"
        case .undetermined(let table): return "the \(table) table's outcome is undetermined: facts it needs are not known"
        }
    }

    public static let notRecorded = Absence(.notRecorded)
}
