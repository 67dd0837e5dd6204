extension String {
    /// A stored code as words: `voluntary_aided` reads "voluntary aided".
    var spacedWords: String { String(map { $0 == "_" ? " " : $0 }) }

    /// The text with its first letter in capitals, as a choice reads.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
