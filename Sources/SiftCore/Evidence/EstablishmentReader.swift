/// Reads one establishment field by field, collecting every problem rather than stopping
/// at the first, so an officer can fix a record in one pass.
struct EstablishmentReader {
    let tree: Tree
    let position: Int
    var urn: String
    var problems: [EvidenceProblem] = []

    init(tree: Tree, position: Int) {
        self.tree = tree
        self.position = position
        self.urn = tree["urn"]?.text ?? "#\(position + 1)"
    }

    static let knownKeys: Set<String> = [
        "urn", "name", "authority", "kind", "phase", "pupils", "network", "opened", "closed",
        "providesForTwoYearOlds", "headteacher", "inspections", "measures", "otherMeasures", "local", "religiousCharacter", "diocese", "registeredPerson", "manager",
    ]

    mutating func problem(_ field: String, _ message: String, _ node: Tree?) {
        problems.append(EvidenceProblem(urn: urn, field: field, message: message, line: node?.line ?? tree.line))
    }

    mutating func read() -> Establishment? {
        guard let members = tree.members else {
            problem("(establishment)", "expected an object, found \(tree.kindName)", tree)
            return nil
        }
        checkKeys(members, known: Self.knownKeys, prefix: "")
        let urnText = requiredText("urn")
        let name = requiredText("name")
        let kind: EstablishmentKind? = requiredEnum("kind")
        guard let urnText, let name, let kind else { return nil }
        var establishment = Establishment(urn: urnText, name: name, kind: kind)
        establishment.authority = optionalText(tree["authority"], "authority")
        establishment.phase = optionalEnum(tree["phase"], "phase")
        establishment.pupils = optionalInteger(tree["pupils"], "pupils", range: 0...100_000)
        establishment.network = optionalText(tree["network"], "network")
        establishment.opened = optionalDay(tree["opened"], "opened")
        establishment.closed = optionalDay(tree["closed"], "closed")
        establishment.providesForTwoYearOlds = optionalBool(tree["providesForTwoYearOlds"], "providesForTwoYearOlds")
        establishment.religiousCharacter = optionalText(tree["religiousCharacter"], "religiousCharacter")
        establishment.diocese = optionalText(tree["diocese"], "diocese")
        establishment.registeredPerson = optionalText(tree["registeredPerson"], "registeredPerson")
        establishment.manager = optionalText(tree["manager"], "manager")
        if let head = tree["headteacher"], !head.isNull {
            if let headMembers = head.members {
                checkKeys(headMembers, known: ["startDate", "firstHeadship"], prefix: "headteacher.")
                establishment.headteacher = Headteacher(
                    startDate: optionalDay(head["startDate"], "headteacher.startDate"),
                    firstHeadship: optionalBool(head["firstHeadship"], "headteacher.firstHeadship"))
            } else {
                problem("headteacher", "expected an object, found \(head.kindName)", head)
            }
        }
        establishment.inspections = readInspections()
        establishment.measures = readMeasures()
        establishment.otherMeasures = readOtherMeasures()
        establishment.local = readLocal()
        return establishment
    }

    mutating func checkKeys(_ members: [Tree.Member], known: Set<String>, prefix: @autoclosure () -> String) {
        for member in members where !known.contains(member.key) {
            let prefix = prefix()
            let suggestion = known.sorted().first { $0.lowercased() == member.key.lowercased() }
                ?? known.sorted().first { Self.closeEnough($0, member.key) }
            problem(prefix + member.key, "unknown field" + (suggestion.map { "; did you mean '\(prefix)\($0)'?" } ?? ""), member.value)
        }
    }

    /// Two names one or two edits apart, for "did you mean" hints.
    static func closeEnough(_ a: String, _ b: String) -> Bool {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        guard abs(x.count - y.count) <= 2 else { return false }
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count] <= 2
    }

    // MARK: Typed fields

    mutating func requiredText(_ key: String) -> String? {
        guard let node = tree[key], !node.isNull else { problem(key, "required, but missing", nil); return nil }
        guard let text = node.text, !text.isEmpty else { problem(key, "expected text, found \(node.kindName)", node); return nil }
        return text
    }

    mutating func requiredEnum<E: RawRepresentable & CaseIterable>(_ key: String) -> E? where E.RawValue == String {
        guard let node = tree[key], !node.isNull else { problem(key, "required, but missing", nil); return nil }
        return optionalEnum(node, key)
    }

    mutating func optionalText(_ node: Tree?, _ field: @autoclosure () -> String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.text else { problem(field(), "expected text, found \(node.kindName)", node); return nil }
        return text
    }

    mutating func optionalEnum<E: RawRepresentable & CaseIterable>(_ node: Tree?, _ field: @autoclosure () -> String) -> E? where E.RawValue == String {
        guard let node, !node.isNull else { return nil }
        guard let text = node.text, let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            problem(field(), "'\(node.text ?? node.kindName)' is not one of: \(allowed)", node)
            return nil
        }
        return value
    }

    mutating func optionalNumber(_ node: Tree?, _ field: @autoclosure () -> String) -> Double? {
        guard let node, !node.isNull else { return nil }
        guard let number = node.number, number.isFinite else { problem(field(), "expected a number, found \(node.kindName)", node); return nil }
        return number
    }

    mutating func optionalInteger(_ node: Tree?, _ field: @autoclosure () -> String, range: ClosedRange<Int>) -> Int? {
        guard let number = optionalNumber(node, field()) else { return nil }
        guard number.rounded() == number, let integer = Int(exactly: number), range.contains(integer) else {
            problem(field(), "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(Tree.format(number))", node)
            return nil
        }
        return integer
    }

    mutating func optionalBool(_ node: Tree?, _ field: @autoclosure () -> String) -> Bool? {
        guard let node, !node.isNull else { return nil }
        guard let flag = node.bool else { problem(field(), "expected true or false, found \(node.kindName)", node); return nil }
        return flag
    }

    mutating func optionalDay(_ node: Tree?, _ field: @autoclosure () -> String) -> Day? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.text, let day = Day(text) else {
            problem(field(), "expected a date (yyyy-mm-dd), found '\(node.text ?? node.kindName)'", node)
            return nil
        }
        return day
    }
}
