import Fluent
import FluentSQL
import Foundation
import Vapor

/// An establishment's evidence (docs/evidence-format.md), in a table of its own: lists and
/// counts read the narrow establishments table and never wade through the evidence.
final class EvidenceRecord: Model, @unchecked Sendable {
    static let schema = "establishment_evidence"

    @ID(key: .id) var id: UUID?
    @Parent(key: "establishment_id") var establishment: EstablishmentRecord
    @Field(key: "evidence") var evidence: String

    init() {}

    init(establishmentID: UUID, evidence: String) {
        self.id = establishmentID
        self.$establishment.id = establishmentID
        self.evidence = evidence
    }
}

/// Reading and writing evidence.
enum EvidenceStore {
    private static let textStatement = FixedStatement.select { select, binds in
        _ = select.column("evidence").from(EvidenceRecord.schema).where("establishment_id", .equal, SQLBind(binds[0])).limit(1)
    }

    static func text(for record: EstablishmentRecord, on database: any Database) async throws -> String {
        let stored: [String]
        if let sql = database as? any SQLDatabase {
            stored = try await textStatement.rows([record.requireID()], on: sql).map { try $0.decode(column: "evidence", as: String.self) }
        } else {
            stored = try await EvidenceRecord.query(on: database).filter(\.$establishment.$id == record.requireID()).limit(1)
                .rows(["evidence"]) { try $0.decode("evidence", as: String.self) }
        }
        guard let evidence = stored.first else { throw Abort(.internalServerError, reason: "no evidence is stored for \(record.urn)") }
        return evidence
    }

    /// Every establishment's evidence in an authority, by establishment id.
    static func texts(authorityID: UUID, on database: any Database) async throws -> [UUID: String] {
        if let sql = database as? any SQLDatabase {
            // Read by hand, not as models: an import reads every establishment's evidence.
            let rows = try await sql.select().column(SQLColumn("establishment_id", table: EvidenceRecord.schema)).column(SQLColumn("evidence", table: EvidenceRecord.schema))
                .from(EvidenceRecord.schema).join(EstablishmentRecord.schema, on: SQLColumn("establishment_id", table: EvidenceRecord.schema), .equal,
                                   SQLColumn("id", table: EstablishmentRecord.schema))
                .where(SQLColumn("authority_id", table: EstablishmentRecord.schema), .equal, SQLBind(authorityID)).all()
            var texts: [UUID: String] = [:]
            texts.reserveCapacity(rows.count)
            for row in rows {
                texts[try row.decode(column: "establishment_id", as: UUID.self)] = try row.decode(column: "evidence", as: String.self)
            }
            return texts
        }
        let rows = try await EvidenceRecord.query(on: database)
            .join(EstablishmentRecord.self, on: \EvidenceRecord.$establishment.$id == \EstablishmentRecord.$id)
            .filter(EstablishmentRecord.self, \.$authority.$id == authorityID).all()
        return Dictionary(rows.map { ($0.$establishment.id, $0.evidence) }, uniquingKeysWith: { first, _ in first })
    }

    /// Stores the evidence of a saved establishment, replacing any before it.
    static func save(_ text: String, for record: EstablishmentRecord, on database: any Database) async throws {
        let id = try record.requireID()
        if let stored = try await EvidenceRecord.query(on: database).filter(\.$establishment.$id == id).first() {
            stored.evidence = text
            try await stored.save(on: database)
        } else {
            try await EvidenceRecord(establishmentID: id, evidence: text).create(on: database)
        }
    }
}
