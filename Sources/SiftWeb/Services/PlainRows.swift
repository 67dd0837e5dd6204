import Fluent
import NIOConcurrencyHelpers

extension QueryBuilder {
    /// The rows of this query read straight into plain values, without building a model for
    /// each. Building a model finds its properties by reflection, which cost more than the
    /// query itself on a page of fifty establishments. Only `fields` are selected.
    func rows<Row: Sendable>(
        _ fields: [FieldKey], _ read: @escaping @Sendable (any DatabaseOutput) throws -> Row
    ) async throws -> [Row] {
        let query = self.copy()
        for field in fields { query.field(.extendedPath([field], schema: Model.schemaOrAlias, space: Model.spaceIfNotAliased)) }
        let collected = NIOLockedValueBox<Result<[Row], any Error>>(.success([]))
        try await query.run { output in
            collected.withLockedValue { rows in
                guard case .success(var list) = rows else { return }
                do {
                    list.append(try read(output.qualifiedSchema(space: Model.spaceIfNotAliased, Model.schemaOrAlias)))
                    rows = .success(list)
                } catch {
                    rows = .failure(error)
                }
            }
        }.get()
        return try collected.withLockedValue { try $0.get() }
    }
}
