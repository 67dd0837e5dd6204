import Fluent
import Foundation
import SiftCore
import Vapor

/// An administrator's upload of a public file (GIAS, Ofsted, KS2, KS4): the same import as
/// `sift import`, every row or none, with its report shown on the next page.
struct ImportsController {
    struct Form: Content {
        var kind: String?
        var year: String?
        var la: String?
        var dryRun: String?
        var file: File?
    }

    func show(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        return try await render(request, admin: admin, form: Form(kind: "gias"), errors: [])
    }

    func upload(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        let form = (try? request.content.decode(Form.self)) ?? Form()
        var errors: [FieldError] = []
        let kind = SiftServer.PublicFile(rawValue: form.kind ?? "")
        if kind == nil { errors.append(.init(field: "kind", message: "Choose what the file is")) }
        let year = Int((form.year ?? "").trimmingCharacters(in: .whitespaces))
        if kind == .ks2 || kind == .ks4, year.map({ !(2000...2100).contains($0) }) ?? true {
            errors.append(.init(field: "year", message: "Enter the academic year the results are for, by the year it ends, like 2024"))
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            errors.append(.init(field: "file", message: "Choose the CSV file to import"))
            return try await render(request, admin: admin, form: form, errors: errors)
        }
        guard errors.isEmpty, let kind else { return try await render(request, admin: admin, form: form, errors: errors) }

        // The upload is kept under its own name for the audit log, in a folder of its own,
        // until its import ends.
        let folder = NSTemporaryDirectory() + "sift-upload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = String(file.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "upload.csv").prefix(120)
        let path = folder + "/" + (name.isEmpty ? "upload.csv" : String(name))
        do {
            try await request.fileio.writeFile(file.data, at: path)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }

        let authority = try await admin.$authority.get(on: request.db)
        let dryRun = form.dryRun == "yes"
        let laCodes = PublicDataImport.laCodes(form.la)
        let board = request.sift.imports, app = request.application, authorityCode = authority.code, adminID = admin.id
        let job = board.begin(authorityID: admin.$authority.id, fileName: String(name), dryRun: dryRun, at: request.now)
        await request.sift.background.perform {
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let progress = PublicDataImport.Progress { phase, done, total in board.update(job, phase: phase, done: done, total: total) }
            do {
                let report = try await PublicDataImport.$progress.withValue(progress) {
                    try await PublicDataImport.run(kind, path: path, authorityCode: authorityCode, laCodes: laCodes, year: year,
                                                   dryRun: dryRun, by: adminID, on: app)
                }
                board.finish(job, .report(report), at: app.sift.settings.now())
            } catch let abort as any AbortError where abort.status == .badRequest {
                board.finish(job, .refused(EvidenceEdit.sentence(abort.reason)), at: app.sift.settings.now())
            } catch {
                app.logger.report(error: error)
                board.finish(job, .refused("The import stopped with an error, and nothing was stored: \(error)"), at: app.sift.settings.now())
            }
        }
        return request.redirect(to: SiteRoute.importJob(id: job.uuidString).path)
    }

    /// An upload's import: its progress while it runs (the page reloads itself), then its report.
    func job(_ request: Request) async throws -> Response {
        let admin = try UsersController.requireAdministrator(request)
        guard let id = request.parameters.get("job", as: UUID.self), let job = request.sift.imports.job(id),
              job.authorityID == admin.$authority.id else { throw Abort(.notFound) }
        let selfHref = SiteRoute.importJob(id: id.uuidString).path
        switch job.outcome {
        case nil:
            var layout = try await LayoutContext.make(request, title: "Importing \(job.fileName)", current: .imports)
            layout.refreshSeconds = 1
            let context = ProgressPageContext(
                layout: layout, caption: "Public data", heading: "Importing \(job.fileName)", phase: job.phase, done: job.done,
                total: job.total, percent: job.percent, barLabel: "Import of \(job.fileName)",
                explanation: "This page follows the import and shows its report when it ends. Nothing is stored until every row can be.",
                failureTitle: "", failure: nil, backHref: SiteRoute.imports.path, backLabel: "", selfHref: selfHref)
            return try await request.view.render("progress", context).encodeResponse(for: request)
        case .refused(let why):
            return try await report(request, heading: "\(job.fileName) was not imported", lines: [why], rejected: [], notes: [])
        case .report(let report):
            return try await self.report(
                request, heading: report.rejected.isEmpty ? (job.dryRun ? "Dry run of \(job.fileName)" : "Imported \(job.fileName)") : "\(job.fileName) was not imported",
                lines: ImportReportText.lines(report, dryRun: job.dryRun).filter { !$0.hasPrefix("  ") },
                rejected: report.rejected, notes: Array(report.notes.prefix(200)))
        }
    }

    private func report(_ request: Request, heading: String, lines: [String], rejected: [RowProblem], notes: [RowProblem]) async throws -> Response {
        let context = ImportReportContext(
            layout: try await LayoutContext.make(request, title: "Import report", current: .imports),
            heading: heading, lines: lines,
            rejected: rejected.map { .init(line: $0.line, column: $0.column ?? "", message: $0.message) },
            notes: notes.map { .init(line: $0.line, column: $0.column ?? "", message: $0.message) },
            againHref: SiteRoute.imports.path)
        return try await request.view.render("import-report", context).encodeResponse(for: request)
    }

    func render(_ request: Request, admin: User, form: Form, errors: [FieldError]) async throws -> Response {
        let fields: [FormField] = [
            .select("kind", "What the file is", choices: [("gias", "GIAS establishment download"), ("gias-links", "GIAS links download (predecessors and successors)"),
                                                          ("ofsted", "Ofsted management information (state-funded schools)"),
                                                          ("ofsted-early-years", "Ofsted management information (childcare providers and inspections)"), ("ks2", "KS2 performance table"),
                                                          ("ks4", "KS4 performance table")], selected: form.kind ?? ""),
            .file("file", "The CSV file", hint: "As downloaded: UTF-8 or Windows-1252, up to 256 MB"),
            .text("year", "Academic year (KS2 and KS4)", hint: "By the year it ends: 2024 for 2023/24", value: form.year ?? "", width: "govuk-input--width-4"),
            .text("la", "Local authorities (GIAS codes, or early-years names)", hint: "For GIAS, the codes whose establishments are this authority's, like 331 or 850,936; "
                  + "for Ofsted's early-years file, the local authority's name as the file gives it, like Wolverhampton. "
                  + "Without them only establishments already here are updated.", value: form.la ?? ""),
            .checkbox("dryRun", "Dry run", hint: "Show what would change, and store nothing", checked: form.dryRun == "yes"),
        ]
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + "Import a public file", current: .imports),
            caption: "Public data", heading: "Import a public file",
            intro: "Every row is stored, or none: a file with a rejected row stores nothing, and the report lists each rejected row by line. "
                + "Importing the same file again changes nothing.",
            action: SiteRoute.imports.path, backHref: SiteRoute.overview.path, submit: "Import",
            fieldsets: [.init(legend: nil, hint: nil, fields: fields)], errors: errors,
            links: [FormLink(label: "Enter national quintiles", href: SiteRoute.quintiles.path)],
            linksHeading: "For a year without a national KS2 or KS4 file", multipart: true)
        return try await context.render(on: request)
    }
}
