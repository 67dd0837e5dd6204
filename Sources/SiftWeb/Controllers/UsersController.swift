import Fluent
import Foundation
import Vapor

/// An administrator's management of their authority's users: add a user (with a one-time
/// password shown once), change a role and what it covers, and reset a password. Every
/// change goes into the audit log and ends the user's sessions, so it applies at once.
struct UsersController {
    struct Form: Content {
        var name: String?
        var email: String?
        var role: String?
        var network: String?
        var establishment: String?
    }

    static func requireAdministrator(_ request: Request) throws -> User {
        let user = try request.requireUser().user
        guard user.role == .administrator else { throw Abort(.notFound) }
        return user
    }

    func list(_ request: Request) async throws -> Response {
        let admin = try Self.requireAdministrator(request)
        let users = try await User.query(on: request.db).filter(\.$authority.$id == admin.$authority.id).sort(\.$name).all()
        let now = request.now
        let context = UsersContext(
            layout: try await LayoutContext.make(request, title: "Users", current: .users),
            addHref: SiteRoute.newUser.path,
            users: users.map { user in
                .init(name: user.name, email: user.email, role: user.role.label,
                      covers: user.role == .networkLead ? user.network ?? "" : user.role == .schoolUser ? "URN \(user.establishmentURN ?? "")" : "All",
                      locked: (user.lockedUntil ?? .distantPast) > now, href: SiteRoute.user(id: user.id?.uuidString ?? "").path)
            })
        return try await request.view.render("users", context).encodeResponse(for: request)
    }

    func showNew(_ request: Request) async throws -> Response {
        let admin = try Self.requireAdministrator(request)
        return try await render(request, admin: admin, target: nil, form: Form(role: Role.readOnly.rawValue), errors: [])
    }

    func create(_ request: Request) async throws -> Response {
        let admin = try Self.requireAdministrator(request)
        let form = try request.content.decode(Form.self)
        var errors = try await check(form, admin: admin, request: request)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if email.isEmpty || !email.contains("@") {
            errors.insert(.init(field: "email", message: "Enter an email address, like name@example.org"), at: 0)
        } else if try await User.query(on: request.db).filter(\.$email == email).first() != nil {
            errors.insert(.init(field: "email", message: "A user with this email address exists already"), at: 0)
        }
        if (form.name ?? "").trimmingCharacters(in: .whitespaces).isEmpty { errors.insert(.init(field: "name", message: "Enter the user's name"), at: 0) }
        guard errors.isEmpty, let role = Role(rawValue: form.role ?? "") else {
            return try await render(request, admin: admin, target: nil, form: form, errors: errors)
        }
        let password = Accounts.newPassword()
        let user = User(authorityID: admin.$authority.id, email: email, name: (form.name ?? "").trimmingCharacters(in: .whitespaces),
                        passwordHash: try await request.password.async.hash(password), role: role,
                        establishmentURN: role == .schoolUser ? form.establishment : nil, network: role == .networkLead ? form.network : nil)
        try await user.save(on: request.db)
        try await Audit.record(request, authorityID: admin.$authority.id, userID: admin.id, action: "user_created",
                               detail: "\(email) as \(role.rawValue)\(Self.coverage(user))")
        return try await showPassword(request, for: user, password: password, heading: "User added")
    }

    func show(_ request: Request) async throws -> Response {
        let admin = try Self.requireAdministrator(request)
        let target = try await Self.find(request, admin: admin)
        return try await render(request, admin: admin, target: target,
                                form: Form(name: target.name, email: target.email, role: target.role.rawValue, network: target.network,
                                           establishment: target.establishmentURN), errors: [])
    }

    func update(_ request: Request) async throws -> Response {
        let admin = try Self.requireAdministrator(request)
        let target = try await Self.find(request, admin: admin)
        let form = try request.content.decode(Form.self)
        var errors = try await check(form, admin: admin, request: request)
        if target.id == admin.id && form.role != Role.administrator.rawValue {
            errors.insert(.init(field: "role", message: "You cannot take away your own administration: ask another administrator"), at: 0)
        }
        guard errors.isEmpty, let role = Role(rawValue: form.role ?? "") else {
            return try await render(request, admin: admin, target: target, form: form, errors: errors)
        }
        let before = "\(target.role.rawValue)\(Self.coverage(target))"
        target.role = role
        target.network = role == .networkLead ? form.network : nil
        target.establishmentURN = role == .schoolUser ? form.establishment : nil
        let after = "\(role.rawValue)\(Self.coverage(target))"
        if before != after {
            try await request.db.transaction { database in
                try await target.save(on: database)
                try await UserSession.query(on: database).filter(\.$user.$id == target.requireID()).delete()
            }
            try await Audit.record(request, authorityID: admin.$authority.id, userID: admin.id, action: "role_changed",
                                   detail: "\(target.email): \(before) → \(after)")
        }
        return request.redirect(to: SiteRoute.users.path)
    }

    /// Asks before resetting: a GET changes nothing.
    func showResetPassword(_ request: Request) async throws -> Response {
        let admin = try Self.requireAdministrator(request)
        let target = try await Self.find(request, admin: admin)
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: "Reset \(target.name)'s password", current: .users),
            caption: "\(target.name), \(target.email)", heading: "Reset their password",
            intro: "A new password is made and shown once. Their old password stops working and they are signed out everywhere.",
            action: SiteRoute.userPassword(id: target.id?.uuidString ?? "").path, backHref: SiteRoute.user(id: target.id?.uuidString ?? "").path,
            submit: "Reset the password", fieldsets: [], errors: [])
        return try await context.render(on: request)
    }

    func resetPassword(_ request: Request) async throws -> Response {
        let admin = try Self.requireAdministrator(request)
        let target = try await Self.find(request, admin: admin)
        let password = Accounts.newPassword()
        target.passwordHash = try await request.password.async.hash(password)
        target.failedSignIns = 0
        target.lockedUntil = nil
        try await request.db.transaction { database in
            try await target.save(on: database)
            try await UserSession.query(on: database).filter(\.$user.$id == target.requireID()).delete()
        }
        try await Audit.record(request, authorityID: admin.$authority.id, userID: admin.id, action: "password_reset", detail: target.email)
        return try await showPassword(request, for: target, password: password, heading: "Password reset")
    }

    /// A user of the administrator's own authority, or 404.
    private static func find(_ request: Request, admin: User) async throws -> User {
        guard let id = request.parameters.get("userID", as: UUID.self),
              let user = try await User.query(on: request.db).filter(\.$id == id).filter(\.$authority.$id == admin.$authority.id).first()
        else { throw Abort(.notFound) }
        return user
    }

    private static func coverage(_ user: User) -> String {
        switch user.role {
        case .networkLead: return " (\(user.network ?? ""))"
        case .schoolUser: return " (URN \(user.establishmentURN ?? ""))"
        default: return ""
        }
    }

    /// The role and what it covers: a network of the authority, or one of its establishments.
    private func check(_ form: Form, admin: User, request: Request) async throws -> [FieldError] {
        guard let role = Role(rawValue: form.role ?? "") else { return [.init(field: "role", message: "Choose a role")] }
        switch role {
        case .networkLead:
            let networks = try await EstablishmentScope.networks(for: admin, on: request.db)
            guard let network = form.network, networks.contains(network) else { return [.init(field: "network", message: "Choose the network this lead sees")] }
        case .schoolUser:
            let urn = (form.establishment ?? "").trimmingCharacters(in: .whitespaces)
            let found = try await EstablishmentRecord.query(on: request.db).filter(\.$authority.$id == admin.$authority.id).filter(\.$urn == urn).first()
            if found == nil { return [.init(field: "establishment", message: "Enter the URN of one of the authority's establishments")] }
        default: break
        }
        return []
    }

    private func render(_ request: Request, admin: User, target: User?, form: Form, errors: [FieldError]) async throws -> Response {
        var fields: [FormField] = []
        if target == nil {
            fields += [.text("name", "Name", value: form.name ?? "", width: "govuk-input--width-20"),
                       .text("email", "Email address", value: form.email ?? "", width: "govuk-input--width-20")]
        }
        fields += [
            .select("role", "Role", hint: "What they may see and do", choices: Role.allCases.map { ($0.rawValue, $0.label) }, selected: form.role ?? ""),
            .select("network", "Network", hint: "For a network lead: the network whose establishments they see",
                    choices: [("", "None")] + (try await EstablishmentScope.networks(for: admin, on: request.db)).map { ($0, $0) }, selected: form.network ?? ""),
            .text("establishment", "Establishment URN", hint: "For a school user: their own establishment, the only one they see",
                  value: form.establishment ?? ""),
        ]
        let title = target.map { "Change \($0.name)'s role" } ?? "Add a user"
        let context = FormPageContext(
            layout: try await LayoutContext.make(request, title: (errors.isEmpty ? "" : "Error: ") + title, current: .users),
            caption: target.map { "\($0.name), \($0.email)" } ?? "Users", heading: title,
            intro: target == nil ? "The new user's password is made for them and shown once, on the next page. Give it to them safely; they use it to sign in." : nil,
            action: target.map { SiteRoute.user(id: $0.id?.uuidString ?? "").path } ?? SiteRoute.newUser.path,
            backHref: SiteRoute.users.path, submit: target == nil ? "Add the user" : "Save the role",
            fieldsets: [.init(legend: nil, hint: nil, fields: fields)], errors: errors,
            links: target.map { [FormLink(label: "Reset their password", href: SiteRoute.userPassword(id: $0.id?.uuidString ?? "").path)] } ?? [],
            linksHeading: target == nil ? nil : "Also")
        return try await context.render(on: request)
    }

    /// The one-time password, shown once and never stored as given.
    private func showPassword(_ request: Request, for user: User, password: String, heading: String) async throws -> Response {
        let context = OneTimePasswordContext(layout: try await LayoutContext.make(request, title: heading, current: .users),
                                             heading: heading, name: user.name, email: user.email, password: password, usersHref: SiteRoute.users.path)
        let response = try await request.view.render("one-time-password", context).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
