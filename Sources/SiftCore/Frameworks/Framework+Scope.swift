/// What a framework covers (docs/framework-format.md, "phases and kinds"): an establishment
/// outside it is not covered, and is never categorised by its rules.
extension Framework {
    /// Words a framework may use in `kinds:` for a group of kinds.
    static let kindGroups: [String: [EstablishmentKind]] = [
        "schools": EstablishmentKind.allCases.filter { $0.setting == .school },
        "maintained_schools": EstablishmentKind.allCases.filter(\.isMaintained),
        "academies": EstablishmentKind.allCases.filter(\.isAcademy),
        "early_years_settings": EstablishmentKind.allCases.filter { $0.setting != .school },
    ]

    /// Why the framework does not cover the establishment, in words; nil where it does.
    public func notCovering(_ establishment: Establishment) -> String? {
        if !kinds.isEmpty, !kinds.contains(establishment.kind) {
            return "\(name) is for \(kindsWords); this is \(Self.article(establishment.kind.words)) \(establishment.kind.words)."
        }
        if !phases.isEmpty {
            let covered = Self.list(phases.map(\.words)) + " phase" + (phases.count > 1 ? "s" : "")
            guard let phase = establishment.phase else {
                return "\(name) is for the \(covered) only, and this establishment's phase is not recorded: record it to categorise it."
            }
            if !phases.contains(phase) { return "\(name) is for the \(covered) only; this establishment's phase is \(phase.words)." }
        }
        return nil
    }

    /// The kinds covered, in words: a group's name where the kinds are exactly a group.
    var kindsWords: String {
        if let group = Self.kindGroups.first(where: { Set($0.value) == kinds })?.key { return group.replacing("_", with: " ") }
        return Self.list(EstablishmentKind.allCases.filter(kinds.contains).map(\.words))
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func article(_ word: String) -> String { "aeiou".contains(word.prefix(1)) ? "an" : "a" }
}

extension EstablishmentKind {
    /// The kind as a sentence says it: "academy converter", "pupil referral unit".
    public var words: String { rawValue.replacing("_", with: " ") }
}

extension Phase {
    public var words: String {
        switch self {
        case .allThrough: return "all-through"
        case .sixteenPlus: return "16 plus"
        case .notApplicable: return "not applicable"
        default: return rawValue
        }
    }
}

extension FrameworkLoader {
    /// `kinds:` as kinds and groups of kinds (`schools`, `early_years_settings`, …).
    func readKinds(_ node: Tree?) -> Set<EstablishmentKind> {
        var kinds = Set<EstablishmentKind>()
        for element in list(node, "kinds") {
            guard let word = text(element, "a kind") else { continue }
            if let group = Framework.kindGroups[word] { kinds.formUnion(group); continue }
            guard let kind = EstablishmentKind(rawValue: word) else {
                let known = Framework.kindGroups.keys.sorted() + EstablishmentKind.allCases.map(\.rawValue)
                let close = known.first { EstablishmentReader.closeEnough($0, word) }
                issue(element, "'\(word)' is not a kind of establishment" + (close.map { "; did you mean '\($0)'?" } ?? "; kinds are \(known.joined(separator: ", "))"))
                continue
            }
            kinds.insert(kind)
        }
        return kinds
    }
}
