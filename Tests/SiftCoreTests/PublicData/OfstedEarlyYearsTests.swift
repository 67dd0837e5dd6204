import Foundation
@testable import SiftCore
import Testing

/// Ofsted's early-years management information ("Childcare providers and inspections"), in
/// the layout of its CSV as published: a title line and a note line above the header.
@Suite("Ofsted's early-years file")
struct OfstedEarlyYearsTests {
    static let header = "Provider URN,Registration Date,Provider Type,Provider Subtype,Provider Status,Provider Early Years Register Flag,"
        + "Provider Compulsory Childcare Register Flag,Provider Voluntary Childcare Register Flag,Provider Name,Provider Address Line 1,"
        + "Provider Address Line 2,Provider Address Line 3,Provider Town,Provider Postcode,Local Authority,Region,Places,"
        + "Places including Estimates,Most Recent Full: Inspection Date,Most Recent Full: Overall Effectiveness,Registered Person URN,Registered Person Name"
    /// Rows in the layout of the file of 31 December 2025, made up (childminders redacted as Ofsted redacts them).
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // PublicData, SiftCoreTests, Tests
        return url.appendingPathComponent("fixtures/ofsted-early-years-2025-12.csv").path
    }()

    @Test("the published layout reads: childminders by reference, nurseries and out-of-school care with their registered person; home childcarers and closed registrations left out with why")
    func reads() throws {
        let file = try OfstedEarlyYearsReader.read(CSVReader(path: Self.path), localAuthorities: ["wolverhampton"])
        #expect(file.rejected.isEmpty && file.otherAuthorities == 1)
        #expect(file.providers.map(\.urn) == ["EY552211", "EY401122", "EY733001"])
        let childminder = file.providers[0], nursery = file.providers[1], club = file.providers[2]
        #expect(childminder.kind == .childminder && childminder.name == "Childminder EY552211" && !childminder.nameGiven && childminder.registeredPerson == nil)
        #expect(childminder.inspection?.framework == .earlyYears && childminder.inspection?.overallEffectiveness == 2)
        #expect(nursery.kind == .pviNursery && nursery.places == 48 && nursery.registeredPerson == "Little Acorns Ltd" && nursery.registered?.description == "2010-09-01")
        #expect(club.kind == .outOfHoursChildcareRegistered && club.inspection == nil)
        #expect(file.notCovered.map(\.message) == ["a home childcarer cares for children in their own home: no framework categorises it", "registration resigned: left out"])
        // Read as evidence, it passes the evidence reader's checks.
        for provider in file.providers {
            #expect(throws: Never.self) { try EvidenceDecoder.decode(EvidenceMerge.earlyYears(provider, onto: nil)).get() }
        }
    }

    @Test("a bad row is refused with where and what")
    func badRows() throws {
        let text = "\(Self.header)\nE1,14/05/2019,Childminder,Childminder,Active,Y,Y,Y,REDACTED,,,,,,Wolverhampton,,6,6,,,,\nEY552211,14/05/2019,Childminder,Childminder,Active,Y,Y,Y,REDACTED,,,,,,Wolverhampton,,6,6,02/02/2024,Great,,\n"
        let file = try OfstedEarlyYearsReader.read(CSVReader(bytes: Array(text.utf8)))
        #expect(file.rejected.map(\.description) == ["line 2, Provider URN: \"E1\" is not Ofsted's reference for a provider",
                                                     "line 3, Most Recent Full: Overall Effectiveness: \"Great\" is not a grade (1 to 4)"])
    }
}
