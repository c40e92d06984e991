import ArgumentParser
import ArrearsAPI
import Foundation

/// `arrearsctl notify-respondent ID --method written_notice [--note T]`
struct NotifyRespondent: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.words("help.notify-respondent")) }
    @OptionGroup var target: TransitionTarget
    @Option(help: "written_notice, telephone, email, online_platform or in_person.") var method: String
    @Option(help: "The notice's reference, or what was said.") var note: String?

    func validate() throws {
        guard Components.Schemas.ServiceMethod(rawValue: method) != nil else {
            let methods = Components.Schemas.ServiceMethod.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--method must be one of \(methods)")
        }
    }

    func run() async throws {
        let method = Components.Schemas.ServiceMethod(rawValue: method)!
        try await target.perform { client, id, tag in
            try await client.notifyRespondent(
                path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(method: method, note: note))
            ).ok
        }
    }
}

/// `arrearsctl record-feedback ID --text T`
struct RecordFeedback: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.words("help.record-feedback")) }
    @OptionGroup var target: TransitionTarget
    @Option(help: "What the respondent answered.") var text: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.recordFeedback(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(text: text))).ok
        }
    }
}

/// `arrearsctl request-information ID --question Q [--working-days N]`
struct RequestInformation: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.words("help.request-information")) }
    @OptionGroup var target: TransitionTarget
    @Option(help: "What the complainant is asked.") var question: String
    @Option(help: "Working days to answer (1–30; default 10).") var workingDays: Int?

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.requestInformation(
                path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(question: question, workingDays: workingDays))
            ).ok
        }
    }
}

/// `arrearsctl answer-information ID --answer A`
struct AnswerInformation: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.words("help.answer-information")) }
    @OptionGroup var target: TransitionTarget
    @Option(help: "The answer.") var answer: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.answerInformation(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(answer: answer))).ok
        }
    }
}

/// `arrearsctl request-review ID --facts F`
struct RequestReview: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.words("help.request-review")) }
    @OptionGroup var target: TransitionTarget
    @Option(help: "The new facts or reasons.") var facts: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.requestReview(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(facts: facts))).ok
        }
    }
}

/// `arrearsctl decline-review ID --reason R`
struct DeclineReview: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.words("help.decline-review")) }
    @OptionGroup var target: TransitionTarget
    @Option(help: "Why, as the complainant will read it.") var reason: String

    func run() async throws {
        try await target.perform { client, id, tag in
            try await client.declineReview(path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(reason: reason))).ok
        }
    }
}
