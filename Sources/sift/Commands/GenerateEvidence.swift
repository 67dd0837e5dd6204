import ArgumentParser
struct GenerateEvidence: ParsableCommand { static let configuration = CommandConfiguration(commandName: "generate-evidence", abstract: "placeholder") }
