import ArgumentParser
import ArrearsCore
import ArrearsStore
import Foundation

/// `arrearsd routing …`: the handling-department directory and routing rules, as versioned data.
struct RoutingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing", abstract: "Load or export the routing table (departments and rules).", subcommands: [Import.self, Export.self])

    /// `arrearsd routing import FILE`: validates a routing table and stores it as the next version.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a routing table (JSON like Schemas/reference/routing.json) as a new version; servers use it from the next forward.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The JSON file.")
        var file: String

        @OptionGroup var loader: OperatorOption

        func run() async throws {
            let table = try RoutingTable(json: Data(contentsOf: URL(fileURLWithPath: file)), regions: ShippedReferenceData.regions())
            let by = loader.name
            let version = try await database.withStore { try await $0.recordRoutingTable(table, by: by, at: Date()) }
            print("routing table version \(version): \(table.departments.count) departments, \(table.rules.count) rules")
        }
    }

    /// `arrearsd routing export`: the table in force, as JSON an admin can edit and import again.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the routing table in force as JSON.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let routing = try await database.withStore { try await $0.routingInForce() }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(routing.table), as: UTF8.self))
        }
    }
}
