import ArgumentParser
import ArrearsAPI
import ArrearsCore
import ArrearsMessages
import Foundation

/// Filters shared by `queue` and `overdue`.
struct QueueFilters: ParsableArguments {
    @Option(help: "Only these states (repeatable): submitted, needs_supplement, accepted, forwarded, resolved, closed, rejected, withdrawn.")
    var state: [String] = []

    @Option(help: "Intake province code, e.g. 330000.")
    var province: String?

    @Option(help: "Handling department id.")
    var department: String?

    @Option(help: "Continue from a previous page.")
    var cursor: String?

    @Option(help: "Complaints per page (1–200).")
    var limit: Int = 50

    @Flag(help: "Include closed, rejected and withdrawn complaints (by default the queue shows work still open).")
    var all = false

    /// The states asked for; without `--state` or `--all`, the ones somebody still has to act on.
    var states: [Components.Schemas.ComplaintState]? {
        if !state.isEmpty { return state.compactMap(Components.Schemas.ComplaintState.init(rawValue:)) }
        return all ? nil : [.submitted, .needsSupplement, .accepted, .forwarded, .resolved]
    }

    func validate() throws {
        for name in state where Components.Schemas.ComplaintState(rawValue: name) == nil {
            throw ValidationError("unknown state \(name)")
        }
        guard (1...200).contains(limit) else { throw ValidationError("--limit must be 1–200") }
    }

    func list(_ connection: ConnectionOptions, overdue: Bool, search: SearchOptions? = nil) async throws {
        let page = try await withAPI(connection) { client in
            try await client.listComplaints(
                query: .init(
                    state: search == nil ? states : (state.isEmpty ? nil : states), province: province, department: department,
                    overdue: overdue ? true : nil, q: search?.text, amountFrom: search?.amountFrom.flatMap { Fen(yuan: $0)?.value },
                    amountTo: search?.amountTo.flatMap { Fen(yuan: $0)?.value }, receivedFrom: search?.from, receivedTo: search?.to, cursor: cursor,
                    limit: limit)
            ).ok.body.json
        }
        say(connection.json ? Rendering.json(page) : Rendering.queue(page, connection.words))
    }
}

/// What `arrearsctl search` looks for besides the queue's filters.
struct SearchOptions: ParsableArguments {
    @Argument(help: "A number, a name or part of one (two characters or more), a credit code or a contract number.")
    var text: String?

    @Option(help: "Only complaints claiming at least this many yuan.") var amountFrom: String?
    @Option(help: "Only complaints claiming at most this many yuan.") var amountTo: String?
    @Option(help: "Only complaints received on or after this date (YYYY-MM-DD, CST).") var from: String?
    @Option(help: "Only complaints received on or before this date (YYYY-MM-DD, CST).") var to: String?

    func validate() throws {
        for (name, value) in [("--amount-from", amountFrom), ("--amount-to", amountTo)] {
            if let value, Fen(yuan: value)?.value == nil { throw ValidationError("\(name) must be yuan with at most two decimals") }
        }
        guard text != nil || amountFrom != nil || amountTo != nil || from != nil || to != nil else {
            throw ValidationError("say what to look for: some text, --amount-from/--amount-to or --from/--to")
        }
    }
}

/// `arrearsctl search TEXT [--amount-from Y] [--amount-to Y] [--from D] [--to D]`: complaints in every state, oldest first.
struct Search: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.search"))
    }

    @OptionGroup var search: SearchOptions
    @OptionGroup var filters: QueueFilters
    @OptionGroup var connection: ConnectionOptions

    func run() async throws { try await filters.list(connection, overdue: false, search: search) }
}

/// `arrearsctl queue`: the complaints in your scope, oldest first.
struct Queue: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.queue"))
    }

    @OptionGroup var filters: QueueFilters
    @Flag(help: "Only complaints past their running deadline.") var overdue = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws { try await filters.list(connection, overdue: overdue) }
}

/// `arrearsctl overdue`: the complaints past their running deadline.
struct Overdue: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.overdue"))
    }

    @OptionGroup var filters: QueueFilters
    @Option(help: "Only one stage's deadline: review, supplement, forward, handling or rating.") var stage: String?
    @OptionGroup var connection: ConnectionOptions

    /// Each stage's clock runs in exactly one state, so a stage is a state filter.
    static let stageStates: [String: Components.Schemas.ComplaintState] = [
        "review": .submitted, "supplement": .needsSupplement, "forward": .accepted, "handling": .forwarded, "rating": .resolved,
    ]

    func validate() throws {
        if let stage, Self.stageStates[stage] == nil { throw ValidationError("--stage must be one of review, supplement, forward, handling, rating") }
    }

    func run() async throws {
        var filters = filters
        if let stage { filters.state = [Self.stageStates[stage]!.rawValue] }
        try await filters.list(connection, overdue: true)
    }
}

/// `arrearsctl show`: one complaint and its history.
struct Show: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.show"))
    }

    @Argument(help: "Complaint id or number (e.g. ARR-2026-000001).") var complaint: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let detail = try await withAPI(connection) { client in
            try await client.getComplaint(path: .init(complaintId: complaint)).ok.body.json
        }
        say(connection.json ? Rendering.json(detail) : Rendering.detail(detail, connection.words))
    }
}
