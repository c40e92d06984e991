import ArgumentParser
import ArrearsAPI
import ArrearsMessages
import Foundation
import OpenAPIRuntime

/// `arrearsctl evidence attach|list|get`
struct EvidenceFiles: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "evidence", abstract: Help.words("help.evidence-files"),
            subcommands: [Attach.self, List.self, Get.self])
    }

    /// Uploads one file; the server decides its type from its content.
    struct Attach: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Help.words("help.evidence-attach"))
        }
        @Argument(help: "Complaint id or number.") var complaint: String
        @Argument(help: "The file to attach.") var file: String
        @Option(help: "The name people see (default: the file's own name).") var name: String?
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let url = URL(fileURLWithPath: file)
            guard let handle = FileHandle(forReadingAtPath: url.path) else { throw ValidationError("cannot read \(file)") }
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            let chunks = AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
                guard let data = try handle.read(upToCount: 256 * 1024), !data.isEmpty else { return nil }
                return ArraySlice(data)
            }
            let body = HTTPBody(chunks, length: .known(Int64(size)), iterationBehavior: .single)
            let attached = try await withAPI(connection) { client in
                try await client.attachEvidence(
                    path: .init(complaintId: complaint), query: .init(name: name ?? url.lastPathComponent), body: .binary(body)
                ).created.body.json
            }
            if connection.json {
                say(Rendering.json(attached))
            } else {
                say(
                    connection.words(
                        "cli.evidence.attached",
                        [
                            "name": .text(attached.name), "type": .text(attached._type.rawValue), "bytes": "\(attached.bytes)",
                            "id": .text(attached.id),
                        ]))
                say("sha256 \(attached.sha256)")
            }
        }
    }

    /// Lists the attachments with their sizes and digests.
    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Help.words("help.evidence-list"))
        }
        @Argument(help: "Complaint id or number.") var complaint: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let list = try await withAPI(connection) { client in try await client.listEvidence(path: .init(complaintId: complaint)).ok.body.json }
            if connection.json { return say(Rendering.json(list)) }
            let words = connection.words
            var table = TextTable(["id", "name", "type", "bytes", "attached-by"].map { words("cli.column." + $0) })
            for item in list.items {
                table.add([item.id, item.name, item._type.rawValue, String(item.bytes), item.attachedBy])
            }
            say(table.render())
            say(
                words(
                    "cli.evidence.total", ["count": "\(list.items.count)", "bytes": "\(list.totalBytes)", "limit": "\(list.complaintLimitBytes)"]))
        }
    }

    /// Downloads one file to a path.
    struct Get: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Help.words("help.evidence-get"))
        }
        @Argument(help: "Complaint id or number.") var complaint: String
        @Argument(help: "Evidence id (from `evidence list`).") var evidence: String
        @Option(name: .shortAndLong, help: "Where to write it.") var output: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let written = try await withAPI(connection) { client in
                let ok = try await client.downloadEvidence(path: .init(complaintId: complaint, evidenceId: evidence)).ok
                let body: HTTPBody
                switch ok.body {
                case let .pdf(file), let .jpeg(file), let .png(file), let .html(file): body = file
                }
                return try await BodyFile.write(body, to: output).bytes
            }
            say(connection.words("cli.wrote.bytes", ["bytes": "\(written)", "path": .text(output)]))
        }
    }
}
