import ArgumentParser
import Foundation
import SiftCore

struct Frameworks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, validate, test, show and compare frameworks.",
        subcommands: [List.self, Validate.self, Test.self, Show.self, Examples.self, Diff.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled frameworks.")
        func run() throws {
            for path in BundledFrameworks.paths() {
                let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                do {
                    let framework = try FrameworkLoader.load(path: path)
                    print("\(id)\t\(framework.name)")
                } catch {
                    print("\(id)\t(does not load: \(error.issues.count) problems)")
                }
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check framework files; every problem is named with its file and line.")
        @Argument(help: "Framework files, or bundled framework ids.") var files: [String]
        func run() throws {
            var failed = false
            for name in files {
                do {
                    let framework = try BundledFrameworks.load(name)
                    print("\(name): valid (\(framework.categories.count) categories, \(framework.tables.reduce(0) { $0 + $1.rows.count }) rows, \(framework.examples.count) examples)")
                } catch {
                    failed = true
                    printError(error.description)
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the worked examples inside frameworks (all bundled ones by default).")
        @Argument(help: "Framework files or ids; all bundled frameworks when none are given.") var names: [String] = []
        func run() throws {
            let targets = names.isEmpty ? BundledFrameworks.paths() : names
            var passed = 0, failed = 0
            for name in targets {
                let framework: Framework
                do { framework = try BundledFrameworks.load(name) } catch {
                    printError(error.description)
                    failed += 1
                    continue
                }
                for outcome in ExampleRunner.run(framework) {
                    if outcome.passed {
                        passed += 1
                    } else {
                        failed += 1
                        print("FAIL \(framework.id) \(outcome.example)")
                        for failure in outcome.failures { print("  \(failure)") }
                    }
                }
                print("\(framework.id): \(framework.examples.count) examples")
            }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a framework as a document to share with schools.")
        enum Format: String, ExpressibleByArgument { case text, json }
        @Argument(help: "A bundled framework id or a framework file.") var name: String
        @Option(help: "text or json.") var format: Format = .text
        func run() throws {
            let document = FrameworkDocument(try loadFramework(name))
            switch format {
            case .text: print(document.text(), terminator: "")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(document), as: UTF8.self))
            }
        }
    }

    struct Examples: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a framework's worked examples as an evidence file, to start your own from.",
            discussion: "Examples that show one school at two dates share a URN; in an evidence file only the first of a URN is read.")
        @Argument(help: "A bundled framework id or a framework file.") var name: String
        func run() throws {
            let framework = try loadFramework(name)
            let list = framework.examples.map(\.evidence)
            print(TreeWriter.json(.object([("establishments", .array(list))]), indent: true))
        }
    }
}
