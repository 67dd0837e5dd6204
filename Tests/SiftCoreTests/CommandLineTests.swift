import Foundation
import Testing

/// Runs the real `sift` executable, built beside the tests.
enum SiftRun {
    static func run(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess.run("sift", arguments)
    }
}

func temporaryFile(_ name: String, _ contents: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sift-test-\(UUID().uuidString)-\(name)").path
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("The sift command")
struct CommandLineTests {
    @Test("categorise: a bad establishment is named by URN and field, the others are categorised, and it exits 2")
    func badEvidence() throws {
        let evidence = try temporaryFile("evidence.json", """
            {"establishments": [
              {"urn": "100001", "name": "Good Primary", "kind": "community", "phase": "primary",
               "headteacher": {"startDate": "2010-09-01"},
               "inspections": [{"date": "2022-03-01", "framework": "graded", "overallEffectiveness": 3, "leadershipAndManagement": 2}],
               "local": {"risk": "none"}},
              {"urn": "100002", "name": "Bad Primary", "kind": "community",
               "inspections": [{"date": "2022-13-01", "framework": "graded", "overallEffectiveness": 2}]}
            ]}
            """)
        let run = try SiftRun.run(["categorise", "--framework", "coventry-2023", "--evidence", evidence, "--date", "2023-10-01"])
        #expect(run.status == 2)
        #expect(run.output.contains("100001 Good Primary [community]: 2 — Focus School Plus"))
        #expect(run.errors.contains("establishment 100002: inspections[0].date"))
    }

    @Test("categorise: complete evidence exits 0, and JSON and CSV come out")
    func formats() throws {
        let evidence = try temporaryFile("evidence.json", """
            {"urn": "100003", "name": "=SUM(A1)", "kind": "academy_converter", "phase": "primary",
             "headteacher": {"startDate": "2010-09-01"},
             "inspections": [{"date": "2022-03-01", "framework": "graded", "overallEffectiveness": 2, "leadershipAndManagement": 2}],
             "local": {"risk": "none"}}
            """)
        let json = try SiftRun.run(["categorise", "--framework", "coventry-2023", "--evidence", evidence, "--date", "2023-10-01", "--format", "json"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "sift-results/1")
        let csv = try SiftRun.run(["categorise", "--framework", "coventry-2023", "--evidence", evidence, "--date", "2023-10-01", "--format", "csv"])
        #expect(csv.output.contains("100003,'=SUM(A1),academy_converter,categorised,4"))
    }

    @Test("categorise: a file that is not JSON is refused with its line, and nothing is categorised")
    func malformedFile() throws {
        let evidence = try temporaryFile("evidence.json", "{\"establishments\": [\n{\"urn\": \"1\",,}\n]}")
        let run = try SiftRun.run(["categorise", "--framework", "coventry-2023", "--evidence", evidence])
        #expect(run.status != 0)
        #expect(run.errors.contains("line 2"))
        #expect(run.output.isEmpty)
    }

    @Test("categorise: --set checks the parameter exists")
    func unknownParameter() throws {
        let run = try SiftRun.run(["categorise", "--framework", "coventry-2023", "--examples", "--set", "no_such=1"])
        #expect(run.status != 0)
        #expect(run.errors.contains("'no_such' is not a parameter of coventry-2023"))
    }

    @Test("frameworks validate: a broken file is refused naming its file and line")
    func validate() throws {
        let file = try temporaryFile("broken.yaml", "sift_framework: 1\nid: broken\nname: Broken\nunknown_key: 1\n")
        let run = try SiftRun.run(["frameworks", "validate", file])
        #expect(run.status == 1)
        #expect(run.errors.contains("broken.yaml:4: unknown key 'unknown_key'"))
    }

    @Test("frameworks test and show work on every bundled framework")
    func testAndShow() throws {
        let run = try SiftRun.run(["frameworks", "test"])
        #expect(run.status == 0)
        #expect(run.output.contains(" passed, 0 failed"))
        let show = try SiftRun.run(["frameworks", "show", "milton-keynes-2019", "--format", "json"])
        #expect(show.status == 0)
        #expect(show.output.contains("\"code\" : \"3c\""))
    }

    @Test("categorise --examples prints reasons with citations")
    func examples() throws {
        let run = try SiftRun.run(["categorise", "--framework", "hackney-2023", "--examples"])
        #expect(run.status == 0)
        #expect(run.output.contains("because (support_level) row"))
        #expect(run.output.contains("source: "))
        #expect(run.output.contains("professional judgement: choose between"))
    }
}

@Suite("The sift command with awkward inputs")
struct AwkwardInputTests {
    @Test("a folder given as evidence is refused with exit 2")
    func folder() throws {
        let run = try SiftRun.run(["categorise", "--framework", "coventry-2023", "--evidence", FileManager.default.temporaryDirectory.path])
        #expect(run.status == 2)
        #expect(run.errors.contains("is a folder"))
    }

    @Test("evidence can come through a pipe")
    func pipe() throws {
        let file = try temporaryFile("e.json", #"{"urn":"1","name":"N","kind":"community","phase":"primary","headteacher":{"startDate":"2010-09-01"},"inspections":[{"date":"2022-03-01","framework":"graded","overallEffectiveness":2,"leadershipAndManagement":2}],"local":{"risk":"none"}}"#)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let sift = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sift").path
        process.arguments = ["-c", "cat '\(file)' | '\(sift)' categorise --framework coventry-2023 --evidence /dev/stdin --date 2023-10-01"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.contains("1 N [community]: 4"))
    }

    @Test("--set refuses a value that is not a finite number, and --year a year out of range")
    func badNumbers() throws {
        #expect(try SiftRun.run(["categorise", "--framework", "coventry-2023", "--examples", "--set", "network_rate_per_pupil=inf"]).status != 0)
        #expect(try SiftRun.run(["categorise", "--framework", "coventry-2023", "--examples", "--year", "-9223372036854775808"]).status != 0)
    }
}
