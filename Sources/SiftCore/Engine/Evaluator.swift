/// Evaluates expressions with three-valued (Kleene) logic: a missing fact makes a
/// comparison unknown, carried as `.missing` with the reason, never as false or zero. Counts
/// and sums over facts some of which are unknown give bounds, and a comparison the bounds
/// decide is decided (docs/framework-format.md, "Unknown facts").
extension EvaluationContext {
    func evaluate(_ expression: Expression) -> Value {
        switch expression {
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .word(let word): return .text(word)
        case .fact(let ref, _):
            let value = value(of: ref)
            // The path is bound only when a value is missing: binding it costs a retain.
            if case .fact(_, let path) = expression {
                switch value {
                case .missing(var absence) where absence.fact.isEmpty:
                    absence.fact = path
                    return .missing(absence)
                case .bounds(let lower, let upper, var absence) where absence.fact.isEmpty:
                    absence.fact = path
                    return .bounds(lower, upper, absence)
                default: break
                }
            }
            return value
        case .negate(let inner):
            let value = evaluate(inner)
            switch value {
            case .number(let number): return .number(-number)
            case .bounds(let lower, let upper, let absence): return .bounds(-upper, -lower, absence)
            default: return value
            }
        case .arithmetic(let op, let lhs, let rhs):
            return Self.arithmetic(op, evaluate(lhs), evaluate(rhs))
        case .compare(let op, let lhs, let rhs):
            let a = evaluate(lhs), b = evaluate(rhs)
            if case .missing = a { return Self.unknown(a, b) }
            if case .missing = b { return b }
            if case .bounds = a { return Self.compare(op, bounded: a, b) }
            if case .bounds = b { return Self.compare(op, bounded: a, b) }
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
                default: unknown = unknown.map { Self.unknown($0, value) } ?? value
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
                default: unknown = unknown.map { Self.unknown($0, value) } ?? value
                }
            }
            return unknown ?? .bool(false)
        case .inList(let lhs, let items, let negated):
            let value = evaluate(lhs)
            if value.isMissing { return value.unknown }
            // A list item with no value (a parameter not set) makes membership unknown
            // unless the value is found among the others.
            var unknown: Value?
            for item in items {
                let candidate = evaluate(item)
                if candidate.isMissing { unknown = unknown ?? candidate.unknown; continue }
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
            return Self.count(items.map { condition($0) })
        }
    }

    /// How many of the values are true: a number when each is known, bounds when some could
    /// not be judged (each unknown may be either), with the first unknown's reason. A value
    /// recorded as not there (not published, never inspected) is not true, and counts none.
    static func count(_ values: [Value]) -> Value {
        var known = 0, unknowns = 0
        var first: Absence?
        for value in values {
            switch value {
            case .bool(true): known += 1
            case .bool(false): continue
            case .missing(let absence) where absence.kind == .knownMissing: continue
            default:
                unknowns += 1
                if first == nil { first = value.absence ?? Absence(.notACondition) }
            }
        }
        guard let first else { return .number(Double(known)) }
        return .bounds(Double(known), Double(known + unknowns), first)
    }

    /// Of two values at least one of which is unknown, the one to carry: a fact not recorded
    /// (which hides a value that could decide) before one recorded as not there (which hides
    /// none), so a condition is open exactly when an unrecorded fact could decide it.
    static func unknown(_ first: Value, _ second: Value) -> Value {
        guard first.absence?.kind != .notRecorded, second.absence?.kind == .notRecorded else { return first.isMissing ? first : second }
        return second
    }

    /// Arithmetic on numbers, or on bounds as intervals; anything else unknown.
    static func arithmetic(_ op: ArithmeticOperator, _ a: Value, _ b: Value) -> Value {
        if case .missing = a { return unknown(a, b) }
        if case .missing = b { return b }
        guard let (al, au) = a.interval else { return a.unknown }
        guard let (bl, bu) = b.interval else { return b.unknown }
        let absence = a.absence ?? b.absence
        func result(_ lower: Double, _ upper: Double) -> Value {
            guard let absence else { return .number(lower) }
            return .bounds(lower, upper, absence)
        }
        switch op {
        case .plus: return result(al + bl, au + bu)
        case .minus: return result(al - bu, au - bl)
        case .times:
            let products = [al * bl, al * bu, au * bl, au * bu]
            return result(products.min()!, products.max()!)
        case .divide:
            guard bl > 0 || bu < 0 else {
                return absence.map { .missing($0) } ?? .missing(Absence(.divisionByZero))
            }
            let quotients = [al / bl, al / bu, au / bl, au / bu]
            return result(quotients.min()!, quotients.max()!)
        }
    }

    /// A comparison where one side is known only within bounds: decided when every number
    /// within them gives the same answer.
    static func compare(_ op: ComparisonOperator, bounded a: Value, _ b: Value) -> Value {
        let absence = a.absence ?? b.absence ?? Absence(.notComparable)
        guard let (al, au) = a.interval, let (bl, bu) = b.interval else { return .missing(absence) }
        let decided: Bool?
        switch op {
        case .less: decided = au < bl ? true : al >= bu ? false : nil
        case .lessOrEqual: decided = au <= bl ? true : al > bu ? false : nil
        case .greater: decided = al > bu ? true : au <= bl ? false : nil
        case .greaterOrEqual: decided = al >= bu ? true : au < bl ? false : nil
        case .equal: decided = au < bl || al > bu ? false : nil
        case .notEqual: decided = au < bl || al > bu ? true : nil
        }
        return decided.map(Value.bool) ?? .missing(absence)
    }

    /// Evaluates an expression that must be true or false: any other value is unknown.
    func condition(_ expression: Expression) -> Value {
        let value = evaluate(expression)
        switch value {
        case .bool, .missing: return value
        case .bounds(_, _, let absence): return .missing(absence)
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
