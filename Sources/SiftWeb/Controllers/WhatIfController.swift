import Fluent
import Foundation
import SiftCore
import Vapor

/// What-if in the browser (officers and administrators): a changed framework, uploaded or
/// edited from the one in force, run over every establishment of the authority to show who
/// would change category and why. Nothing is saved.
struct WhatIfController {
    struct Form: Content {
        var date: String?
        var yaml: String?
        var file: File?
        /// `csv` for every change as a spreadsheet instead of the page.
        var format: String?
    }

    func show(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let authority = try await user.$authority.get(on: request.db)
        let form = Form(date: Day(request.now).description, yaml: Self.textInForce(authority, shelf: request.sift.frameworks))
        return try await render(request, authority: authority, form: form, errors: [], outcome: nil)
    }

    func run(_ request: Request) async throws -> Response {
        let user = try RunController.requireRunner(request)
        let authority = try await user.$authority.get(on: request.db)
        var form = (try? request.content.decode(Form.self)) ?? Form()
        var errors: [FieldError] = []
        let day = Day((form.date ?? "").trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(.init(field: "date", message: "Enter the date of the run as year-month-day, like 2024-10-01")) }

        // A chosen file is compared in preference to the text, and its text takes the
        // text's place on the page, so a problem in it can be put right there.
        var source: (text: String, name: String)?
        if let file = form.file, file.data.readableBytes > 0 {
            if let text = String(bytes: file.data.readableBytesView, encoding: .utf8) {
                source = (text, Self.fileName(file.filename))
                form.yaml = text
            } else {
                errors.append(.init(field: "file", message: "The file is not UTF-8 text: save the framework as UTF-8 and choose it again"))
            }
        } else if let text = form.yaml, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            source = (text, "the framework text")
        } else {
            errors.append(.init(field: "yaml", message: "Choose a framework file, or enter the framework in the box"))
        }

        var changed: Framework?
        if let source {
            // The loader also runs every check of `sift frameworks validate` (FrameworkValidator).
            do { changed = try FrameworkLoader.load(yaml: source.text, file: source.name) } catch {
                errors += error.issues.map { .init(field: "yaml", message: Self.message($0)) }
            }
        }
        guard errors.isEmpty, let day, let changed else {
            return try await render(request, authority: authority, form: form, errors: errors, outcome: nil)
        }
        let outcome = try await WhatIf.run(request, user: user, authority: authority, changed: changed, on: day)
        if form.format == "csv" { return Self.csv(outcome.comparison) }
        return try await render(request, authority: authority, form: form, errors: [], outcome: outcome)
    }

    private func render(_ request: Request, authority: Authority, form: Form, errors: [FieldError],
                        outcome: WhatIf.Outcome?) async throws -> Response {
        let inForce = try request.sift.framework(authority.frameworkID)
        let title = outcome == nil ? "What-if" : "What-if: results"
        let context = WhatIfPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + title, current: .runs),
            action: SiteRoute.whatIf.path, backHref: SiteRoute.runs.path,
            inForce: "\(inForce.name) (\(inForce.id))", date: form.date ?? "", yaml: form.yaml ?? "",
            errors: errors, result: outcome.map { WhatIfResultContext($0) })
        let response = try await request.view.render("what-if", context).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// The file of the framework in force, as the text to edit a copy of; empty if it is
    /// not a bundled file.
    static func textInForce(_ authority: Authority, shelf: FrameworkShelf) -> String {
        guard let path = shelf.path(authority.frameworkID),
              let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    static func message(_ issue: FrameworkIssue) -> String {
        issue.line.map { "Line \($0): \(issue.message)" } ?? issue.message
    }

    /// The uploaded file's own name, without any folders a browser sent with it.
    static func fileName(_ name: String) -> String {
        let last = String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "").prefix(120)
        return last.isEmpty ? "the uploaded file" : String(last)
    }

    static func csv(_ comparison: FrameworkComparison) -> Response {
        let response = Response(status: .ok, body: .init(string: comparison.csv()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name = "what-if-\(comparison.new.id)-\(comparison.runDate).csv".filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-._".contains($0) }
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }
}
