import Foundation
import SiftCore

/// The facts a framework declares for itself (framework-format.md, "facts") as fields of the
/// authority's evidence form: each with its label, a list of its values where it has one, and
/// its value read back and checked against its type when saved. Kept under `local.other`.
enum DeclaredFactFields {
    static func key(_ fact: DeclaredFact) -> String { "own_" + fact.id }

    /// The form's values for the declared facts, from the evidence's `local.other`.
    static func values(of other: Tree?, _ facts: [DeclaredFact]) -> [String: String] {
        var values: [String: String] = [:]
        for fact in facts {
            guard let node = other?[fact.id], !node.isNull else { continue }
            if let flag = node.bool { values[key(fact)] = flag ? "yes" : "no" } else if let text = node.text { values[key(fact)] = text }
        }
        return values
    }

    static func fields(_ facts: [DeclaredFact], values: [String: String]) -> [FormField] {
        facts.map { fact in
            let label = fact.label.prefix(1).uppercased() + fact.label.dropFirst()
            let unset = fact.absentReadsAs.map { "Not recorded (reads as \(Self.words($0, fact)))" } ?? "Not recorded"
            switch fact.kind {
            case .yesNo:
                return .select(key(fact), label, choices: [("", unset), ("yes", "Yes"), ("no", "No")], selected: values[key(fact)] ?? "")
            case .oneOf:
                return .select(key(fact), label, choices: [("", unset)] + fact.values.map { ($0, fact.words(for: $0)) }, selected: values[key(fact)] ?? "")
            case .number:
                return .text(key(fact), label, hint: "A number; leave blank if not recorded", value: values[key(fact)] ?? "")
            case .date:
                return .text(key(fact), label, hint: "For example, 27 3 2024; leave blank if not recorded", value: values[key(fact)] ?? "", width: "govuk-input--width-10")
            case .text:
                return .text(key(fact), label, value: values[key(fact)] ?? "", width: "govuk-input--width-20")
            }
        }
    }

    /// The declared facts as sent, checked: the members to keep under `local.other`, or the
    /// fields that are wrong and why.
    static func read(_ facts: [DeclaredFact], from form: [String: String]) -> (members: [Tree.Member], errors: [FieldError]) {
        var members: [Tree.Member] = []
        var errors: [FieldError] = []
        for fact in facts {
            guard let text = form[key(fact)], !text.isEmpty else { continue }
            let name = fact.label
            switch fact.kind {
            case .yesNo:
                guard text == "yes" || text == "no" else { errors.append(.init(field: key(fact), message: "Choose yes or no for \(name)")); continue }
                members.append(.init(key: fact.id, value: Tree(.bool(text == "yes"))))
            case .oneOf:
                guard fact.values.contains(text) else { errors.append(.init(field: key(fact), message: "Choose one of the values listed for \(name)")); continue }
                members.append(.init(key: fact.id, value: Tree(.string(text))))
            case .number:
                guard let number = Double(text), number.isFinite else {
                    errors.append(.init(field: key(fact), message: "Enter \(name) as a number, like 12 or 4.5"))
                    continue
                }
                members.append(.init(key: fact.id, value: Tree(.number(number))))
            case .date:
                guard let day = Self.day(text) else {
                    errors.append(.init(field: key(fact), message: "Enter \(name) as a real date, like 27 3 2024"))
                    continue
                }
                members.append(.init(key: fact.id, value: Tree(.string(day.description))))
            case .text:
                members.append(.init(key: fact.id, value: Tree(.string(text))))
            }
        }
        return (members, errors)
    }

    /// A date written day, month, year ("27 3 2024", "27/03/2024") or as stored.
    static func day(_ text: String) -> Day? {
        if let day = Day(text) { return day }
        let parts = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Day(year: parts[2], month: parts[1], day: parts[0])
    }

    private static func words(_ value: Value, _ fact: DeclaredFact) -> String {
        switch value {
        case .bool(let flag): return flag ? "yes" : "no"
        case .text(let text): return fact.words(for: text)
        default: return value.description
        }
    }
}
