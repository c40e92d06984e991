import ArgumentParser
import ArrearsAPI
import ArrearsCore
import ArrearsMessages

/// `arrearsctl due --from D --length N [--calendar-days]`: the due-date calculator, no sign-in needed.
struct Due: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "due", abstract: Help.words("help.due")) }

    @Option(help: "The day the period starts from (not counted), YYYY-MM-DD.") var from: String
    @Option(help: "How many days.") var length: Int
    @Flag(help: "Count calendar days (日, rolled past a day off at the end) instead of working days (工作日).") var calendarDays = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let unit: Operations.CalculateDueDate.Input.Query.UnitPayload = calendarDays ? .calendarDays : .workingDays
        let due = try await withAPI(connection, signedIn: false) { client in
            try await client.calculateDueDate(query: .init(from: from, length: length, unit: unit)).ok.body.json
        }
        if connection.json { return say(Rendering.json(due)) }
        let words = connection.words
        var text = words("cli.due", ["due": words.isoDate(due.dueOn)])
        if due.provisional { text += words("cli.deadline.provisional") }
        say(text + (due.explanation.map { "\n" + $0 } ?? ""))
    }
}
