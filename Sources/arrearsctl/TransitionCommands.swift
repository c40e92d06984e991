import ArgumentParser
import ArrearsAPI
import ArrearsCore
import ArrearsMessages

/// `arrearsctl accept`
struct Accept: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.accept"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "A note for the record.") var note: String?

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.acceptComplaint(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(note: note))).ok
        }
    }
}

/// `arrearsctl reject`
struct Reject: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.reject"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "not_in_scope, other_body_involved, not_sme, repeat_complaint or other_exclusion.")
    var ground: String
    @Option(help: "Why, in words the complainant will read.") var reason: String

    func validate() throws {
        guard Components.Schemas.RejectionGround(rawValue: ground) != nil else {
            throw ValidationError("--ground must be one of \(Components.Schemas.RejectionGround.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let ground = Components.Schemas.RejectionGround(rawValue: ground)!
        try await target.perform { client, id, tag in
            try await client.rejectComplaint(
                path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(ground: ground, reason: reason))
            ).ok
        }
    }
}

/// `arrearsctl request-supplement`
struct RequestSupplement: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.request-supplement"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "What is missing.") var items: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.requestSupplement(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(items: items))).ok
        }
    }
}

/// `arrearsctl supplement`
struct Supplement: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.supplement"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "What was supplied.") var material: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.supplementComplaint(
                path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(material: material))
            ).ok
        }
    }
}

/// `arrearsctl forward`
struct Forward: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.forward"),
            discussion: "Without --to the routing rules decide (see `route --dry-run`); another department needs --override-reason.")
    }
    @OptionGroup var target: TransitionTarget
    @Option(name: .customLong("to"), help: "Handling department id (default: the routing rules' choice).") var department: String?
    @Option(help: "Why the routing rules' department is wrong for this complaint.") var overrideReason: String?
    @Option(help: "A note for the department.") var note: String?

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.forwardComplaint(
                path: .init(complaintId: id), headers: .init(ifMatch: tag),
                body: .json(.init(department: department, overrideReason: overrideReason, note: note))
            ).ok
        }
    }
}

/// `arrearsctl return`
struct Return: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.return"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "Why it is not yours, and whose it may be.") var reason: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.returnComplaint(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(reason: reason))).ok
        }
    }
}

/// `arrearsctl resolve`
struct Resolve: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.resolve"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "paid_in_full, partly_paid, payment_plan_agreed, claim_not_supported, referred_to_court or other.")
    var outcome: String
    @Option(help: "Amount paid so far in yuan, e.g. 456000 or 456000.50; by default the payments recorded.") var paid: String?
    @Option(help: "The result in words.") var summary: String

    func validate() throws {
        guard Components.Schemas.ResolutionOutcome(rawValue: outcome) != nil else {
            throw ValidationError("--outcome must be one of \(Components.Schemas.ResolutionOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let paid, Fen(yuan: paid)?.value == nil { throw ValidationError("--paid must be yuan with at most two decimals, e.g. 456000.50") }
    }

    func run() async throws {
        let outcome = Components.Schemas.ResolutionOutcome(rawValue: outcome)!
        let fen = paid.flatMap { Fen(yuan: $0)?.value }
        try await target.perform { client, id, tag in
            try await client.resolveComplaint(
                path: .init(complaintId: id), headers: .init(ifMatch: tag),
                body: .json(.init(outcome: outcome, amountPaid: fen, summary: summary))
            ).ok
        }
    }
}

/// `arrearsctl rate`
struct Rate: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.rate"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "very_satisfied (非常满意), satisfied, basically_satisfied, dissatisfied or very_dissatisfied (非常不满意).") var rating: String
    @Option(help: "A comment.") var comment: String?

    func validate() throws {
        guard Components.Schemas.Satisfaction(rawValue: rating) != nil else {
            let levels = Components.Schemas.Satisfaction.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--rating must be one of \(levels)")
        }
    }

    func run() async throws {
        let rating = Components.Schemas.Satisfaction(rawValue: rating)!
        try await target.perform { client, id, tag in
            try await client.rateComplaint(
                path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(rating: rating, comment: comment))
            ).ok
        }
    }
}

/// `arrearsctl close`
struct Close: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.close"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "A note for the record.") var note: String?

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.closeComplaint(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(note: note))).ok
        }
    }
}

/// `arrearsctl withdraw`
struct Withdraw: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.withdraw"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "Why.") var reason: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.withdrawComplaint(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(reason: reason))).ok
        }
    }
}

/// `arrearsctl reopen`
struct Reopen: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.reopen"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "The new facts or reasons.") var reason: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.reopenComplaint(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(reason: reason))).ok
        }
    }
}
