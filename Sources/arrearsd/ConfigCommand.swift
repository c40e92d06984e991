import ArgumentParser
import Foundation

/// `arrearsd config print`: the configuration `serve` would run with, and where each value came from.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the effective configuration.", subcommands: [Print.self])

    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the settings serve would use (flags, then ARREARS_* environment, then the config file, then defaults); secrets masked.")

        @OptionGroup var options: ServeOptions

        func run() async throws {
            let (_, _, _, settings) = try options.resolve()
            let width = settings.rows.map(\.key.count).max() ?? 0
            for row in settings.rows {
                print(row.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.value + "  # " + row.source)
            }
        }
    }
}
