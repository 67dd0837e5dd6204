import BenchmarkSupport
import Foundation
import SiftCore
import SiftWeb

// Public-data benchmark at national scale: a KS2 performance table of 16,000 schools by the
// 290 columns of the real 2018 layout (about 30 MB), and a GIAS download of 50,000
// establishments in the real layout, each generated, then parsed, then stored in SQLite.
//   public-data-bench [--schools N] [--establishments N]
// Prints the figures; never fails on timing.

let schools = option("--schools", 16_000), establishments = option("--establishments", 50_000)
let folder = NSTemporaryDirectory() + "public-data-bench-\(ProcessInfo.processInfo.processIdentifier)"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let clock = ContinuousClock()
print("Public-data benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores")

// GIAS: URNs 100000…, spread over 150 local authorities, every tenth one closed.
let giasPath = folder + "/gias.csv"
func giasText(_ count: Int) -> String {
    let types = ["Community school", "Voluntary aided school", "Academy converter", "Academy sponsor led", "Foundation school", "Free schools"]
    let ratings = ["Outstanding", "Good", "Good", "Requires improvement", "Special Measures", ""]
    var lines = ["URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),EstablishmentTypeGroup (name),"
        + "EstablishmentStatus (name),OpenDate,CloseDate,PhaseOfEducation (name),NumberOfPupils,HeadTitle (name),HeadFirstName,HeadLastName,"
        + "Trusts (name),OfstedRating (name),OfstedLastInsp"]
    for index in 0..<count {
        let la = 800 + index % 150, closed = index % 10 == 0
        lines.append("\(100_000 + index),\(la),Authority \(la),\(2000 + index % 1000),\"St Mary's School, \(index)\",\(types[index % types.count]),"
            + "Local authority maintained schools,\(closed ? "Closed" : "Open"),01-09-2010,\(closed ? "31-08-2020" : ""),"
            + "Primary,\(200 + index % 400),Mrs,Ann,Head \(index),,\(ratings[index % ratings.count]),\(10 + index % 18)-0\(1 + index % 9)-2019")
    }
    return lines.joined(separator: "\r\n") + "\r\n"
}
try giasText(establishments).write(toFile: giasPath, atomically: true, encoding: .utf8)

// KS2: the real 2018 header; each school's row with figures, codes and suppressed cells.
let header = try String(contentsOfFile: "../shared/realdata/ks2/2018-936-ks2.csv", encoding: .utf8)
    .split(maxSplits: 1, whereSeparator: \.isNewline)[0].replacingOccurrences(of: "\u{FEFF}", with: "")
let names = header.split(separator: ",").map(String.init)
let ks2Path = folder + "/ks2.csv"
func ks2Text(_ count: Int, names: [String], header: String) -> String {
    var lines = [header]
    lines.reserveCapacity(count + 2)
    for index in 0..<count {
        var row: [String] = []
        row.reserveCapacity(names.count)
        for (column, name) in names.enumerated() {
            switch name {
            case "RECTYPE": row.append("1")
            case "LEA": row.append(String(800 + index % 150))
            case "URN": row.append(String(100_000 + index * 3))
            case "SCHNAME": row.append("\"School \(index), Town\"")
            default:
                let value = (index * 31 + column * 7) % 97
                let tenths = value - 48
                row.append(value % 23 == 0 ? "SUPP" : name.hasPrefix("PT") ? "\(value)%" : "\(tenths < 0 ? "-" : "")\(abs(tenths) / 10).\(abs(tenths) % 10)")
            }
        }
        lines.append(row.joined(separator: ","))
    }
    lines.append("5" + String(repeating: ",", count: names.count - 1))
    return lines.joined(separator: "\r\n") + "\r\n"
}
try ks2Text(schools, names: names, header: header).write(toFile: ks2Path, atomically: true, encoding: .utf8)
func megabytes(_ path: String) -> Double { Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6 }
print(String(format: "generated: KS2 %d schools × %d columns (%.1f MB), GIAS %d establishments (%.1f MB)",
             schools, names.count, megabytes(ks2Path), establishments, megabytes(giasPath)))

var table: PerformanceYear?
let ks2Parse = try clock.measure { table = try PerformanceTableReader.read(CSVReader(path: ks2Path), year: 2018) }
print(String(format: "parse KS2: %.3f s (%d schools, %d rejected)", seconds(ks2Parse), table?.schools.count ?? 0, table?.rejected.count ?? 0))
var file: GIASFile?
let giasParse = try clock.measure { file = try GIASReader.read(CSVReader(path: giasPath)) }
print(String(format: "parse GIAS: %.3f s (%d establishments, %d rejected)", seconds(giasParse), file?.establishments.count ?? 0, file?.rejected.count ?? 0))

// Storing: every authority's establishments from GIAS into one national authority, then KS2.
let settings = ServerSettings(database: .sqlite(path: folder + "/bench.sqlite"))
try await SiftServer.createAuthority(settings: settings, code: "national", name: "National", frameworkID: "coventry-2023")
let codes = Set((800..<950).map(String.init))
var report = PublicDataImport.Report()
let phases = PhaseTimes()
let giasStore = try await clock.measure {
    report = try await PublicDataImport.$progress.withValue(phases.progress) {
        try await SiftServer.importPublicFile(settings: settings, kind: .gias, path: giasPath, authority: "national", laCodes: codes, year: nil, dryRun: false)
    }
}
print(String(format: "store GIAS in SQLite: %.2f s (%d added)", seconds(giasStore), report.added.count))
print("  " + phases.summary(ending: ContinuousClock.now))
let ks2Store = try await clock.measure {
    report = try await SiftServer.importPublicFile(settings: settings, kind: .ks2, path: ks2Path, authority: "national", laCodes: nil, year: 2018, dryRun: false)
}
print(String(format: "store KS2 in SQLite: %.2f s (%d updated, %d not the authority's)", seconds(ks2Store), report.updated.count, report.notTheAuthoritys))
try? FileManager.default.removeItem(atPath: folder)
print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
