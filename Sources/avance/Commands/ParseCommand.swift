import ArgumentParser

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Print the records of reports.")
    @Argument var files: [String]
    func run() async throws {}
}
