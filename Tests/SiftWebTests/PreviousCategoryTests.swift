import Fluent
import Foundation
import SiftCore
@testable import SiftWeb
import Testing
import Vapor

extension DatabaseSuites {
@Suite("Last year's category from the decisions Sift holds")
struct PreviousCategoryTests {
    @Test("a rule reading last year's category sees the category decided for an earlier year, not a proposal nor this year's")
    func previousCategoryFromDecisions() async throws {
        let clock = TestClock()
        try await withSift(clock: clock) { app, _ in
            let record = try #require(try await EstablishmentRecord.query(on: app.db).filter(\.$urn == "200003").first())
            let id = try record.requireID(), authorityID = record.$authority.id
            let today = Day(clock.now), year = AcademicYear(containing: today).year
            func previous() async throws -> String? {
                try await PreviousCategories.establishment(record, on: today, database: app.db).local.previousCategory
            }
            let typed = try await Proposals.establishment(record, on: app.db).local.previousCategory
            // With no earlier decision, what the authority recorded stands.
            #expect(try await previous() == typed)
            func decide(_ category: String, year: Int, _ status: DecisionRecord.Status, at offset: TimeInterval) async throws {
                try await DecisionRecord(authorityID: authorityID, establishmentID: id, academicYear: year, category: category, designation: nil,
                                         status: status, reason: nil, decidedBy: nil, at: clock.now.addingTimeInterval(offset)).save(on: app.db)
            }
            try await decide("3", year: year - 2, .agreed, at: -800 * 86_400)
            try await decide("1", year: year - 1, .agreed, at: -400 * 86_400)
            try await decide("4", year: year - 1, .provisional, at: -300 * 86_400)
            try await decide("2", year: year, .agreed, at: 0)
            #expect(try await previous() == "1")
            // An in-year change later in that year is what was in force at its end.
            try await decide("2", year: year - 1, .inYearChange, at: -200 * 86_400)
            #expect(try await previous() == "2")
            let all = try await PreviousCategories.before(year, authorityID: authorityID, on: app.db)
            #expect(all[id] == "2")
        }
    }
}
}
