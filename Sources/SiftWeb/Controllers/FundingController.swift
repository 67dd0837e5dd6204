import Fluent
import Foundation
import SiftCore
import Vapor

/// The year's network or consortium funding, worked out from the decisions: the page, the
/// per-establishment CSV and the totals CSV. Officers, administrators and read-only users see
/// the authority; a network lead sees their network; a school's user finds nothing here (404).
struct FundingController {
    func show(_ request: Request) async throws -> Response {
        let user = try Self.reader(request)
        let year = SupportController.year(try? request.query.get(String.self, at: "year"), now: request.now)
        let funding = try await YearFunding.work(for: user, year: year, on: request)
        let page = (try? request.query.get(Int.self, at: "page")) ?? 1
        let context = try await FundingPage.context(funding, user: user, page: page, request: request)
        return try await request.view.render("funding", context).encodeResponse(for: request)
    }

    /// One row per establishment, category period and funding rule (`FundingCSV`), then one per
    /// decided establishment whose funding could not be worked out at all, with why.
    func establishmentsCSV(_ request: Request) async throws -> Response {
        let user = try Self.reader(request)
        let year = SupportController.year(try? request.query.get(String.self, at: "year"), now: request.now)
        let funding = try await YearFunding.work(for: user, year: year, on: request)
        let blank = Array(repeating: "", count: FundingCSV.establishmentHeader.count - 4)
        let unpriced = funding.unpriced.map { [$0.urn, $0.name, $0.network ?? "", funding.year.description] + blank.dropLast() + ["not worked out: \($0.note)"] }
        return Self.csv([FundingCSV.establishmentHeader] + FundingCSV.establishmentRows(funding.funded) + unpriced,
                        name: "funding-\(Self.fileYear(funding.year)).csv")
    }

    /// One row per network or consortium and rule, then the authority's (left out for a
    /// network lead, whose whole is their network).
    func networksCSV(_ request: Request) async throws -> Response {
        let user = try Self.reader(request)
        let year = SupportController.year(try? request.query.get(String.self, at: "year"), now: request.now)
        let funding = try await YearFunding.work(for: user, year: year, on: request)
        var totals = funding.totals
        if user.role == .networkLead { totals.authority.rules = [] }
        return Self.csv([FundingCSV.totalsHeader] + FundingCSV.totalRows(totals), name: "funding-networks-\(Self.fileYear(funding.year)).csv")
    }

    static func reader(_ request: Request) throws -> User {
        let user = try request.requireUser().user
        guard user.role != .schoolUser else { throw Abort(.notFound) }
        return user
    }

    /// Every cell goes through `CSVField`, so a name starting with "=" cannot run as a formula.
    private static func csv(_ rows: [[String]], name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: rows.map(CSVField.row).joined(separator: "\n") + "\n"))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    /// "2025-26".
    private static func fileYear(_ year: AcademicYear) -> String { year.description.replacingOccurrences(of: "/", with: "-") }
}
