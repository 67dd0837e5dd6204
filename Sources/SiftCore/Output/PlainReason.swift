/// A deciding rule's condition as a sentence a headteacher reads: "Ofsted's overall judgement
/// is inadequate, and Ofsted's category of concern is special measures (inspection of 11 April
/// 2019)", from the labels of the facts Sift knows and those the framework declares. The
/// expression stays in the result for officers and in JSON.
final class PlainReason {
    let framework: Framework
    let values: [String: Value]
    /// The facts the sentence names: an inspection's date is given only when it names one.
    private var named = Set<String>()

    init(framework: Framework, values: [String: Value]) {
        self.framework = framework
        self.values = values
    }

    /// The sentence for one reason of a result, worded from the facts it records.
    static func sentence(_ reason: Reason, framework: Framework, row: DecisionRow?, inspectionDate: Day?) -> String {
        guard let row else { return otherwise(framework.tables.first { $0.id == reason.table }?.output) }
        let words = PlainReason(framework: framework, values: Dictionary(reason.facts.map { ($0.name, $0.raw) }, uniquingKeysWith: { a, _ in a }))
        var sentence = words.say(row.when, holds: true)
        if let inspectionDate, words.named.contains(where: { ($0.hasPrefix("ofsted.") && !$0.hasPrefix("ofsted.previous.")) || $0.hasPrefix("report_card.") }) {
            sentence += " (inspection of \(inspectionDate.longText))"
        }
        return sentence.sentenceCased + "."
    }

    /// A table's `otherwise`, said as what it means: no condition for another outcome held.
    static func otherwise(_ output: DecisionTable.Output?) -> String {
        switch output {
        case .category: return "None of the framework's conditions for the other categories applied: this is its category when none does."
        case .designation: return "None of the framework's conditions for the other designations applied: this is its designation when none does."
        default: return "None of the framework's conditions for the other outcomes applied: this is its outcome when none does."
        }
    }

    /// What the expression says, given that it holds (or, with `holds: false`, that it does not).
    func say(_ expression: Expression, holds: Bool) -> String {
        switch expression {
        case .fact(_, let path): return statement(path, holds: holds)
        case .not(let inner): return say(inner, holds: !holds)
        case .and(let items):
            let parts = holds ? items : items.filter { truth($0) == false }
            return join(parts.map { say($0, holds: holds) }, holds ? "and" : "or")
        case .or(let items):
            let parts = holds ? items.filter { truth($0) == true } : items
            return join((parts.isEmpty ? items : parts).map { say($0, holds: holds) }, "and")
        case .compare(let op, let lhs, let rhs): return compare(op, lhs, rhs, holds: holds)
        case .inList(let lhs, let items, let negated):
            let inList = holds != negated
            let actual = value(lhs).map { words($0, for: Self.path(lhs)) } ?? "not recorded"
            if inList { return "\(subject(lhs)) is \(actual)" }
            return "\(subject(lhs)) is \(actual), not \(join(items.map { value($0).map { words($0, for: Self.path(lhs)) } ?? "" }, "or"))"
        case .isMissing(let inner, let negated):
            return "\(subject(inner)) is \((holds != negated) ? "not recorded" : "recorded")"
        case .count(let items):
            let met = items.filter { truth($0) == true }
            return "\(met.count) of these hold: " + met.map { say($0, holds: true) }.joined(separator: "; ")
        case .bool(let flag): return flag == holds ? "always" : "never"
        default: return Self.path(expression).map { subject(.fact(.designation, path: $0)) } ?? ""
        }
    }

    private func compare(_ op: ComparisonOperator, _ lhs: Expression, _ rhs: Expression, holds: Bool) -> String {
        // `fact == true` is the fact's statement.
        if case .bool(let flag) = rhs, let path = Self.path(lhs) {
            return statement(path, holds: (op == .equal) == (flag == holds))
        }
        let path = Self.path(lhs) ?? Self.path(rhs)
        let actual = value(lhs).map { words($0, for: path) } ?? "not recorded"
        let threshold = value(rhs).map { words($0, for: path) } ?? "not set"
        // A grade, or a value that is or is not another, reads as the value itself: the row held.
        if let path, FactLabels.isGrade(path) { return "\(subject(lhs)) is \(actual)" }
        let phrase: String
        switch (op, holds) {
        case (.equal, _), (.notEqual, _): return "\(subject(lhs)) is \(actual)"
        case (.less, true), (.greaterOrEqual, false): phrase = "below"
        case (.lessOrEqual, true), (.greater, false): phrase = "at most"
        case (.greater, true), (.lessOrEqual, false): phrase = "above"
        case (.greaterOrEqual, true), (.less, false): phrase = "at least"
        }
        return "\(subject(lhs)) is \(actual), which is \(phrase) \(threshold)"
    }

    /// A true/false fact as the statement it makes, or its negation.
    private func statement(_ path: String, holds: Bool) -> String {
        named.insert(path)
        if path.hasPrefix("derived."), let id = path.split(separator: ".").last {
            return "‘\(id.replacing("_", with: " "))’ \(holds ? "applies" : "does not apply")"
        }
        if let (yes, no) = FactLabels.statements[path] { return holds ? yes : no }
        if path.hasPrefix("ofsted.previous.") || path.hasPrefix("ofsted.earlier."), let last = path.split(separator: ".").last,
           let (yes, no) = FactLabels.statements["ofsted." + last] {
            return "at an earlier inspection, " + (holds ? yes : no)
        }
        if let fact = declaredFact(path) { return holds ? fact.label : "it is not so that \(fact.label)" }
        if let flag = flagStatement(path) { return holds ? flag : "it is not so that \(flag)" }
        let name = subject(.fact(.designation, path: path))
        return holds ? name : "not \(name)"
    }

    private func flagStatement(_ path: String) -> String? {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count == 2, parts[0] == "flag" || parts[0] == "trend",
              let item = framework.flags?.items.first(where: { $0.id == parts[1] }) else { return nil }
        return "\(item.measure.label) is flagged \(parts[0] == "trend" ? "two years running" : "in the latest year")"
    }

    /// What a fact or value is called.
    func subject(_ expression: Expression) -> String {
        if let path = Self.path(expression) { named.insert(path) }
        guard let path = Self.path(expression) else {
            if case .arithmetic = expression { return "the figure worked out" }
            return value(expression).map { words($0, for: nil) } ?? ""
        }
        if let name = FactLabels.names[path] { return name }
        if let (yes, _) = FactLabels.statements[path] { return "whether \(yes)" }
        if let fact = declaredFact(path) { return fact.label }
        let parts = path.split(separator: ".").map(String.init)
        switch parts.first {
        case "measure" where parts.count == 3:
            let label = MeasureID(rawValue: parts[1])?.label ?? framework.measures.first { $0.id == parts[1] }?.label ?? parts[1]
            return label + (FactLabels.measureFields[parts[2]] ?? "")
        case "param" where parts.count == 2: return "the authority's \(parts[1].replacing("_", with: " "))"
        case "derived" where parts.count == 2: return "the \(parts[1].replacing("_", with: " "))"
        case "report_card" where parts.count == 2: return "the report card's grade for \(parts[1].replacing("_", with: " "))"
        case "ofsted" where parts.count == 3: return "at the inspection before, " + (FactLabels.names["ofsted." + parts[2]] ?? parts[2].replacing("_", with: " "))
        case "ofsted" where parts.count == 4:
            return "at the inspection \(parts[2]) before the latest, " + (FactLabels.names["ofsted." + parts[3]] ?? parts[3].replacing("_", with: " "))
        default: return path.replacing("_", with: " ")
        }
    }

    /// A value in words: a grade's name, a declared value's label, a category's name.
    func words(_ value: Value, for path: String?) -> String {
        switch value {
        case .number(let number):
            if let path, FactLabels.isGrade(path), let grade = FactLabels.grades[safe: Int(number) - 1] { return "‘\(grade)’" }
            return Tree.format(number)
        case .text(let text):
            if let path, let fact = declaredFact(path) { return fact.words(for: text) }
            if path == "category" || path == "la.previous_category", let category = framework.category(text) { return "\(text) (\(category.name))" }
            return text.replacing("_", with: " ")
        case .bool(let flag): return flag ? "yes" : "no"
        case .missing: return "not recorded"
        case .bounds(let lower, let upper, _): return "between \(Tree.format(lower)) and \(Tree.format(upper))"
        }
    }

    private func declaredFact(_ path: String) -> DeclaredFact? {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.first == "la", parts.count >= 2 else { return nil }
        let id = parts.count == 3 && parts[1] == "other" ? parts[2] : parts[1]
        return framework.facts.first { $0.id == id }
    }

    /// The value of a fact or literal, from the facts the reason recorded.
    func value(_ expression: Expression) -> Value? {
        switch expression {
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .word(let word): return .text(word)
        case .fact(_, let path): return values[path]
        case .negate(let inner): return value(inner).flatMap { $0.number.map { .number(-$0) } }
        case .arithmetic(let op, let lhs, let rhs):
            guard let a = value(lhs), let b = value(rhs) else { return nil }
            return EvaluationContext.arithmetic(op, a, b)
        case .count(let items): return .number(Double(items.filter { truth($0) == true }.count))
        default: return truth(expression).map(Value.bool)
        }
    }

    /// Whether a part of the condition held, from the recorded facts; nil when unknown.
    func truth(_ expression: Expression) -> Bool? {
        switch expression {
        case .bool(let flag): return flag
        case .fact(_, let path): if case .bool(let flag) = values[path] { return flag } else { return nil }
        case .not(let inner): return truth(inner).map(!)
        case .and(let items):
            let truths = items.map(truth)
            return truths.contains(false) ? false : truths.contains(nil) ? nil : true
        case .or(let items):
            let truths = items.map(truth)
            return truths.contains(true) ? true : truths.contains(nil) ? nil : false
        case .compare(let op, let lhs, let rhs):
            guard let a = value(lhs), let b = value(rhs), !a.isMissing, !b.isMissing else { return nil }
            return EvaluationContext.compare(op, a, b)
        case .inList(let lhs, let items, let negated):
            guard let a = value(lhs), !a.isMissing else { return nil }
            let found = items.contains { item in value(item).flatMap { EvaluationContext.compare(.equal, a, $0) } == true }
            return found != negated
        case .isMissing(let inner, let negated): return (value(inner)?.isMissing ?? true) != negated
        default: return nil
        }
    }

    static func path(_ expression: Expression) -> String? {
        if case .fact(_, let path) = expression { return path }
        return nil
    }

    private func join(_ parts: [String], _ word: String) -> String {
        let parts = parts.filter { !$0.isEmpty }
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + ", \(word) " + parts.last!
    }
}
