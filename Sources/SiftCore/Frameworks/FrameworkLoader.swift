import Foundation

/// Reads a framework file into a `Framework`, reporting every problem with its line.
/// Structure and names are checked here; whole-framework checks (reachability, shadowing,
/// plan totals) are in `FrameworkValidator`.
public final class FrameworkLoader {
    let file: String
    var issues: [FrameworkIssue] = []
    var catalog = FactCatalog()
    /// The outcomes each custom table can give, by its output's name: the values a grid's
    /// axis must cover when it reads `derived.<name>`.
    var tableOutcomes: [String: Set<String>] = [:]

    init(file: String) { self.file = file }

    public static func load(path: String) throws(FrameworkLoadError) -> Framework {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FrameworkLoadError(issues: [FrameworkIssue(file: name, line: nil, message: "cannot read the file \(path)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FrameworkLoadError(issues: [FrameworkIssue(file: name, line: nil, message: "the file is not UTF-8 text")])
        }
        return try load(yaml: text, file: name)
    }

    public static func load(yaml: String, file: String) throws(FrameworkLoadError) -> Framework {
        let tree: Tree
        do {
            tree = try YAMLTree.read(yaml)
        } catch {
            throw FrameworkLoadError(issues: [FrameworkIssue(file: file, line: error.line, message: error.message)])
        }
        let loader = FrameworkLoader(file: file)
        let framework = loader.readFramework(tree)
        if let framework, loader.issues.isEmpty {
            loader.issues = FrameworkValidator.validate(framework, tree: tree)
            if loader.issues.isEmpty { return framework }
        }
        throw FrameworkLoadError(issues: loader.issues.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
    }

    func issue(_ node: Tree?, _ message: String) {
        issues.append(FrameworkIssue(file: file, line: node?.line, message: message))
    }

    // MARK: Mapping helpers

    /// The members of a mapping, after reporting unknown keys and missing required ones.
    func mapping(_ node: Tree?, _ what: String, required: Set<String>, optional: Set<String>) -> Tree? {
        guard let node else { return nil }
        guard let members = node.members else {
            issue(node, "\(what) should be a mapping, found \(node.kindName)")
            return nil
        }
        let known = required.union(optional).union(["note"])
        for member in members where !known.contains(member.key) {
            let close = known.sorted().filter { EstablishmentReader.closeEnough($0, member.key) }
            let hint = close.isEmpty ? "; allowed: \(known.sorted().joined(separator: ", "))" : "; did you mean '\(close[0])'?"
            issue(member.value, "unknown key '\(member.key)' in \(what)\(hint)")
        }
        for key in required.sorted() where node[key] == nil || node[key]!.isNull {
            issue(node, "\(what) needs '\(key)'")
        }
        return node
    }

    func list(_ node: Tree?, _ what: String) -> [Tree] {
        guard let node, !node.isNull else { return [] }
        guard let elements = node.elements else {
            issue(node, "\(what) should be a list, found \(node.kindName)")
            return []
        }
        return elements
    }

    func text(_ node: Tree?, _ what: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.text else { issue(node, "\(what) should be text, found \(node.kindName)"); return nil }
        return text
    }

    func number(_ node: Tree?, _ what: String) -> Double? {
        guard let node, !node.isNull else { return nil }
        guard let number = node.number else { issue(node, "\(what) should be a number, found \(node.kindName)"); return nil }
        guard number.isFinite else { issue(node, "\(what) must be a finite number"); return nil }
        return number
    }

    /// A whole number within a range, or a line-numbered issue.
    func integer(_ node: Tree?, _ what: String, _ range: ClosedRange<Int>) -> Int? {
        guard let value = number(node, what) else { return nil }
        guard value.isFinite, value.rounded() == value, let whole = Int(exactly: value), range.contains(whole) else {
            issue(node, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return whole
    }

    func citation(_ node: Tree) -> Citation {
        Citation(cite: text(node["cite"], "cite"), note: text(node["note"], "note"))
    }

    func condition(_ node: Tree?, _ what: String) -> (Expression, String)? {
        expression(node, what, asNumber: false)
    }

    /// A derived `value:`: an expression that gives a number.
    func numberValue(_ node: Tree?, _ what: String) -> (Expression, String)? {
        expression(node, what, asNumber: true)
    }

    private func expression(_ node: Tree?, _ what: String, asNumber: Bool) -> (Expression, String)? {
        guard let source = text(node, what) else { return nil }
        do {
            let parsed = asNumber ? try ExpressionParser.parseNumber(source, catalog: catalog) : try ExpressionParser.parseCondition(source, catalog: catalog)
            return (parsed, source)
        } catch {
            issue(node, "\(what) \(error.message)")
            return nil
        }
    }

    func categoryCode(_ node: Tree?, _ what: String, allowDesignation: Bool = false) -> String? {
        guard let code = text(node, what) else { return nil }
        if catalog.categoryCodes.contains(code) || (allowDesignation && catalog.designationCodes.contains(code)) { return code }
        issue(node, "\(what) '\(code)' is not a category of this framework; categories are \(catalog.categoryCodes.sorted().joined(separator: ", "))")
        return nil
    }
}
