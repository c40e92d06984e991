import ArgumentParser
import ArrearsApplication
import ArrearsCore
import ArrearsStore
import Foundation

/// `arrearsd calendar …`: the working-day calendar, loaded without a release.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Show or load the working-day calendar (State Council holiday tables).",
        subcommands: [Import.self, Show.self])

    /// `arrearsd calendar import FILE`: validates a holiday table and loads it over the shipped one.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Load a year's holiday table (CSV date,kind,name; kind holiday or workday); running servers use it within a second, and open complaints' provisional deadlines are recounted."
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The CSV file, e.g. the 2027 table published by the State Council General Office.")
        var file: String

        @OptionGroup var loader: OperatorOption

        func run() async throws {
            let csv = try String(contentsOfFile: file, encoding: .utf8)
            let table = try WorkingDayCalendar(csv: csv)
            let by = loader.name
            let (loaded, recounted) = try await database.withStore { store in
                let loaded = try await store.workingDayCalendar().loading(table)
                try await store.recordCalendarImport(csv: csv, years: table.years, by: by, at: Date())
                // Clocks counted provisionally into these years become definite now, each with an event.
                let lifecycle = Lifecycle(
                    rules: try ShippedReferenceData.ruleBook(), calendar: loaded, sizes: try ShippedReferenceData.sizeStandard())
                let recounted = try await DeadlineRecount.run(store: store, lifecycle: lifecycle, by: by, at: Date())
                return (loaded, recounted)
            }
            print(
                "loaded \(table.years.lowerBound)…\(table.years.upperBound); the calendar now covers \(loaded.years.lowerBound)–\(loaded.years.upperBound);"
                    + " \(recounted) provisional deadlines recounted")
        }
    }

    /// `arrearsd calendar show`: the years covered and a year's listed days.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the years the calendar covers, or one year's holidays and make-up days.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "A year to list.")
        var year: Int?

        func run() async throws {
            let calendar = try await database.withStore { try await $0.workingDayCalendar() }
            print("working-day calendar: \(calendar.years.lowerBound)–\(calendar.years.upperBound)")
            guard let year else { return }
            var date = try CSTDate(year: year, month: 1, day: 1)
            while date.components.year == year {
                if let day = calendar.listedDay(date) { print("\(date)  \(day.exception.rawValue)  \(day.name)") }
                date = date.adding(days: 1)
            }
        }
    }
}
