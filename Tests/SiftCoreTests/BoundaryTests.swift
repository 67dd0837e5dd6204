import SiftCore
import Testing

/// The boundaries the seeds state, each tested on both sides.
@Suite("Seed boundaries")
struct BoundaryTests {
    func coventry(_ measures: String) throws -> CategorisationResult {
        let school = try establishment("""
            {"urn":"1","name":"N","kind":"community","phase":"primary","headteacher":{"startDate":"2010-09-01"},
             "inspections":[{"date":"2019-03-01","framework":"graded","overallEffectiveness":2,"leadershipAndManagement":2}],
             "local":{"risk":"none"},"measures":[\(measures)]}
            """)
        return DecisionEngine(framework: try bundled("coventry-2023")).categorise(school, runDate: october2023)
    }

    @Test("Coventry EYFS: a gap of 20 points is not flagged, 20.1 is", arguments: [(47.2, "D"), (47.1, "B")])
    func eyfsGap(_ pair: (Double, String)) throws {
        let result = try coventry("""
            {"measure":"eyfs_gld","year":2022,"value":\(pair.0 - 2),"national":65.2},
            {"measure":"eyfs_gld","year":2023,"value":\(pair.0),"national":67.2}
            """)
        #expect(result.designation?.code == pair.1)
    }

    @Test("Coventry KS2 progress: significantly negative needs the upper limit below zero", arguments: [(0.0, "D"), (-0.1, "B")])
    func significantlyNegative(_ pair: (Double, String)) throws {
        let result = try coventry("""
            {"measure":"ks2_maths_progress","year":2022,"value":-3,"lower":-5,"upper":\(pair.0)},
            {"measure":"ks2_maths_progress","year":2023,"value":-3,"lower":-5,"upper":\(pair.0)}
            """)
        #expect(result.designation?.code == pair.1)
    }

    @Test("Coventry: only the bottom quintile flags", arguments: [(4, "D"), (5, "B")])
    func bottomQuintile(_ pair: (Int, String)) throws {
        let result = try coventry("""
            {"measure":"ks2_rwm_expected","year":2022,"value":50,"quintile":\(pair.0)},
            {"measure":"ks2_rwm_expected","year":2023,"value":50,"quintile":\(pair.0)}
            """)
        #expect(result.designation?.code == pair.1)
    }

    @Test("Coventry: a flag in the latest year only is not a trend flag; two years in a row is")
    func twoYearsInARow() throws {
        let once = try coventry(#"{"measure":"ks2_rwm_expected","year":2022,"value":70,"quintile":1},{"measure":"ks2_rwm_expected","year":2023,"value":40,"quintile":5}"#)
        #expect(once.designation?.code == "D")
        let twice = try coventry(#"{"measure":"ks2_rwm_expected","year":2022,"value":40,"quintile":5},{"measure":"ks2_rwm_expected","year":2023,"value":40,"quintile":5}"#)
        #expect(twice.designation?.code == "B")
    }

    @Test("Coventry: three trend flags make A, two make B")
    func threeTrendFlags() throws {
        func flagged(_ measure: String) -> String {
            #"{"measure":"\#(measure)","year":2022,"value":-3,"lower":-5,"upper":-1},{"measure":"\#(measure)","year":2023,"value":-3,"lower":-5,"upper":-1}"#
        }
        let two = try coventry([flagged("ks2_reading_progress"), flagged("ks2_writing_progress")].joined(separator: ","))
        #expect(two.designation?.code == "B")
        let three = try coventry([flagged("ks2_reading_progress"), flagged("ks2_writing_progress"), flagged("ks2_maths_progress")].joined(separator: ","))
        #expect(three.designation?.code == "A")
        #expect(three.indicator == "4A")
    }

    func miltonKeynes(phase: String, measures: String) throws -> CategorisationResult {
        let school = try establishment("""
            {"urn":"1","name":"N","kind":"community","phase":"\(phase)",
             "inspections":[{"date":"2019-03-01","framework":"graded","overallEffectiveness":2,"leadershipAndManagement":2}],
             "local":{"trend":"consistent"},"measures":[\(measures)]}
            """)
        return DecisionEngine(framework: try bundled("milton-keynes-2019")).categorise(school, runDate: october2023)
    }

    @Test("Milton Keynes primary floor: 65% meets it; below that, all three progress scores must meet -5, -5, -7", arguments: [
        (65.0, -9.0, -9.0, -9.0, "2"),
        (64.9, -5.0, -7.0, -5.0, "2"),
        (64.9, -5.1, -7.0, -5.0, "2c"),
        (64.9, -5.0, -7.1, -5.0, "2c"),
        (64.9, -5.0, -7.0, -5.1, "2c"),
    ])
    func primaryFloor(_ c: (Double, Double, Double, Double, String)) throws {
        let result = try miltonKeynes(phase: "primary", measures: """
            {"measure":"ks2_rwm_expected","year":2023,"value":\(c.0)},
            {"measure":"ks2_reading_progress","year":2023,"value":\(c.1)},
            {"measure":"ks2_writing_progress","year":2023,"value":\(c.2)},
            {"measure":"ks2_maths_progress","year":2023,"value":\(c.3)}
            """)
        #expect(result.category?.code == c.4)
    }

    @Test("Milton Keynes secondary floor: Progress 8 below -0.5 and its upper limit below zero", arguments: [
        (-0.5, -0.1, "2"), (-0.51, -0.01, "2c"), (-0.6, 0.0, "2"),
    ])
    func secondaryFloor(_ c: (Double, Double, String)) throws {
        let result = try miltonKeynes(phase: "secondary", measures: #"{"measure":"progress8","year":2023,"value":\#(c.0),"lower":-1.2,"upper":\#(c.1)}"#)
        #expect(result.category?.code == c.2)
    }

    @Test("Wolverhampton: no school moves to A without a good Ofsted at its last inspection")
    func noAWithoutGoodOfsted() throws {
        let school = try establishment("""
            {"urn":"1","name":"N","kind":"community","phase":"primary","headteacher":{"startDate":"2010-09-01","firstHeadship":false},
             "inspections":[{"date":"2022-03-01","framework":"graded","overallEffectiveness":3,"leadershipAndManagement":2}],
             "local":{"view":"securely_good","risk":"none","governanceRag":"green","capacityToImprove":"strong"}}
            """)
        let result = DecisionEngine(framework: try bundled("wolverhampton-2021")).categorise(school, runDate: october2023)
        #expect(result.category?.code != "A")
        #expect(result.category != nil)
    }

    @Test("Hackney: a school graded 3 is automatically Enhanced or Intensive, as a professional judgement")
    func hackneyAutomatic() throws {
        let school = try establishment("""
            {"urn":"1","name":"N","kind":"community","phase":"primary",
             "inspections":[{"date":"2022-03-01","framework":"graded","overallEffectiveness":3,"leadershipAndManagement":3}],
             "local":{"risk":"at_risk","trend":"consistent","capacityToImprove":"sufficient"}}
            """)
        let result = DecisionEngine(framework: try bundled("hackney-2023")).categorise(school, runDate: october2023)
        #expect(["Enhanced", "IntensiveA", "IntensiveB"].contains(result.category?.code ?? ""))
        #expect(result.judgement?.alternatives.contains("Enhanced") == true)
    }
}
