/// Builds establishments from a `Tree` (a JSON evidence file, or a framework example in
/// YAML). Every problem names the establishment and the field; one bad establishment never
/// stops the others being read.
public enum EvidenceDecoder {
    public static func decodeFile(_ tree: Tree) -> EvidenceSet {
        var set = EvidenceSet(establishments: [], problems: [], rejected: [])
        let list: [Tree]
        if let establishments = tree["establishments"] {
            guard let elements = establishments.elements else {
                set.problems.append(EvidenceProblem(urn: "(file)", field: "establishments", message: "expected a list, found \(establishments.kindName)", line: establishments.line))
                return set
            }
            list = elements
        } else if tree["urn"] != nil {
            list = [tree]
        } else {
            set.problems.append(EvidenceProblem(urn: "(file)", field: "establishments", message: "expected an object with an 'establishments' list, or one establishment with a 'urn'", line: tree.line))
            return set
        }
        var collector = Collector()
        for (position, element) in list.enumerated() { collector.add(element, position: position) }
        return collector.set
    }

    /// Adds establishments one at a time, keeping the first of any URN given twice.
    public struct Collector {
        public private(set) var set = EvidenceSet(establishments: [], problems: [], rejected: [])
        private var seen = Set<String>()

        public init() {}

        public mutating func add(_ element: Tree, position: Int) {
            switch EvidenceDecoder.decode(element, position: position) {
            case .success(let establishment):
                if seen.insert(establishment.urn).inserted {
                    set.establishments.append(establishment)
                } else {
                    set.problems.append(EvidenceProblem(urn: establishment.urn, field: "urn", message: "this URN is given twice in the file; the second is not used", line: element.line))
                    set.rejected.append(establishment.urn)
                }
            case .failure(let problems):
                set.problems.append(contentsOf: problems)
                set.rejected.append(problems.first?.urn ?? "#\(position + 1)")
            }
        }
    }

    public static func decode(_ tree: Tree, position: Int = 0) -> Result<Establishment, ProblemList> {
        var reader = EstablishmentReader(tree: tree, position: position)
        let establishment = reader.read()
        if let establishment, reader.problems.isEmpty { return .success(establishment) }
        return .failure(ProblemList(problems: reader.problems))
    }

    public struct ProblemList: Error, Sendable, Sequence {
        public let problems: [EvidenceProblem]
        public func makeIterator() -> IndexingIterator<[EvidenceProblem]> { problems.makeIterator() }
        public var first: EvidenceProblem? { problems.first }
    }
}
