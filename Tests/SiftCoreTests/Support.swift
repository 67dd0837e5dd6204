import SiftCore
import Testing

/// Reads one establishment from JSON, failing the test with the evidence problems if any.
func establishment(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Establishment {
    let tree = try JSONReader.read(json)
    switch EvidenceDecoder.decode(tree) {
    case .success(let establishment): return establishment
    case .failure(let problems):
        Issue.record("evidence did not read: \(problems.map(\.description))", sourceLocation: sourceLocation)
        throw problems
    }
}

func bundled(_ id: String) throws -> Framework {
    try BundledFrameworks.load(id)
}

let october2023 = Day(year: 2023, month: 10, day: 1)!

/// A minimal framework file around the given tables, for validation tests.
func frameworkYAML(categories: String = "[{ code: \"1\", name: One }, { code: \"2\", name: Two }]", tables: String, extra: String = "") -> String {
    """
    sift_framework: 1
    id: test
    name: Test
    authority: Test
    source: Test
    inspection_reading:
      ungraded_2024: { overall: worst_key_judgement }
      report_card_2025:
        overall: worst_area
        scale: { exceptional: 1, strong_standard: 2, expected_standard: 2, needs_attention: 3, urgent_improvement: 4 }
    categories: \(categories)
    tables:
    \(tables)
    entitlements: []
    examples: []
    \(extra)
    """
}

/// The issues a framework file raises, as "line: message".
func issues(_ yaml: String) -> [String] {
    do {
        _ = try FrameworkLoader.load(yaml: yaml, file: "test.yaml")
        return []
    } catch {
        return error.issues.map { "\($0.line.map(String.init) ?? "?"): \($0.message)" }
    }
}
