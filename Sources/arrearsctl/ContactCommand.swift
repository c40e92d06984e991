import ArgumentParser
import ArrearsAPI
import ArrearsMessages

/// `arrearsctl contact ID`: the complainant's contact in full; the server logs who asked.
struct ContactDetails: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "contact", abstract: Help.words("help.contact-details"))
    }
    @Argument(help: "Complaint id or number.") var complaint: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let contact = try await withAPI(connection) { client in try await client.getComplaintContact(path: .init(complaintId: complaint)).ok.body.json
        }
        if connection.json { return say(Rendering.json(contact)) }
        say([contact.person, contact.phone, contact.email].compactMap { $0 }.joined(separator: "  "))
    }
}
