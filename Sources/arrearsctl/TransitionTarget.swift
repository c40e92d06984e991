import ArgumentParser
import ArrearsAPI
import ArrearsMessages
import Foundation

/// The complaint a transition acts on, and the version the official decided on.
struct TransitionTarget: ParsableArguments {
    @Argument(help: "Complaint id or number (e.g. ARR-2026-000001).")
    var complaint: String

    @Option(
        name: .customLong("expect-version"),
        help: "The version you decided on (from `show`); a newer one makes the server refuse with 409. Default: the current version.")
    var expectVersion: Int?

    @OptionGroup var connection: ConnectionOptions

    /// Reads the current version unless one was given, performs the call with If-Match, prints the result.
    func perform(
        _ call: @escaping (Client, _ id: String, _ ifMatch: String) async throws -> Components.Responses.ComplaintDetail
    ) async throws {
        let detail = try await withAPI(connection) { client in
            var id = complaint
            var version = expectVersion
            if version == nil {
                let current = try await client.getComplaint(path: .init(complaintId: complaint)).ok.body.json.complaint
                id = current.id
                version = current.version
            }
            return try await call(client, id, VersionTag.etag(version!)).body.json
        }
        say(connection.json ? Rendering.json(detail) : Rendering.detail(detail, connection.words))
    }
}
