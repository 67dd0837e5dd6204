import FluentSQL
import NIOConcurrencyHelpers

/// An SQL statement that is the same on every run but for its bound values, built once per
/// database dialect and afterwards run from its text. Building a statement with SQLKit quotes
/// every name in it afresh, which, for the session lookup that every request makes and the
/// queries of an establishment's page, cost more than running them.
final class FixedStatement: Sendable {
    private let build: @Sendable ([any Encodable & Sendable]) -> any SQLExpression
    private let texts = NIOLockedValueBox<[String: String]>([:])

    /// - Parameter build: the statement with these values bound, in the order of `binds`
    ///   (each bound once, in that order, so that the text's placeholders follow it).
    init(_ build: @escaping @Sendable (_ binds: [any Encodable & Sendable]) -> any SQLExpression) {
        self.build = build
    }

    /// A SELECT statement, built with SQLKit's builder.
    static func select(_ build: @escaping @Sendable (_ select: SQLSubqueryBuilder, _ binds: [any Encodable & Sendable]) -> Void) -> FixedStatement {
        FixedStatement { binds in
            let builder = SQLSubqueryBuilder()
            build(builder, binds)
            return builder.select
        }
    }

    /// The statement's rows with `binds` bound.
    func rows(_ binds: [any Encodable & Sendable], on sql: any SQLDatabase) async throws -> [any SQLRow] {
        let dialect = sql.dialect.name
        let text = texts.withLockedValue { $0[dialect] } ?? {
            let text = sql.serialize(build(binds)).sql
            texts.withLockedValue { $0[dialect] = text }
            return text
        }()
        return try await sql.raw("\(TextWithBinds(text: text, binds: binds))").all()
    }

    /// Text already serialized, with the values its placeholders stand for.
    private struct TextWithBinds: SQLExpression {
        let text: String
        let binds: [any Encodable & Sendable]

        func serialize(to serializer: inout SQLSerializer) {
            serializer.write(text)
            serializer.binds.append(contentsOf: binds)
        }
    }
}
