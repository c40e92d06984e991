import ArgumentParser
import ArrearsAPI
import ArrearsMessages
import Foundation

/// `arrearsctl webhooks list|retry`: the notification outbox, for admins.
struct Webhooks: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.webhooks"),
            subcommands: [List.self, Retry.self])
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Help.words("help.webhook-list"))
        }
        @Option(help: "pending, delivered or dead.") var state: String?
        @Option(help: "Only deliveries after this id.") var after: Int64 = 0
        @Option(help: "At most this many (1–1000).") var limit: Int = 100
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let filter = try state.map { text in
                guard let state = Operations.ListWebhookDeliveries.Input.Query.StatePayload(rawValue: text) else {
                    throw ValidationError("--state is pending, delivered or dead, got \(text)")
                }
                return state
            }
            let page = try await withAPI(connection) { client in
                try await client.listWebhookDeliveries(query: .init(state: filter, after: after, limit: limit)).ok.body.json
            }
            if connection.json { return say(Rendering.json(page)) }
            let words = connection.words
            var table = TextTable(
                ["id", "topic", "recipient", "complaint", "state", "tries", "next-or-delivered", "last-error"].map { words("cli.column." + $0) })
            for item in page.items {
                let when = words.instant(item.deliveredAt ?? item.nextAttemptAt)
                table.add([
                    String(item.id), item.topic.rawValue, item.recipient, item.complaint, item.state.rawValue, String(item.attempts), when,
                    String((item.lastError ?? "").prefix(60)),
                ])
            }
            say(page.items.isEmpty ? words("cli.webhook.empty") : table.render())
        }
    }

    struct Retry: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Help.words("help.retry"))
        }
        @Argument(help: "Delivery ids.") var ids: [Int64] = []
        @Flag(help: "Every dead delivery.") var allDead = false
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            guard allDead || !ids.isEmpty else { throw ValidationError("name delivery ids, or --all-dead") }
        }

        func run() async throws {
            try await withAPI(connection) { client in
                var targets = ids
                if allDead {
                    var after: Int64 = 0
                    while true {
                        let page = try await client.listWebhookDeliveries(query: .init(state: .dead, after: after, limit: 1000)).ok.body.json
                        targets += page.items.map(\.id)
                        guard let last = page.items.last, page.items.count == 1000 else { break }
                        after = last.id
                    }
                }
                for id in targets {
                    let delivery = try await client.retryWebhookDelivery(path: .init(deliveryId: id)).ok.body.json
                    say(
                        connection.words(
                            "cli.webhook.retried",
                            ["id": "\(delivery.id)", "topic": .text(delivery.topic.rawValue), "complaint": .text(delivery.complaint)]))
                }
                if targets.isEmpty { say(connection.words("cli.webhook.none-dead")) }
            }
        }
    }
}
