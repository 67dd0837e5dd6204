import Foundation
import Fluent
import SiftCore
import Vapor

/// The framework's proposal for an establishment, from its stored evidence.
enum Proposals {
    static func establishment(_ record: EstablishmentRecord, on database: any Database) async throws -> Establishment {
        try establishment(record, evidence: try await EvidenceStore.text(for: record, on: database))
    }

    static func establishment(_ record: EstablishmentRecord, evidence: String) throws -> Establishment {
        try establishment(urn: record.urn, evidence: evidence)
    }

    /// The URN names the establishment in the error, should its stored evidence not read.
    static func establishment(urn: String, evidence: String) throws -> Establishment {
        let tree = try JSONReader.read(evidence)
        switch EvidenceDecoder.decode(tree) {
        case .success(let establishment): return establishment
        case .failure(let problems):
            throw Abort(.internalServerError, reason: "stored evidence for \(urn) does not read: \(problems.first?.description ?? "")")
        }
    }

    static func categorise(_ record: EstablishmentRecord, engine: DecisionEngine, on date: Day, database: any Database) async throws -> CategorisationResult {
        engine.categorise(try await PreviousCategories.establishment(record, on: date, database: database), runDate: date)
    }

    /// Works out and stores the proposal on the record (not saved).
    static func refresh(_ record: EstablishmentRecord, evidence: String, engine: DecisionEngine, on date: Day, previousCategory: String? = nil) throws {
        apply(engine.categorise(PreviousCategories.apply(previousCategory, to: try establishment(record, evidence: evidence)), runDate: date), to: record)
    }

    /// Works out every establishment's proposal again (after a parameter the rules read has
    /// changed) and saves those that changed; returns how many did.
    static func refreshAll(authorityID: UUID, engine: DecisionEngine, on date: Day, database: any Database) async throws -> Int {
        let records = try await EstablishmentRecord.query(on: database).filter(\.$authority.$id == authorityID).all()
        let evidence = try await EvidenceStore.texts(authorityID: authorityID, on: database)
        let previous = try await PreviousCategories.before(AcademicYear(containing: date).year, authorityID: authorityID, on: database)
        var changed: [EstablishmentRecord] = []
        for record in records {
            guard let text = evidence[try record.requireID()] else { continue }
            let before = PublicDataImport.listed(record)
            try refresh(record, evidence: text, engine: engine, on: date, previousCategory: previous[try record.requireID()])
            if before != PublicDataImport.listed(record) { changed.append(record) }
        }
        for record in changed { try await record.save(on: database) }
        return changed.count
    }

    /// The framework that covers the establishment, where its authority runs more than one.
    static func coveringFramework(_ record: EstablishmentRecord, for user: User, on request: Request) async throws -> Framework {
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
        return engine.covering(try await establishment(record, on: request.db)).framework
    }

    /// Keeps a result's proposal on the record (not saved).
    static func apply(_ result: CategorisationResult, to record: EstablishmentRecord) {
        record.proposedCategory = result.category?.code
        record.proposedDesignation = result.designation?.code
        record.needsJudgement = result.judgement != nil
        record.nationalGaps = NationalGaps.text(result.nationalContextMissing)
        record.undetermined = result.status == .undetermined ? possibleCategories(result) : nil
        record.notCovered = result.notCovered
        record.closed = result.closed?.description
    }

    /// "1 or 2": the categories an undetermined proposal could still be.
    static func possibleCategories(_ result: CategorisationResult) -> String? {
        guard let open = result.undetermined.first(where: { $0.sets == "category" }) else { return nil }
        let codes = open.possible.map { $0 ?? "none" }
        return codes.dropLast().joined(separator: ", ") + (codes.count > 1 ? " or " : "") + (codes.last ?? "")
    }
}

extension Day {
    init(_ date: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: date)
        self = Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
