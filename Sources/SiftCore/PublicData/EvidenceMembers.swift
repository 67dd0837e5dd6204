extension Array where Element == Tree.Member {
    /// Replaces the member of that key, or adds it at the end; a nil value leaves the evidence
    /// as it was (a file that does not give a fact never takes it away).
    public mutating func set(_ key: String, _ value: Tree?) {
        guard let value else { return }
        if let index = firstIndex(where: { $0.key == key }) { self[index] = .init(key: key, value: value) } else { append(.init(key: key, value: value)) }
    }

    /// Adds an inspection to the evidence's list unless one of that date is held already.
    mutating func addInspection(_ inspection: Inspection) {
        let list = first { $0.key == "inspections" }?.value.elements ?? []
        if !list.contains(where: { $0["date"]?.text.flatMap(Day.init) == inspection.date }) {
            set("inspections", .array(list + [EvidenceMerge.tree(inspection)]))
        }
    }
}
