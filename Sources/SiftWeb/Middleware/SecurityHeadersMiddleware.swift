import Foundation
import Fluent
import Vapor

/// Headers every response carries: no framing, no sniffing, only our own resources, and
/// HSTS when served over HTTPS.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let secure: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The error middleware runs inside this one, so errors arrive here as responses and get the headers too.
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if secure { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains") }
        // What a signed-in person is shown (pages, CSVs, the API) is never kept by a browser
        // or a proxy, where the next person at a shared computer could find it.
        if request.signedIn != nil || request.url.path.hasPrefix("/api/") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
