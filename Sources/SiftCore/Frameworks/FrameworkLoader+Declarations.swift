extension FrameworkLoader {
    /// `facts:`: the authority's own evidence items (framework-format.md, "facts").
    func readDeclaredFacts(_ node: Tree?) -> [DeclaredFact] {
        var seen = Set<String>()
        return list(node, "facts").compactMap { element in
            guard let entry = mapping(element, "a fact", required: ["id", "label", "type"], optional: ["values", "default", "cite"]),
                  let id = text(entry["id"], "id"), let label = text(entry["label"], "label"), let typeName = text(entry["type"], "type") else { return nil }
            guard Self.isName(id) else { issue(entry["id"], "'\(id)' is not a name: use lower-case letters, digits and _, like capacity_to_improve"); return nil }
            if LocalFact(rawValue: id) != nil || id == "other" {
                issue(entry["id"], "'la.\(id)' is a fact Sift already knows; give the declared fact a name of its own")
                return nil
            }
            if !seen.insert(id).inserted { issue(element, "the fact '\(id)' is declared twice"); return nil }
            guard let kind = DeclaredFact.Kind(rawValue: typeName) else {
                issue(entry["type"], "'\(typeName)' is not a type; types are \(DeclaredFact.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            var fact = DeclaredFact(id: id, label: label, kind: kind, values: [], valueLabels: [:], absentReadsAs: nil, citation: citation(entry))
            readValues(entry["values"], into: &fact)
            if let absent = entry["default"], !absent.isNull { fact.absentReadsAs = defaultValue(absent, of: fact) }
            return fact
        }
    }

    /// `values:` of a `one_of` fact: a list of words, or of `{ value:, label: }`.
    private func readValues(_ node: Tree?, into fact: inout DeclaredFact) {
        let items = list(node, "values")
        guard fact.kind == .oneOf else {
            if node != nil, !(node!.isNull) { issue(node, "only a one_of fact lists its values") }
            return
        }
        guard !items.isEmpty else { issue(node ?? nil, "the one_of fact '\(fact.id)' needs its values: values: [A, B, C]"); return }
        for item in items {
            var value: String?, label: String?
            if item.members != nil, let entry = mapping(item, "a value", required: ["value", "label"], optional: []) {
                value = text(entry["value"], "value")
                label = text(entry["label"], "label")
            } else {
                value = text(item, "a value")
            }
            guard let value else { continue }
            if value.contains(where: { $0.isWhitespace || "'\"[](),".contains($0) }) {
                issue(item, "the value '\(value)' cannot be written in a rule: use letters, digits and _, and give the words in label:")
                continue
            }
            if fact.values.contains(value) { issue(item, "the value '\(value)' is listed twice") }
            fact.values.append(value)
            if let label { fact.valueLabels[value] = label }
        }
    }

    /// What an absent fact reads as: a value of its type (for a `one_of`, one of its values).
    private func defaultValue(_ node: Tree, of fact: DeclaredFact) -> Value? {
        switch fact.kind {
        case .yesNo:
            if let flag = node.bool { return .bool(flag) }
        case .number:
            if let number = node.number { return .number(number) }
        case .oneOf:
            if let value = text(node, "default"), fact.values.contains(value) { return .text(value) }
            issue(node, "the default of '\(fact.id)' must be one of its values: \(fact.values.joined(separator: ", "))")
            return nil
        case .text:
            if let value = node.text { return .text(value) }
        case .date:
            issue(node, "a date fact has no default: an absent date is not recorded")
            return nil
        }
        issue(node, "the default of '\(fact.id)' must be \(fact.kind == .yesNo ? "true or false" : "a \(fact.kind.rawValue)")")
        return nil
    }

    /// `measures:`: measures beyond the DfE list (framework-format.md, "measures").
    func readDeclaredMeasures(_ node: Tree?) -> [DeclaredMeasure] {
        var seen = Set<String>()
        return list(node, "measures").compactMap { element in
            guard let entry = mapping(element, "a measure", required: ["id", "label", "higher_is_better"], optional: ["unit", "cite"]),
                  let id = text(entry["id"], "id"), let label = text(entry["label"], "label") else { return nil }
            guard Self.isName(id) else { issue(entry["id"], "'\(id)' is not a name: use lower-case letters, digits and _, like attendance"); return nil }
            if MeasureID(rawValue: id) != nil { issue(entry["id"], "'\(id)' is a DfE measure Sift already reads; give the declared measure a name of its own"); return nil }
            if !seen.insert(id).inserted { issue(element, "the measure '\(id)' is declared twice"); return nil }
            guard let higher = entry["higher_is_better"]?.bool else {
                issue(entry["higher_is_better"], "higher_is_better should be true or false")
                return nil
            }
            return DeclaredMeasure(id: id, label: label, unit: text(entry["unit"], "unit"), higherIsBetter: higher, citation: citation(entry))
        }
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "_" }
    }
}
