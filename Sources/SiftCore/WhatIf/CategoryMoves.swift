extension FrameworkComparison {
    /// How many establishments went from one category to another; nil is no category.
    public struct Move: Sendable, Equatable {
        public let from: String?
        public let to: String?
        public let count: Int

        public var isChange: Bool { from != to }

        struct Key: Hashable {
            let from: String?
            let to: String?
        }

        /// Moves in each framework's own category order (its most serious first, as the
        /// file lists them); a code one framework does not list comes after its own, and no
        /// category comes last.
        static func ordered(_ counts: [Key: Int], old: Framework, new: Framework) -> [Move] {
            let from = CategoryOrder(old), to = CategoryOrder(new)
            return counts
                .map { Move(from: $0.key.from, to: $0.key.to, count: $0.value) }
                .sorted { a, b in
                    if a.from != b.from { return from.precedes(a.from, b.from) }
                    return to.precedes(a.to, b.to)
                }
        }
    }

    /// The matrix's rows (old categories) and columns (new categories): every category each
    /// framework lists, then any other code that occurred, then no category if any was left
    /// uncategorised.
    public var matrixAxes: (rows: [String?], columns: [String?]) {
        func axis(_ framework: Framework, _ seen: [String?]) -> [String?] {
            var codes: [String?] = framework.categories.map(\.code)
            for code in seen where code != nil && !codes.contains(code) { codes.append(code) }
            if seen.contains(nil) { codes.append(nil) }
            return codes
        }
        return (axis(old, moves.map(\.from)), axis(new, moves.map(\.to)))
    }

    /// The count for one cell of the matrix; zero where no establishment made that move.
    public func count(from: String?, to: String?) -> Int {
        moves.first { $0.from == from && $0.to == to }?.count ?? 0
    }
}

/// Positions of a framework's category codes, for sorting moves the way the framework lists them.
struct CategoryOrder {
    private let position: [String: Int]

    init(_ framework: Framework) {
        var position: [String: Int] = [:]
        for (index, category) in framework.categories.enumerated() where position[category.code] == nil {
            position[category.code] = index
        }
        self.position = position
    }

    func precedes(_ a: String?, _ b: String?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        switch (position[a], position[b]) {
        case let (x?, y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }
}
