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
            return .bool(Self.compare(op, a, b))
        case .not(let inner):
            let value = evaluate(inner)
            guard case .bool(let flag) = value else { return value }
            return .bool(!flag)
        case .and(let items):
            var unknown: Value?
            for item in items {
                let value = evaluate(item)
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
                let value = evaluate(item)
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
            let found = items.contains { Self.compare(.equal, value, evaluate($0)) }
            return .bool(found != negated)
        case .isMissing(let inner, let negated):
            return .bool(evaluate(inner).isMissing != negated)
        case .count(let items):
            var count = 0
            for item in items {
                let value = evaluate(item)
                switch value {
                case .bool(true): count += 1
                case .bool(false): continue
                default: return value
                }
            }
            return .number(Double(count))
        }
    }

    static func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Bool {
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
        case (.text(let x), .text(let y)): return op == .equal ? x == y : (op == .notEqual ? x != y : false)
        case (.bool(let x), .bool(let y)): return op == .equal ? x == y : (op == .notEqual ? x != y : false)
        // A number compared with a category code written as text, e.g. la.other values.
        case (.number(let x), .text(let y)), (.text(let y), .number(let x)):
            guard let parsed = Double(y) else { return op == .notEqual }
            return compare(op, .number(x), .number(parsed))
        default: return op == .notEqual
        }
    }
}
