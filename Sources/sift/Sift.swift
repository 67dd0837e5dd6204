import ArgumentParser

@main
struct Sift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sift",
        abstract: "Categorise schools and early-years settings under a local authority's published framework.",
        subcommands: [Categorise.self, Frameworks.self, GenerateEvidence.self, Serve.self, Authorities.self, Users.self, Import.self])
}
