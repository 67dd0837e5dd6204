import Foundation
import Fluent
import Vapor

/// Creating authorities and users from the command line. A new user's password is random
/// and shown once; no account is ever created with a known password.
public enum Accounts {
    public static func newPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// - Parameter frameworkID: one framework, or several separated by commas, each for what
    ///   those before it do not cover ("coventry-2023,hackney-2023").
    public static func createAuthority(code: String, name: String, frameworkID: String, on app: Application) async throws {
        let ids = frameworkID.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = ids.first else { throw Abort(.badRequest, reason: "name the framework the authority runs, like coventry-2023") }
        for id in ids { _ = try app.sift.framework(id) }
        if Set(ids).count < ids.count { throw Abort(.badRequest, reason: "each framework is named once: \(frameworkID)") }
        if try await Authority.query(on: app.db).filter(\.$code == code).first() != nil {
            throw Abort(.conflict, reason: "an authority with the code \(code) exists already")
        }
        let authority = Authority(code: code, name: name, frameworkID: first)
        authority.moreFrameworks = ids.count > 1 ? ids.dropFirst().joined(separator: ",") : nil
        try await authority.save(on: app.db)
    }

    /// Returns the one-time password.
    public static func createUser(authorityCode: String, email: String, name: String, role roleName: String,
                                  establishmentURN: String?, network: String?, on app: Application) async throws -> String {
        guard let authority = try await Authority.query(on: app.db).filter(\.$code == authorityCode).first() else {
            throw Abort(.notFound, reason: "no authority has the code \(authorityCode)")
        }
        guard let role = Role(rawValue: roleName) else {
            throw Abort(.badRequest, reason: "role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if role == .schoolUser && establishmentURN == nil { throw Abort(.badRequest, reason: "a school user needs --establishment URN") }
        if role == .networkLead && network == nil { throw Abort(.badRequest, reason: "a network lead needs --network NAME") }
        if try await User.query(on: app.db).filter(\.$email == email.lowercased()).first() != nil {
            throw Abort(.conflict, reason: "a user with the email \(email) exists already")
        }
        let password = newPassword()
        let user = User(authorityID: try authority.requireID(), email: email, name: name, passwordHash: try app.password.hash(password),
                        role: role, establishmentURN: establishmentURN, network: network)
        try await user.save(on: app.db)
        try await AuditEntry(authorityID: authority.id, userID: nil, action: "user_created", detail: "\(user.email) as \(role.rawValue)", at: Date()).save(on: app.db)
        return password
    }
}
