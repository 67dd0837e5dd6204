import Foundation
import Fluent
import Vapor

/// The establishments a user may see: their authority's, narrowed to their network for a
/// network lead and to their own establishment for a school user. Every query of
/// establishments goes through here; what is outside it does not exist for that user (404).
enum EstablishmentScope {
    static func query(for user: User, on database: any Database) -> QueryBuilder<EstablishmentRecord> {
        let query = EstablishmentRecord.query(on: database).filter(\.$authority.$id == user.$authority.id)
        switch user.role {
        case .administrator, .officer, .readOnly:
            return query
        case .networkLead:
            return query.filter(\.$network == (user.network ?? "\u{0}"))
        case .schoolUser:
            return query.filter(\.$urn == (user.establishmentURN ?? "\u{0}"))
        }
    }

    /// The networks of the establishments the user may see, in order.
    static func networks(for user: User, on database: any Database) async throws -> [String] {
        try await query(for: user, on: database).unique().rows(["network"]) { try $0.decode("network", as: String?.self) }
            .compactMap { $0 }.sorted()
    }

    static func find(urn: String, for user: User, on database: any Database) async throws -> EstablishmentRecord {
        guard let record = try await query(for: user, on: database).filter(\.$urn == urn).first() else {
            throw Abort(.notFound)
        }
        return record
    }
}
