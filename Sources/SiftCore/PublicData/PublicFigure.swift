/// A cell of a DfE performance table: a figure, or a code saying why there is none. A
/// missing figure is never read as zero.
enum PublicFigure {
    /// The codes the DfE's files use for "no figure", and what each means here. `SUPP` and
    /// `c` are suppressed for small numbers; `NE` is no eligible pupils; the rest are figures
    /// not published or not applicable (`NA`, `NP`, `LOWCOV` low coverage, `DNS` did not
    /// submit, and the tidy files' `x`, `z`, `u`, `:`).
    static let codes: [String: MeasureStatus] = [
        "supp": .suppressed, "c": .suppressed,
        "ne": .noCohort,
        "na": .notPublished, "np": .notPublished, "lowcov": .notPublished, "dns": .notPublished,
        "x": .notPublished, "z": .notPublished, "u": .notPublished, ":": .notPublished, "-": .notPublished,
    ]

    enum Reading: Equatable {
        case figure(Double)
        case none(MeasureStatus)
        case unreadable
    }

    /// `78%` reads as 78; a blank cell as not published.
    static func read(_ text: String) -> Reading {
        var trimmed = Substring(text).drop { $0 == " " || $0 == "\t" }
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        if trimmed.isEmpty { return .none(.notPublished) }
        if trimmed.last == "%" { trimmed = trimmed.dropLast() }
        if let number = Double(trimmed), number.isFinite { return .figure(number) }
        if let status = codes[trimmed.lowercased()] { return .none(status) }
        return .unreadable
    }
}
