import ArgumentParser
import ArrearsAPI
import ArrearsMessages
import Foundation

/// The one place the CLI decides exit codes from what went wrong.
enum CLIError: Error {
    /// The server refused: a 4xx with its problem.
    case refused(status: Int, Components.Schemas.Problem)
    /// The server failed or could not be reached.
    case unavailable(String)

    static let refusedCode: Int32 = 65
    static let unavailableCode: Int32 = 69

    /// Prints the error to standard error, in the official's words, and gives the exit code.
    func report(_ words: Wording) -> ExitCode {
        switch self {
        case let .refused(status, problem):
            var lines = [words("cli.refused", ["status": "\(status)", "title": .text(problem.title)])]
            // With violations the detail only repeats them; print it when it is all there is.
            if let detail = problem.detail, detail != problem.title, (problem.violations ?? []).isEmpty { lines.append("  \(detail)") }
            for violation in problem.violations ?? [] {
                lines.append("  \(violation.field.isEmpty ? "-" : violation.field): \(violation.detail) [\(violation.rule)]")
            }
            if let id = problem.requestId { lines.append("  " + words("cli.request-id", ["id": .text(id)])) }
            Terminal.error(lines.joined(separator: "\n"))
            return ExitCode(Self.refusedCode)
        case let .unavailable(reason):
            Terminal.error(words("cli.failed", ["reason": .text(reason)]))
            return ExitCode(Self.unavailableCode)
        }
    }
}

/// Where the CLI writes its errors, through `TerminalText` (a refusal's detail may quote what was sent).
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text) + "\n").utf8))
    }
}
