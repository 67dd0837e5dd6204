import Fluent
import Foundation
import SiftCore
import Vapor

/// Officers import the authority's own evidence for many establishments from a CSV
/// (`LocalEvidenceImport`): every row is stored, or none; each establishment's proposal is
/// worked out again; the import goes into the audit log.
struct LocalEvidenceImportController {
    struct Upload: Content {
        var file: File?
    }

    func show(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        return try await page(request, user: user, errors: [], notice: try? request.query.get(String.self, at: "done"))
    }

    func upload(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let upload = (try? request.content.decode(Upload.self)) ?? Upload()
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await page(request, user: user, errors: [FieldError(field: "file", message: "Choose the CSV file of the authority's evidence to import")])
        }
        let authority = try await user.$authority.get(on: request.db)
        let authorityID = try authority.requireID()
        let engine = try await request.sift.engine(for: authority, on: request.db)
        let records = try await EstablishmentRecord.query(on: request.db).filter(\.$authority.$id == authorityID).all()
        let byURN = Dictionary(records.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [RowProblem] = []
        var writes: [(EstablishmentRecord, String)] = []
        switch LocalEvidenceImport.read(Array(file.data.readableBytesView), establishments: byURN, framework: engine.framework) {
        case .problems(let found): problems = found
        case .value(let changes):
            let texts = try await EvidenceStore.texts(authorityID: authorityID, on: request.db)
            let today = Day(request.now)
            let previous = try await PreviousCategories.before(AcademicYear(containing: today).year, authorityID: authorityID, on: request.db)
            for change in changes {
                let id = try change.record.requireID()
                let members = LocalEvidenceImport.applied(change, to: try JSONReader.read(texts[id] ?? "{}").members ?? [])
                let tree = Tree(.object(members))
                // The same reader as an evidence file: every check applies to the changed evidence.
                if case .failure(let found) = EvidenceDecoder.decode(tree) {
                    problems += found.problems.map { RowProblem(line: change.line, column: $0.field, $0.message) }
                    continue
                }
                let text = TreeWriter.json(tree)
                try Proposals.refresh(change.record, evidence: text, engine: engine, on: today, previousCategory: previous[id])
                writes.append((change.record, text))
            }
        }
        guard problems.isEmpty else {
            return try await page(request, user: user, errors: FieldError.refused(problems))
        }
        let name = String(file.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "upload.csv").prefix(120)
        let stored = writes
        try await request.db.transaction { database in
            for (record, text) in stored {
                try await EvidenceStore.save(text, for: record, on: database)
                try await record.save(on: database)
            }
            try await Audit.record(on: database, at: request.now, authorityID: authorityID, userID: user.id, action: "evidence_imported",
                                   detail: "the authority's evidence of \(stored.count) establishments from \(name)")
        }
        let notice = "The authority's evidence of \(writes.count) establishments was imported from \(name)."
        return request.redirect(to: SiteRoute.localEvidenceImport.path + "?done=" + (notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    private func page(_ request: Request, user: User, errors: [FieldError], notice: String? = nil) async throws -> Response {
        let framework = try request.sift.framework(try await user.$authority.get(on: request.db).frameworkID)
        let declared = framework.facts.map { fact in
            "\(fact.id) (\(fact.label)\(fact.values.isEmpty ? "" : ": " + fact.values.joined(separator: ", ")))"
        }
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Import the authority's evidence", current: .localEvidenceImport),
            caption: "The authority's evidence", heading: "Import the authority's evidence",
            intro: "A CSV file with a urn column and a column for each fact to record, one establishment a row: "
                + LocalEvidenceImport.builtIn.map(\.column).joined(separator: ", ")
                + (declared.isEmpty ? "" : ", and what \(framework.name) asks the authority to record: " + declared.joined(separator: "; "))
                + ". Values are written as on the evidence form (sharp decline, at risk, yes, no). A blank cell leaves what is recorded as it is. "
                + "Every row is stored, or none: a file with any problem is refused, naming each by line and column.",
            action: SiteRoute.localEvidenceImport.path, backHref: SiteRoute.establishments.path, submit: "Import the evidence",
            fieldsets: [FormFieldset(legend: nil, hint: nil, fields: [.file("file", "CSV file of the authority's evidence")])],
            errors: errors, multipart: true, notice: notice)
        return try await context.render(on: request)
    }
}
