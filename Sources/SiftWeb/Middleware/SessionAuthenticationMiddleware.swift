import Foundation
import Crypto
import Fluent
import Vapor

/// Who is signed in: reads the session cookie, finds its session, and ends it when it has
/// been idle too long or has lasted too long.
struct SessionAuthenticationMiddleware: AsyncMiddleware {
    static let cookieName = "sift_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Self.cookieName]?.string, let found = try await Self.find(token: token, on: request) {
            let session = found.session
            let settings = request.sift.settings
            let now = request.now
            if now.timeIntervalSince(session.lastSeenAt) > settings.idleTimeout || now.timeIntervalSince(session.createdAt) > settings.absoluteTimeout {
                try await session.delete(on: request.db)
            } else {
                // Writing on every request would cost more than it tells: once a minute is enough.
                if now.timeIntervalSince(session.lastSeenAt) > 60 {
                    session.lastSeenAt = now
                    try await session.save(on: request.db)
                }
                request.signedIn = SignedIn(user: session.user, session: session, dataVersion: found.dataVersion)
            }
        }
        return try await next.respond(to: request)
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }

    static func find(token: String, on request: Request) async throws -> SessionLookup.Found? {
        try await SessionLookup.find(tokenHash: hash(token), on: request.db)
    }

    /// A fresh random token, URL-safe.
    static func newToken() -> String {
        [UInt8].random(count: 32).base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// The signed-in user of a request and their session.
struct SignedIn: Sendable {
    let user: User
    let session: UserSession
    /// The user's authority's data version as the request began: what is kept against it
    /// (`KeptAnswers`) describes the establishments as they are.
    let dataVersion: Int
}

private struct SignedInKey: StorageKey {
    typealias Value = SignedIn
}

extension Request {
    var signedIn: SignedIn? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The signed-in user, or an error that sends the browser to sign in.
    func requireUser() throws -> SignedIn {
        guard let signedIn else { throw Abort.redirect(to: SiteRoute.signIn.path) }
        return signedIn
    }
}

/// Routes behind it need a signed-in user; a form post also needs the session's CSRF token.
struct RequireSignInMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let signedIn = request.signedIn else { return request.redirect(to: SiteRoute.signIn.path) }
        if request.method == .POST {
            // Vapor collects a route's body only after its middleware has run, and the token
            // is in the body: a form of more than one network read would have none yet.
            if request.body.data == nil {
                let largest = request.route?.largestBody(default: request.application.routes.defaultMaxBodySize)
                    ?? request.application.routes.defaultMaxBodySize.value
                _ = try await request.body.collect(max: largest).get()
            }
            let token = try? request.content.get(String.self, at: "csrf")
            guard let token, constantTimeEqual(token, signedIn.session.csrfToken) else {
                throw Abort(.forbidden, reason: "The form has expired. Go back, reload the page and try again.")
            }
        }
        return try await next.respond(to: request)
    }
}

/// Compares secrets without leaking, through timing, how much of them matched.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
