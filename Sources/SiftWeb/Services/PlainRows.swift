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
        // Rows are appended in place (a CSV export reads 25,000); the first error is kept.
        let collected = NIOLockedValueBox<(rows: [Row], error: (any Error)?)>(([], nil))
        try await query.run { output in
            collected.withLockedValue { collected in
                guard collected.error == nil else { return }
                do {
                    collected.rows.append(try read(output.qualifiedSchema(space: Model.spaceIfNotAliased, Model.schemaOrAlias)))
                } catch {
                    collected.error = error
                }
            }
        }.get()
        return try collected.withLockedValue { collected in
            if let error = collected.error { throw error }
            return collected.rows
        }
    }
}
