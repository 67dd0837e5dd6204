/// Evaluates expressions with three-valued (Kleene) logic: a missing fact makes a
/// comparison unknown, carried as `.missing` with the reason, never as false or zero.
extension EvaluationContext {
    func evaluate(_ expression: Expression) -> Value {
        switch expression {
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .word(let word): return .text(word)
        case .fact(let ref, _):
            let value = value(of: ref)
            // The path is bound only when a value is missing: binding it costs a retain.
            if case .missing(var absence) = value, absence.fact.isEmpty, case .fact(_, let path) = expression {
                absence.fact = path
                return .missing(absence)
            }
            return value
        case .negate(let inner):
            let value = evaluate(inner)
            guard case .number(let number) = value else { return value }
            return .number(-number)
        case .arithmetic(let op, let lhs, let rhs):
            let a = evaluate(lhs), b = evaluate(rhs)
            guard case .number(let x) = a else { return a }
            guard case .number(let y) = b else { return b }
            switch op {
            case .plus: return .number(x + y)
            case .minus: return .number(x - y)
            case .times: return .number(x * y)
            case .divide:
                guard y != 0 else { return .missing(Absence(.divisionByZero)) }
                return .number(x / y)
            }
        case .compare(let op, let lhs, let rhs):
            let a = evaluate(lhs)
            if a.isMissing { return a }
            let b = evaluate(rhs)
            if b.isMissing { return b }
            return Self.compare(op, a, b).map(Value.bool) ?? .missing(Absence(.notComparable, fact: Self.path(of: lhs) ?? Self.path(of: rhs) ?? ""))
        case .not(let inner):
            let value = condition(inner)
            guard case .bool(let flag) = value else { return value }
            return .bool(!flag)
        case .and(let items):
            var unknown: Value?
            for item in items {
                let value = condition(item)
                switch value {
                case .bool(false): return value
                case .bool(true): continue
                default: if unknown == nil { unknown = value }
                }
            }
            return unknown ?? .bool(true)
        case .or(let items):
            var unknown: Value?
            for item in items {
                let value = condition(item)
                switch value {
                case .bool(true): return value
                case .bool(false): continue
                default: if unknown == nil { unknown = value }
                }
            }
            return unknown ?? .bool(false)
        case .inList(let lhs, let items, let negated):
            let value = evaluate(lhs)
            if value.isMissing { return value }
            // A list item with no value (a parameter not set) makes membership unknown
            // unless the value is found among the others.
            var unknown: Value?
            for item in items {
                let candidate = evaluate(item)
                if candidate.isMissing { unknown = unknown ?? candidate; continue }
                switch Self.compare(.equal, value, candidate) {
                case true: return .bool(!negated)
                case false: continue
                case nil: unknown = unknown ?? .missing(Absence(.notComparable, fact: Self.path(of: lhs) ?? ""))
                }
            }
            return unknown ?? .bool(negated)
        case .isMissing(let inner, let negated):
            return .bool(evaluate(inner).isMissing != negated)
        case .count(let items):
            var count = 0
            for item in items {
                let value = condition(item)
                switch value {
                case .bool(true): count += 1
                case .bool(false): continue
                default: return value
                }
            }
            return .number(Double(count))
        }
    }

    /// Evaluates an expression that must be true or false: any other value is unknown.
    func condition(_ expression: Expression) -> Value {
        let value = evaluate(expression)
        switch value {
        case .bool, .missing: return value
        default: return .missing(Absence(.notACondition, fact: Self.path(of: expression) ?? ""))
        }
    }

    static func path(of expression: Expression) -> String? {
        if case .fact(_, let path) = expression { return path }
        return nil
    }

    /// Compares two present values; nil when they are of kinds that cannot be compared.
    static func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            case .greaterOrEqual: return x >= y
            }
        case (.text(let x), .text(let y)):
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            default: return nil
            }
        case (.bool(let x), .bool(let y)):
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            default: return nil
            }
        // A number written as text (an la.other value, a category code) compares as a number.
        case (.number(let x), .text(let y)):
            guard let parsed = Double(y) else { return nil }
            return compare(op, .number(x), .number(parsed))
        case (.text(let x), .number(let y)):
            guard let parsed = Double(x) else { return nil }
            return compare(op, .number(parsed), .number(y))
        default: return nil
        }
    }
}
