import ArgumentParser
import ArrearsAPI
import ArrearsCore
import ArrearsMessages

/// `arrearsctl acknowledge`
struct Acknowledge: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.acknowledge"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "A note for the record.") var note: String?

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.acknowledgeComplaint(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(note: note))).ok
        }
    }
}

/// `arrearsctl extend`
struct Extend: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.extend"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "Days added to the handling period.") var days: Int
    @Option(help: "The department head who approved it.") var approvedBy: String
    @Option(help: "Why more time is needed.") var reason: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.extendHandling(
                path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(days: days, approvedBy: approvedBy, reason: reason))
            ).ok
        }
    }
}

/// `arrearsctl escalate`
struct Escalate: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.escalate"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "supervision_notice, summons, public_notice, rectification_order or listed_supervision.") var step: String
    @Option(help: "The notice's text or the summons' record.") var text: String

    func validate() throws {
        guard Components.Schemas.EscalationStep(rawValue: step) != nil else {
            throw ValidationError("--step must be one of \(Components.Schemas.EscalationStep.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let step = Components.Schemas.EscalationStep(rawValue: step)!
        try await target.perform { client, id, tag in
            try await client.escalateComplaint(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(step: step, text: text)))
                .ok
        }
    }
}

/// `arrearsctl mark-duplicate`
struct MarkDuplicate: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "mark-duplicate", abstract: Help.words("help.mark-duplicate"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "The earlier complaint's number or id.") var of: String
    @Option(help: "A note for the record.") var note: String?

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.markDuplicate(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(of: of, note: note))).ok
        }
    }
}

/// `arrearsctl route`
struct Route: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.route"))
    }
    @OptionGroup var target: TransitionTarget
    @Flag(help: "Only show the decision; change nothing.") var dryRun = false

    func run() async throws {
        guard dryRun else {
            try await target.perform { client, id, tag in
                try await client.forwardComplaint(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init())).ok
            }
            return
        }
        let decision = try await withAPI(target.connection) { client in
            try await client.routeComplaint(path: .init(complaintId: target.complaint)).ok.body.json
        }
        say(target.connection.json ? Rendering.json(decision) : Rendering.route(decision, target.connection.words))
    }
}

/// `arrearsctl note ID --text T [--for-complainant]`
struct Note: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.words("help.note")) }
    @OptionGroup var target: TransitionTarget
    @Option(help: "What happened: a call with the respondent, a document received, the next step.") var text: String
    @Flag(help: "Let the complainant read it too.") var forComplainant = false

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.noteComplaint(
                path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(text: text, visibleToComplainant: forComplainant))
            ).ok
        }
    }
}

/// `arrearsctl size-test`
struct SizeTest: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "size-test", abstract: Help.words("help.size-test"))
    }
    @Option(help: "The industry row, e.g. construction, software, retail.") var industry: String
    @Option(help: "People employed (从业人员).") var employees: Int?
    @Option(help: "Annual revenue (营业收入) in 万元, e.g. 2000 or 1999.99.") var revenue: String?
    @Option(help: "Total assets (资产总额) in 万元.") var assets: String?
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard Components.Schemas.Industry(rawValue: industry) != nil else {
            throw ValidationError("--industry must be one of \(Components.Schemas.Industry.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (name, value) in [("--revenue", revenue), ("--assets", assets)] where value != nil && Fen(wan: value!) == nil {
            throw ValidationError("\(name) is in 万元 with at most two decimals, e.g. 2000 or 1999.99")
        }
    }

    static func fen(wan text: String?) -> Int64? { text.flatMap { Fen(wan: $0)?.value } }

    func run() async throws {
        let result = try await withAPI(connection) { client in
            try await client.sizeTest(
                body: .json(
                    .init(
                        industry: .init(rawValue: industry)!, employees: employees, annualRevenue: Self.fen(wan: revenue),
                        totalAssets: Self.fen(wan: assets)))
            ).ok.body.json
        }
        say(
            connection.json
                ? Rendering.json(result)
                : connection.words(result.sme ? "cli.size.sme" : "cli.size.not-sme", ["size": .message(Message("size." + result.size.rawValue))])
                    + "\n" + result.steps.joined(separator: "\n"))
    }
}
