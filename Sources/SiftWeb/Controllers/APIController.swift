import Fluent
import Foundation
import SiftCore
import Vapor

/// The JSON API, `/api/v1`: the same establishments, with the same sign-in (the session
/// cookie), tenancy and roles as the pages. Documented by `/api/v1/openapi.json`.
struct APIController {
    func establishments(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let filters = try request.query.decode(EstablishmentController.Filters.self)
        let page = try await EstablishmentController().page(request, user, filters)
        let body = Tree.object([
            ("page", .number(Double(page.page))), ("pageCount", .number(Double(page.pageCount))), ("total", .number(Double(page.total))),
            ("items", .array(page.records.map(Self.summary))),
        ])
        return json(body)
    }

    func establishment(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let record = try await EstablishmentScope.find(urn: request.parameters.get("urn") ?? "", for: user, on: request.db)
        let engine = try await request.sift.engine(for: try await user.$authority.get(on: request.db), on: request.db)
        let text = try await EvidenceStore.text(for: record, on: request.db)
        let previous = try await PreviousCategories.before(AcademicYear(containing: Day(request.now)).year, establishmentID: record.requireID(), on: request.db)
        let result = engine.categorise(PreviousCategories.apply(previous, to: try Proposals.establishment(record, evidence: text)), runDate: Day(request.now))
        var members = Self.summary(EstablishmentSummary(record)).members ?? []
        members.append(Tree.Member(key: "evidence", value: try JSONReader.read(text)))
        members.append(Tree.Member(key: "result", value: result.tree))
        return json(Tree(.object(members)))
    }

    func openAPI(_ request: Request) async throws -> Response {
        json(OpenAPIDocument.tree)
    }

    static func summary(_ record: EstablishmentSummary) -> Tree {
        .object([
            ("urn", .string(record.urn)), ("name", .string(record.name)), ("kind", .string(record.kind)),
            ("phase", record.phase.map(Tree.string)), ("network", record.network.map(Tree.string)),
            ("proposedCategory", record.proposedCategory.map(Tree.string)), ("currentCategory", record.currentCategory.map(Tree.string)),
            ("needsJudgement", .bool(record.needsJudgement)),
        ])
    }

    private func json(_ tree: Tree) -> Response {
        let response = Response(status: .ok, body: .init(string: TreeWriter.json(tree)))
        response.headers.contentType = .json
        return response
    }
}

/// API routes answer 401 in JSON to a request without a session, rather than redirecting.
struct RequireAPISignInMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.signedIn != nil else { throw Abort(.unauthorized, reason: "Sign in first: send the sift_session cookie.") }
        return try await next.respond(to: request)
    }
}
