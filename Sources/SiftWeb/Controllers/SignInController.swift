import Foundation
import Fluent
import Vapor

/// Signing in and out. Passwords are checked with Bcrypt; ten failures lock an account for
/// five minutes; each sign-in gets a new session, so a session id seen before sign-in is
/// worthless after it.
struct SignInController {
    static let formCookie = "sift_sign_in"

    struct Form: Content {
        var email: String?
        var password: String?
        var csrf: String?
    }

    func show(_ request: Request) async throws -> Response {
        if request.signedIn != nil { return request.redirect(to: SiteRoute.overview.path) }
        return try await render(request, email: "", errors: [])
    }

    /// Before sign-in there is no session: the form's token is tied to a cookie instead.
    private func render(_ request: Request, email: String, errors: [FieldError]) async throws -> Response {
        let token = SessionAuthenticationMiddleware.newToken()
        var layout = try await LayoutContext.make(request, title: errors.isEmpty ? "Sign in" : "Error: Sign in", current: .signIn)
        layout.csrf = token
        let response = try await request.view.render("sign-in", SignInContext(layout: layout, email: email, errors: errors)).encodeResponse(for: request)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        response.cookies[Self.formCookie] = cookie(token, request: request)
        return response
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        guard let expected = request.cookies[Self.formCookie]?.string, let sent = form.csrf, constantTimeEqual(expected, sent) else {
            throw Abort(.forbidden, reason: "The form has expired. Go back, reload the page and try again.")
        }
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(.init(field: "email", message: "Enter your email address")) }
        if password.isEmpty { errors.append(.init(field: "password", message: "Enter your password")) }
        if !errors.isEmpty { return try await render(request, email: email, errors: errors) }

        let settings = request.sift.settings
        let now = request.now
        guard let user = try await User.query(on: request.db).filter(\.$email == email).first() else {
            // The same work as for a real account, so timing does not tell which emails exist.
            _ = try? await request.password.async.verify(password, created: Self.dummyHash)
            return try await render(request, email: email, errors: [Self.wrongDetails])
        }
        if let lockedUntil = user.lockedUntil, lockedUntil > now {
            request.logger.warning("sign-in refused for a locked account", metadata: ["user": "\(user.id?.uuidString ?? "")"])
            // The same answer as for a wrong password or an unknown email: it does not tell
            // which accounts exist.
            return try await render(request, email: email, errors: [Self.wrongDetails])
        }
        guard try await request.password.async.verify(password, created: user.passwordHash) else {
            // Counted in the database, so that attempts made at once are each counted.
            if try await SignInLockout.failed(user, threshold: settings.lockoutThreshold, until: now.addingTimeInterval(settings.lockoutDuration),
                                              on: request.db) {
                request.logger.warning("account locked after repeated failed sign-ins", metadata: ["user": "\(user.id?.uuidString ?? "")"])
                try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "account_locked", detail: user.email)
            }
            return try await render(request, email: email, errors: [Self.wrongDetails])
        }
        user.failedSignIns = 0
        user.lockedUntil = nil
        try await user.save(on: request.db)
        // Renew: whatever session the browser had is ended, and a new one begins.
        if let old = request.cookies[SessionAuthenticationMiddleware.cookieName]?.string,
           let found = try await SessionAuthenticationMiddleware.find(token: old, on: request) {
            try await found.session.delete(on: request.db)
        }
        let token = SessionAuthenticationMiddleware.newToken()
        try await UserSession(tokenHash: SessionAuthenticationMiddleware.hash(token), userID: try user.requireID(),
                              csrfToken: SessionAuthenticationMiddleware.newToken(), now: now).save(on: request.db)
        try await Audit.record(request, authorityID: user.$authority.id, userID: user.id, action: "sign_in", detail: user.email)
        let response = request.redirect(to: SiteRoute.overview.path)
        response.cookies[SessionAuthenticationMiddleware.cookieName] = cookie(token, request: request)
        response.cookies[Self.formCookie] = expired(request)
        return response
    }

    func signOut(_ request: Request) async throws -> Response {
        let signedIn = try request.requireUser()
        try await signedIn.session.delete(on: request.db)
        try await Audit.record(request, authorityID: signedIn.user.$authority.id, userID: signedIn.user.id, action: "sign_out", detail: signedIn.user.email)
        let response = request.redirect(to: SiteRoute.signIn.path)
        response.cookies[SessionAuthenticationMiddleware.cookieName] = expired(request)
        return response
    }

    private func cookie(_ value: String, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, path: "/", isSecure: request.sift.settings.secure, isHTTPOnly: true, sameSite: .lax)
    }

    private func expired(_ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                          isSecure: request.sift.settings.secure, isHTTPOnly: true, sameSite: .lax)
    }

    static let wrongDetails = FieldError(field: "email", message: "Enter a correct email address and password. After ten wrong attempts an account is locked for a few minutes")
    /// A Bcrypt hash of a random password, to spend the same time on unknown emails.
    static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5PMNvIP9UZYPr5WzQOpLnBbb5Vq.FPy"
}
