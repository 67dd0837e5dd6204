/// Decides, soundly but not completely, whether one condition implies another: used to
/// find a row that can never fire because an earlier row always fires first. When in
/// doubt it answers "no", so a reported shadow is always real.
enum Implication {
    enum Constraint: Equatable {
        case range(low: Double?, lowIncluded: Bool, high: Double?, highIncluded: Bool)
        case points(Set<Double>)
        case words(Set<String>, negated: Bool)
        case flag(Bool)
        case missing(Bool)
        case opaque(String)
    }

    struct Atom: Equatable {
        let path: String
        let constraint: Constraint
    }

    /// Disjunctive normal form: a list of conjunctions. `nil` when too large to reason about.
    static func dnf(_ expression: Expression) -> [[Atom]]? {
        switch expression {
        case .and(let items):
            var result: [[Atom]] = [[]]
            for item in items {
                guard let terms = dnf(item) else { return nil }
                result = result.flatMap { prefix in terms.map { prefix + $0 } }
                if result.count > 64 { return nil }
            }
            return result
        case .or(let items):
            var result: [[Atom]] = []
            for item in items {
                guard let terms = dnf(item) else { return nil }
                result += terms
            }
            return result.count > 64 ? nil : result
        default:
            return [[atom(expression)]]
        }
    }

    static func atom(_ expression: Expression) -> Atom {
        switch expression {
        // Only a fact that is always true/false can be read as a flag: an la.other or
        // derived value may be text, which is unknown as a condition but not as `!= false`.
        case .fact(let ref, let path) where isBoolean(ref):
            return Atom(path: path, constraint: .flag(true))
        case .not(.fact(let ref, let path)) where isBoolean(ref):
            return Atom(path: path, constraint: .flag(false))
        case .isMissing(.fact(_, let path), let negated):
            return Atom(path: path, constraint: .missing(!negated))
        case .compare(let op, .fact(let ref, let path), let literal) where isTyped(ref, literal):
            return compareAtom(path, op, literal) ?? opaque(expression)
        case .compare(let op, let literal, .fact(let ref, let path)) where isTyped(ref, literal):
            return compareAtom(path, flipped(op), literal) ?? opaque(expression)
        case .inList(.fact(let ref, let path), let items, let negated) where items.allSatisfy({ isTyped(ref, $0) }):
            let words = items.compactMap { item -> String? in if case .word(let word) = item { return word } else { return nil } }
            if words.count == items.count { return Atom(path: path, constraint: .words(Set(words), negated: negated)) }
            let numbers = items.compactMap { item -> Double? in if case .number(let number) = item { return number } else { return nil } }
            if numbers.count == items.count, !negated { return Atom(path: path, constraint: .points(Set(numbers))) }
            return opaque(expression)
        default:
            return opaque(expression)
        }
    }

    /// Facts whose value is always true/false (or missing).
    private static func isBoolean(_ ref: FactRef) -> Bool {
        switch ref {
        case .localOther, .derived, .designation, .category: return false
        default:
            if case .bool = domain(ref) { return true }
            return false
        }
    }

    /// Whether comparing the fact with the literal is as the literal says: words that look
    /// like numbers compare numerically against text values, so they are not reasoned about,
    /// and untyped facts (la.other, derived) compared with true/false are not either.
    private static func isTyped(_ ref: FactRef, _ literal: Expression) -> Bool {
        switch literal {
        case .word(let word): return Double(word) == nil
        case .bool: return isBoolean(ref)
        default: return true
        }
    }

    private static func domain(_ ref: FactRef) -> FactDomain {
        switch ref {
        case .establishment(let fact): return FactCatalog.domain(of: fact)
        case .ofsted(let fact, _), .ofstedEarlier(let fact, _): return FactCatalog.domain(of: fact)
        case .local(let fact): return FactCatalog().domain(of: fact)
        case .measure(_, let field), .measureField(let field): return FactCatalog.domain(of: field)
        case .flag, .trend: return .bool
        // A declared fact is as its declaration types it; a value outside it reads as missing.
        case .declared(_, let kind):
            switch kind {
            case .yesNo: return .bool
            case .number: return .number
            default: return .text(nil)
            }
        default: return .number
        }
    }

    private static func opaque(_ expression: Expression) -> Atom {
        Atom(path: "", constraint: .opaque(String(describing: expression)))
    }

    private static func flipped(_ op: ComparisonOperator) -> ComparisonOperator {
        switch op {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return op
        }
    }

    private static func compareAtom(_ path: String, _ op: ComparisonOperator, _ literal: Expression) -> Atom? {
        switch literal {
        case .number(let n):
            switch op {
            case .equal: return Atom(path: path, constraint: .points([n]))
            case .less: return Atom(path: path, constraint: .range(low: nil, lowIncluded: false, high: n, highIncluded: false))
            case .lessOrEqual: return Atom(path: path, constraint: .range(low: nil, lowIncluded: false, high: n, highIncluded: true))
            case .greater: return Atom(path: path, constraint: .range(low: n, lowIncluded: false, high: nil, highIncluded: false))
            case .greaterOrEqual: return Atom(path: path, constraint: .range(low: n, lowIncluded: true, high: nil, highIncluded: false))
            case .notEqual: return nil
            }
        case .word(let word):
            switch op {
            case .equal: return Atom(path: path, constraint: .words([word], negated: false))
            case .notEqual: return Atom(path: path, constraint: .words([word], negated: true))
            default: return nil
            }
        case .bool(let flag):
            switch op {
            case .equal: return Atom(path: path, constraint: .flag(flag))
            case .notEqual: return Atom(path: path, constraint: .flag(!flag))
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Whenever `a` holds, does `b`?
    static func implies(_ a: Atom, _ b: Atom) -> Bool {
        if case .opaque(let x) = a.constraint, case .opaque(let y) = b.constraint { return x == y }
        guard a.path == b.path, !a.path.isEmpty else { return false }
        switch (a.constraint, b.constraint) {
        case (.flag(let x), .flag(let y)), (.missing(let x), .missing(let y)): return x == y
        case (.words(let x, false), .words(let y, false)): return x.isSubset(of: y)
        case (.words(let x, false), .words(let y, true)): return x.isDisjoint(with: y)
        case (.words(let x, true), .words(let y, true)): return y.isSubset(of: x)
        case (.points(let x), .points(let y)): return x.isSubset(of: y)
        case (.points(let x), .range): return x.allSatisfy { contains(b.constraint, $0) }
        case (.range(let low, let lowIn, let high, let highIn), .range(let bLow, let bLowIn, let bHigh, let bHighIn)):
            let lowOK: Bool = {
                guard let bLow else { return true }
                guard let low else { return false }
                return low > bLow || (low == bLow && (bLowIn || !lowIn))
            }()
            let highOK: Bool = {
                guard let bHigh else { return true }
                guard let high else { return false }
                return high < bHigh || (high == bHigh && (bHighIn || !highIn))
            }()
            return lowOK && highOK
        default: return false
        }
    }

    private static func contains(_ range: Constraint, _ value: Double) -> Bool {
        guard case .range(let low, let lowIn, let high, let highIn) = range else { return false }
        if let low, value < low || (value == low && !lowIn) { return false }
        if let high, value > high || (value == high && !highIn) { return false }
        return true
    }

    /// Whenever the conjunction `a` holds, does the conjunction `b`?
    static func implies(_ a: [Atom], _ b: [Atom]) -> Bool {
        b.allSatisfy { needed in a.contains { implies($0, needed) } }
    }

    /// Whenever `later` holds, does `earlier`? (The later row is then shadowed.)
    static func implies(_ later: Expression, _ earlier: Expression) -> Bool {
        guard let laterTerms = dnf(later), let earlierTerms = dnf(earlier) else { return false }
        return laterTerms.allSatisfy { term in earlierTerms.contains { implies(term, $0) } }
    }
}
