extension EvidenceMerge {
    /// A predecessor's inspections laid into its successor's evidence while the successor has
    /// none of its own, each marked with the URN inspected: Ofsted reports a converter's
    /// predecessor's judgement as its latest until it is inspected itself ("Does the latest
    /// full inspection relate to the URN of the current school? No"), and so a framework reads
    /// it, unless a rule says `not ofsted.of_predecessor`. Inspections of those dates already
    /// held are kept; nil when nothing changes.
    public static func predecessorInspections(_ inspections: [Tree], of predecessorURN: String, onto successor: Tree) -> Tree? {
        var members = successor.members ?? []
        let held = members.first { $0.key == "inspections" }?.value.elements ?? []
        guard !held.contains(where: { $0["urnAtInspection"] == nil }) else { return nil }
        let dates = Set(held.compactMap { $0["date"]?.text })
        let added = inspections.filter { !dates.contains($0["date"]?.text ?? "") }.map { inspection -> Tree in
            guard inspection["urnAtInspection"] == nil, var fields = inspection.members else { return inspection }
            fields.append(.init(key: "urnAtInspection", value: .string(predecessorURN)))
            return Tree(.object(fields))
        }
        guard !added.isEmpty else { return nil }
        members.set("inspections", .array(held + added))
        return Tree(.object(members))
    }
}
