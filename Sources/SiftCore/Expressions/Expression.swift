/// A condition or value from a framework file, parsed once at load with every fact path
/// resolved, so that evaluating it on a national run does no string work.
public indirect enum Expression: Sendable {
    case number(Double)
    case bool(Bool)
    /// A bare word: a value such as `sharp_decline`, checked against the fact it is compared with.
    case word(String)
    case fact(FactRef, path: String)
    case negate(Expression)
    case arithmetic(ArithmeticOperator, Expression, Expression)
    case compare(ComparisonOperator, Expression, Expression)
    case not(Expression)
    case and([Expression])
    case or([Expression])
    case inList(Expression, [Expression], negated: Bool)
    case isMissing(Expression, negated: Bool)
    case count([Expression])

    /// Every fact the expression reads, in order of first appearance: shown as the facts a
    /// deciding rule used.
    public var facts: [(path: String, ref: FactRef)] {
        var seen = Set<String>()
        var result: [(String, FactRef)] = []
        func walk(_ expression: Expression) {
            switch expression {
            case .number, .bool, .word: break
            case .fact(let ref, let path): if seen.insert(path).inserted { result.append((path, ref)) }
            case .negate(let inner), .not(let inner): walk(inner)
            case .isMissing(let inner, _): walk(inner)
            case .arithmetic(_, let lhs, let rhs), .compare(_, let lhs, let rhs): walk(lhs); walk(rhs)
            case .and(let items), .or(let items), .count(let items): items.forEach(walk)
            case .inList(let lhs, let items, _): walk(lhs); items.forEach(walk)
            }
        }
        walk(self)
        return result
    }
}

public enum ArithmeticOperator: String, Sendable { case plus = "+", minus = "-", times = "*", divide = "/" }

public enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}
