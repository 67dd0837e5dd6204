@testable import SiftCore
import Testing

/// GIAS's links between establishments: the links download as published, and the
/// `Linked establishments` column of the real 2022 establishment download.
@Suite("GIAS links: conversions, amalgamations and splits")
struct GIASLinksTests {
    /// The links download's layout (`links_edubasealldata20220420.csv`), with the real links of
    /// Wyke Primary School's conversion and St Jude's amalgamation as the 2022 download gives them.
    static let links = """
        URN,LinkURN,LinkName,LinkType,LinkEstablishedDate
        124935,145543,Wyke Primary Academy,Successor,01-08-2018
        145543,124935,Wyke Primary School,Predecessor,01-08-2018
        125101,148469,St Jude's CofE Infant School,Successor - amalgamated,01-09-2021
        125175,148469,St Jude's CofE Infant School,Successor - amalgamated,01-09-2021
        148469,125101,Englefield Green Infant School and Nurseries,Predecessor - amalgamated,01-09-2021
        116236,116237,Park View Primary School,Merged - change in age range,
        116237,116236,Park View Infant School,Merged - change in age range,
        100000,100001,A Sixth Form Centre,Sixth Form Centre Link,
        """

    @Test("the links download reads, and which school replaced which comes out once a pair, either way GIAS writes it")
    func linksDownload() throws {
        let file = try GIASLinksReader.read(CSVReader(bytes: Array(Self.links.utf8)))
        #expect(file.rejected.isEmpty && file.links.count == 8)
        #expect(file.links[0] == GIASLink(line: 2, urn: "124935", linkedURN: "145543", linkedName: "Wyke Primary Academy", type: "Successor",
                                          established: Day(year: 2018, month: 8, day: 1)))
        let closed = ["124935": "2018-07-31", "125101": "2021-08-31", "125175": "2021-08-31", "116236": "2018-01-01"]
        let pairs = Succession.of(file.links) { closed[$0].flatMap(Day.init) }
        #expect(pairs == [Succession(successor: "145543", predecessor: "124935"), Succession(successor: "148469", predecessor: "125101"),
                          Succession(successor: "148469", predecessor: "125175"), Succession(successor: "116237", predecessor: "116236")])
    }

    @Test("a bad row is refused with where and what: a URN that is not one, a link of no type, a date that is not one")
    func badRows() throws {
        let text = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n12A,145543,X,Successor,\n124935,,X,Successor,\n124935,145543,X,,\n124935,145543,X,Successor,2018-13-45x\n"
        let file = try GIASLinksReader.read(CSVReader(bytes: Array(text.utf8)))
        #expect(file.links.isEmpty)
        #expect(file.rejected.map(\.description) == [
            "line 2, URN: \"12A\" is not a URN", "line 3, LinkURN: no URN",
            "line 4, LinkType: URN 124935's link to 145543 does not say what it is (Predecessor, Successor, …)",
            "line 5, LinkEstablishedDate: \"2018-13-45x\" is not a date (dd-mm-yyyy)",
        ])
        #expect(throws: PublicDataError.self) { try GIASLinksReader.read(CSVReader(bytes: Array("URN,Name\n1,2\n".utf8))) }
    }

    @Test("the real 2022 download's Linked establishments column: 502 links, Awbridge's successor and Wyke's predecessor among them")
    func realColumn() throws {
        let file = try GIASReader.read(CSVReader(path: RealData.path("gias/20220420-gias-850-936.csv")))
        let links = file.establishments.flatMap(\.links)
        #expect(links.count == 502)
        #expect(links.contains(GIASLink(line: 8, urn: "115856", linkedURN: "148213", type: "Successor")))
        #expect(links.contains { $0.urn == "145543" && $0.linkedURN == "124935" && $0.role == .predecessor })
        #expect(Set(links.map(\.role)) == [.predecessor, .successor, .merged])
    }

    @Test("a converter takes its predecessor's inspections, marked, while it has none of its own; then keeps its own")
    func predecessorInspections() throws {
        let good = Tree.object([("date", .string("2016-12-06")), ("framework", .string("graded")), ("overallEffectiveness", .number(2))])
        let academy = Tree.object([("urn", .string("145543")), ("name", .string("Wyke Primary Academy")), ("kind", .string("academy_converter"))])
        let taken = try #require(EvidenceMerge.predecessorInspections([good], of: "124935", onto: academy))
        let read = try EvidenceDecoder.decode(taken).get()
        #expect(read.latestInspection?.urnAtInspection == "124935" && read.latestInspection?.overallEffectiveness == 2)
        #expect(EvidenceMerge.predecessorInspections([good], of: "124935", onto: taken) == nil, "the same inspection is not taken twice")
        // A rule reads it as the latest inspection, and can tell whose it was.
        let context = EvaluationContext(establishment: read, framework: try bundled("coventry-2023"), runDate: try #require(Day("2019-09-01")),
                                        dataYear: nil, parameters: [])
        #expect(context.value(of: FactRef.ofsted(.overall, previous: false)) == .number(2))
        #expect(context.value(of: FactRef.ofsted(.ofPredecessor, previous: false)) == .bool(true))
        let own = Tree.object([("urn", .string("145543")), ("name", .string("Wyke Primary Academy")), ("kind", .string("academy_converter")),
                               ("inspections", .array([.object([("date", .string("2023-01-10")), ("framework", .string("graded")), ("overallEffectiveness", .number(1))])]))])
        #expect(EvidenceMerge.predecessorInspections([good], of: "124935", onto: own) == nil, "once inspected itself, its own judgement stands alone")
    }
}
