/// An authority that uses more than one framework (a primary and a secondary one, say) runs
/// each for what it covers: the engine of its first framework holds the others' engines, and
/// an establishment it does not cover is categorised, checked and funded by the first of them
/// that does. One that none covers is not covered, with each framework's reason.
extension DecisionEngine {
    /// This engine with others beside it, in the order they are tried.
    public func with(alongside engines: [DecisionEngine]) -> DecisionEngine {
        var engine = self
        engine.alongside = engines.filter { $0.framework.id != framework.id }
        return engine
    }

    /// Every framework the engine runs, its own first.
    public var frameworks: [Framework] { [framework] + alongside.map(\.framework) }

    /// The engine whose framework covers the establishment: this one where it does or where
    /// none does (its result then says why not), else the first beside it that does.
    public func covering(_ establishment: Establishment) -> DecisionEngine {
        guard !alongside.isEmpty, framework.notCovering(establishment) != nil else { return self }
        return alongside.first { $0.framework.notCovering(establishment) == nil } ?? self
    }

    /// Why no framework the engine runs covers the establishment, each framework's reason; nil
    /// where one does.
    func notCoveredByAny(_ establishment: Establishment) -> String? {
        guard let own = framework.notCovering(establishment) else { return nil }
        let others = alongside.map { $0.framework.notCovering(establishment) }
        if others.contains(where: { $0 == nil }) { return nil }
        return ([own] + others.compactMap { $0 }).joined(separator: " ")
    }
}
