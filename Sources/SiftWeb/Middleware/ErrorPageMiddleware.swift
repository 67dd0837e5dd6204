import Foundation
import SiftCore
import Vapor

/// Turns errors into pages a person can read (GOV.UK's "Page not found", "There is a
/// problem with the service"), never a stack trace or internal detail. A redirect thrown to
/// send someone to sign in passes through as a redirect.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where abort.status == .seeOther || abort.status == .found {
            return request.redirect(to: abort.headers.first(name: .location) ?? SiteRoute.signIn.path)
        } catch {
            let status = (error as? any AbortError)?.status ?? .internalServerError
            if status.code >= 500 { request.logger.report(error: error) }
            // The API answers in JSON, with no internal detail for a server error.
            if request.url.path.hasPrefix("/api/") {
                let reason = status.code >= 500 ? "There is a problem with the service." : ((error as? any AbortError)?.reason ?? status.reasonPhrase)
                let response = Response(status: status, body: .init(string: TreeWriter.json(.object([("error", .bool(true)), ("reason", .string(reason))]))))
                response.headers.contentType = .json
                return response
            }
            let (title, message): (String, String)
            switch status {
            case .notFound: (title, message) = ("Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied it all.")
            case .forbidden: (title, message) = ("You cannot do that", (error as? any AbortError)?.reason ?? "You do not have permission.")
            case _ where status.code < 500: (title, message) = ("There is a problem", (error as? any AbortError)?.reason ?? status.reasonPhrase)
            default: (title, message) = ("Sorry, there is a problem with the service", "Try again later.")
            }
            let context = ErrorContext(layout: try await LayoutContext.make(request, title: title, current: nil), heading: title, message: message)
            let response = try await request.view.render("error", context).encodeResponse(for: request)
            response.status = status
            return response
        }
    }
}

struct ErrorContext: Encodable, Sendable {
    var layout: LayoutContext
    var heading: String
    var message: String
}
