extension EvidenceMerge {
    /// Ofsted's record of a childcare provider over its evidence, or new evidence: kind,
    /// authority, places, registration date and registered person replaced; the name unless
    /// the file redacts it; its latest inspection added unless one of that date is held.
    public static func earlyYears(_ provider: EarlyYearsProvider, onto evidence: Tree?) -> Tree {
        var members = evidence?.members ?? [Tree.Member(key: "urn", value: .string(provider.urn))]
        if provider.nameGiven || evidence?["name"] == nil { members.set("name", .string(provider.name)) }
        members.set("kind", .string(provider.kind.rawValue))
        members.set("authority", provider.localAuthority.map(Tree.string))
        members.set("pupils", provider.places.map { .number(Double($0)) })
        members.set("opened", provider.registered.map { .string($0.description) })
        members.set("registeredPerson", provider.registeredPerson.map(Tree.string))
        if let inspection = provider.inspection { members.addInspection(inspection) }
        return Tree(.object(members))
    }
}
