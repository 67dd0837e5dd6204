extension EvidenceMerge {
    /// Ofsted's record of a childcare provider over its evidence, or new evidence: kind,
    /// authority, places, registration date and registered person replaced; the name unless
    /// the file redacts it; its latest inspection added unless one of that date is held.
    public static func earlyYears(_ provider: EarlyYearsProvider, onto evidence: Tree?) -> Tree {
        var members = evidence?.members ?? [Tree.Member(key: "urn", value: .string(provider.urn))]
        func set(_ key: String, _ value: Tree?) {
            guard let value else { return }
            if let index = members.firstIndex(where: { $0.key == key }) { members[index] = .init(key: key, value: value) } else {
                members.append(.init(key: key, value: value))
            }
        }
        if provider.nameGiven || evidence?["name"] == nil { set("name", .string(provider.name)) }
        set("kind", .string(provider.kind.rawValue))
        set("authority", provider.localAuthority.map(Tree.string))
        set("pupils", provider.places.map { .number(Double($0)) })
        set("opened", provider.registered.map { .string($0.description) })
        set("registeredPerson", provider.registeredPerson.map(Tree.string))
        if let inspection = provider.inspection {
            let list = members.first { $0.key == "inspections" }?.value.elements ?? []
            if !list.contains(where: { $0["date"]?.text.flatMap(Day.init) == inspection.date }) {
                set("inspections", .array(list + [tree(inspection)]))
            }
        }
        return Tree(.object(members))
    }
}
