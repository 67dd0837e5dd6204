/// Parses the expression language of framework-format.md ("Expressions"), resolving
/// fact paths and checking words against the values each fact can take.
public struct ExpressionParser {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    enum Token: Equatable {
        case number(Double), name(String), quoted(String), symbol(String), end
    }

    /// What an expression yields, for checking comparisons when the file is loaded.
    enum Kind: Equatable {
        case number, bool, text(Set<String>?), word(String), any
    }

    private let tokens: [Token]
    private var position = 0
    private let catalog: FactCatalog
    private let source: String

    public static func parse(_ source: String, catalog: FactCatalog) throws(Failure) -> Expression {
        try parse(source, catalog: catalog).expression
    }

    /// Parses a value and checks that it yields a number (a derived `value:`).
    public static func parseNumber(_ source: String, catalog: FactCatalog) throws(Failure) -> Expression {
        let (expression, kind, parser) = try parse(source, catalog: catalog)
        guard kind == .number || kind == .any else {
            throw parser.fail("this is not a number: a value is worked out with numbers, facts that are numbers, count(…), + - * /")
        }
        return expression
    }

    /// Parses a condition and checks that it yields true/false.
    public static func parseCondition(_ source: String, catalog: FactCatalog) throws(Failure) -> Expression {
        let (expression, kind, parser) = try parse(source, catalog: catalog)
        guard kind == .bool || kind == .any else { throw parser.fail("this is a value, not a condition: compare it with something") }
        return expression
    }

    private static func parse(_ source: String, catalog: FactCatalog) throws(Failure) -> (expression: Expression, kind: Kind, parser: ExpressionParser) {
        var parser = ExpressionParser(tokens: try tokenize(source), catalog: catalog, source: source)
        let (expression, kind) = try parser.parseOr()
        guard parser.peek == .end else { throw parser.fail("unexpected \(parser.describe(parser.peek))") }
        return (expression, kind, parser)
    }

    private init(tokens: [Token], catalog: FactCatalog, source: String) {
        self.tokens = tokens
        self.catalog = catalog
        self.source = source
    }

    private var peek: Token { tokens[position] }
    private mutating func advance() -> Token { defer { position += 1 }; return tokens[position] }

    private func fail(_ message: String) -> Failure { Failure(message: "in \"\(source)\": \(message)") }

    private func describe(_ token: Token) -> String {
        switch token {
        case .number(let number): return "number \(Tree.format(number))"
        case .name(let name): return "'\(name)'"
        case .quoted(let text): return "'\(text)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "end of the condition"
        }
    }

    private mutating func accept(_ token: Token) -> Bool {
        if peek == token { position += 1; return true }
        return false
    }

    private mutating func expect(_ token: Token) throws(Failure) {
        guard accept(token) else { throw fail("expected \(describe(token)) but found \(describe(peek))") }
    }

    // MARK: Grammar

    private mutating func parseOr() throws(Failure) -> (Expression, Kind) {
        var (first, kind) = try parseAnd()
        var items = [first]
        while accept(.name("or")) {
            try requireCondition(kind, "or")
            let (next, nextKind) = try parseAnd()
            try requireCondition(nextKind, "or")
            items.append(next)
            kind = .bool
        }
        if items.count > 1 { first = .or(items) }
        return (first, kind)
    }

    private mutating func parseAnd() throws(Failure) -> (Expression, Kind) {
        var (first, kind) = try parseNot()
        var items = [first]
        while accept(.name("and")) {
            try requireCondition(kind, "and")
            let (next, nextKind) = try parseNot()
            try requireCondition(nextKind, "and")
            items.append(next)
            kind = .bool
        }
        if items.count > 1 { first = .and(items) }
        return (first, kind)
    }

    private func requireCondition(_ kind: Kind, _ word: String) throws(Failure) {
        switch kind {
        case .bool, .any: return
        default: throw fail("'\(word)' joins conditions, but one side is a value")
        }
    }

    private mutating func parseNot() throws(Failure) -> (Expression, Kind) {
        if accept(.name("not")) {
            let (inner, kind) = try parseNot()
            try requireCondition(kind, "not")
            return (.not(inner), .bool)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(Failure) -> (Expression, Kind) {
        let (lhs, lhsKind) = try parseSum()
        if case .symbol(let symbol) = peek, let op = ComparisonOperator(rawValue: symbol) {
            position += 1
            let (rhs, rhsKind) = try parseSum()
            try checkComparable(lhsKind, rhsKind, ordered: op != .equal && op != .notEqual)
            return (.compare(op, lhs, rhs), .bool)
        }
        if peek == .name("in") || (peek == .name("not") && tokens[position + 1] == .name("in")) {
            let negated = accept(.name("not"))
            try expect(.name("in"))
            try expect(.symbol("["))
            var items: [Expression] = []
            if !accept(.symbol("]")) {
                repeat {
                    let (item, itemKind) = try parseSum()
                    try checkComparable(lhsKind, itemKind, ordered: false)
                    items.append(item)
                } while accept(.symbol(","))
                try expect(.symbol("]"))
            }
            return (.inList(lhs, items, negated: negated), .bool)
        }
        if accept(.name("is")) {
            let negated = accept(.name("not"))
            try expect(.name("missing"))
            return (.isMissing(lhs, negated: negated), .bool)
        }
        return (lhs, lhsKind)
    }

    private func checkComparable(_ a: Kind, _ b: Kind, ordered: Bool) throws(Failure) {
        switch (a, b) {
        case (.any, _), (_, .any): return
        case (.number, .number): return
        case (.bool, .bool) where !ordered: return
        case (.text(let domain), .word(let word)), (.word(let word), .text(let domain)):
            if ordered { throw fail("'\(word)' is text and cannot be ordered with < or >") }
            if let domain, !domain.contains(word) {
                throw fail("'\(word)' is not a value this fact can take; expected one of: \(domain.sorted().joined(separator: ", "))")
            }
        case (.text, .text) where !ordered, (.word, .word) where !ordered: return
        case (.number, .word(let word)), (.word(let word), .number):
            throw fail("'\(word)' is a word, but it is compared with a number")
        case (.bool, .word(let word)), (.word(let word), .bool):
            throw fail("'\(word)' is a word, but it is compared with true/false: write the fact alone, or == true")
        default:
            throw fail("these two sides cannot be compared (\(name(a)) with \(name(b)))")
        }
    }

    private func name(_ kind: Kind) -> String {
        switch kind {
        case .number: return "a number"
        case .bool: return "true/false"
        case .text: return "text"
        case .word(let word): return "'\(word)'"
        case .any: return "a value"
        }
    }

    private mutating func parseSum() throws(Failure) -> (Expression, Kind) {
        var (lhs, kind) = try parseProduct()
        while case .symbol(let symbol) = peek, symbol == "+" || symbol == "-" {
            position += 1
            let (rhs, rhsKind) = try parseProduct()
            try requireNumbers(kind, rhsKind, symbol)
            lhs = .arithmetic(ArithmeticOperator(rawValue: symbol)!, lhs, rhs)
            kind = .number
        }
        return (lhs, kind)
    }

    private mutating func parseProduct() throws(Failure) -> (Expression, Kind) {
        var (lhs, kind) = try parseUnary()
        while case .symbol(let symbol) = peek, symbol == "*" || symbol == "/" {
            position += 1
            let (rhs, rhsKind) = try parseUnary()
            try requireNumbers(kind, rhsKind, symbol)
            lhs = .arithmetic(ArithmeticOperator(rawValue: symbol)!, lhs, rhs)
            kind = .number
        }
        return (lhs, kind)
    }

    private func requireNumbers(_ a: Kind, _ b: Kind, _ symbol: String) throws(Failure) {
        for kind in [a, b] where kind != .number && kind != .any {
            throw fail("'\(symbol)' needs numbers on both sides")
        }
    }

    private mutating func parseUnary() throws(Failure) -> (Expression, Kind) {
        if accept(.symbol("-")) {
            let (inner, kind) = try parseUnary()
            try requireNumbers(kind, .number, "-")
            if case .number(let number) = inner { return (.number(-number), .number) }
            return (.negate(inner), .number)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(Failure) -> (Expression, Kind) {
        let token = advance()
        switch token {
        case .number(let number): return (.number(number), .number)
        case .quoted(let text): return (.word(text), .word(text))
        case .symbol("("):
            let result = try parseOr()
            try expect(.symbol(")"))
            return result
        case .name("true"): return (.bool(true), .bool)
        case .name("false"): return (.bool(false), .bool)
        case .name("count") where peek == .symbol("("):
            position += 1
            var items: [Expression] = []
            repeat {
                let (item, kind) = try parseOr()
                try requireCondition(kind, "count")
                items.append(item)
            } while accept(.symbol(","))
            try expect(.symbol(")"))
            return (.count(items), .number)
        case .name(let name):
            if ["and", "or", "not", "in", "is", "missing"].contains(name) {
                throw fail("expected a fact or value but found '\(name)'")
            }
            if name.contains(".") || catalog.measureFieldsInScope && MeasureField(rawValue: name) != nil
                || name == "designation" || name == "category" {
                switch catalog.resolve(name) {
                case .success(let (ref, domain)):
                    switch domain {
                    case .number: return (.fact(ref, path: name), .number)
                    case .bool: return (.fact(ref, path: name), .bool)
                    case .text(let values):
                        // A derived value may be a condition or a table's text output.
                        if case .derived = ref { return (.fact(ref, path: name), .any) }
                        if case .localOther = ref { return (.fact(ref, path: name), .any) }
                        return (.fact(ref, path: name), .text(values))
                    }
                case .failure(let error): throw fail(error.message)
                }
            }
            return (.word(name), .word(name))
        default:
            throw fail("unexpected \(describe(token))")
        }
    }

    // MARK: Tokens

    static func tokenize(_ source: String) throws(Failure) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(source)
        var index = 0
        func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }
        while index < characters.count {
            let c = characters[index]
            if c.isWhitespace { index += 1; continue }
            if c.isNumber {
                var end = index
                while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
                let text = String(characters[index..<end])
                guard let number = Double(text) else { throw Failure(message: "in \"\(source)\": '\(text)' is not a number") }
                tokens.append(.number(number))
                index = end
            } else if c.isLetter || c == "_" {
                var end = index
                while end < characters.count, isNameCharacter(characters[end]) { end += 1 }
                tokens.append(.name(String(characters[index..<end])))
                index = end
            } else if c == "'" || c == "\"" {
                guard let close = characters[(index + 1)...].firstIndex(of: c) else {
                    throw Failure(message: "in \"\(source)\": a quote is not closed")
                }
                tokens.append(.quoted(String(characters[(index + 1)..<close])))
                index = close + 1
            } else {
                let two = index + 1 < characters.count ? String(characters[index...(index + 1)]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    tokens.append(.symbol(two))
                    index += 2
                } else if "<>+-*/()[],".contains(c) {
                    tokens.append(.symbol(String(c)))
                    index += 1
                } else if c == "=" {
                    throw Failure(message: "in \"\(source)\": write '==' to compare, not '='")
                } else {
                    throw Failure(message: "in \"\(source)\": unexpected character '\(c)'")
                }
            }
        }
        tokens.append(.end)
        return tokens
    }
}
