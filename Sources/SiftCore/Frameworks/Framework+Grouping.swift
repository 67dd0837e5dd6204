/// How a framework groups its establishments for support and funding: Coventry's networks,
/// Warwickshire's consortia (`groups:` in the framework file, docs/framework-format.md).
public struct Grouping: Sendable, Equatable {
    /// The framework's word for one group, and for several ("network", "networks").
    public var called: String
    public var plural: String
    /// Whether every establishment it covers belongs to exactly one.
    public var everyEstablishment: Bool
    public var cite: String?

    public init(called: String, plural: String, everyEstablishment: Bool, cite: String? = nil) {
        self.called = called
        self.plural = plural
        self.everyEstablishment = everyEstablishment
        self.cite = cite
    }

    /// A framework that says nothing of groups: an authority may still keep networks.
    public static let unstated = Grouping(called: "network", plural: "networks", everyEstablishment: false)
}

extension FrameworkLoader {
    func readGrouping(_ node: Tree?) -> Grouping {
        guard let node, let entry = mapping(node, "groups", required: ["called", "plural"], optional: ["every_establishment", "cite"]) else {
            return .unstated
        }
        var every = false
        if let flag = entry["every_establishment"] {
            if let value = flag.bool { every = value } else { issue(flag, "every_establishment must be true or false") }
        }
        return Grouping(called: text(entry["called"], "called") ?? "network", plural: text(entry["plural"], "plural") ?? "networks",
                        everyEstablishment: every, cite: text(entry["cite"], "cite"))
    }
}
