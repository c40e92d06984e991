import ArgumentParser
import ArrearsAPI
import ArrearsMessages
import ArrearsStore
import CSV
import Foundation

/// `arrearsctl stats export`: months of statistics as CSV, JSON, XLSX or an HTML report.
struct StatsExport: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: Help.words("help.stats-export"))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx, html }

    @Option(help: "First month, YYYY-MM.") var month: String
    @Option(help: "Last month, YYYY-MM (default: the first).") var to: String?
    @Option(help: "csv, json, xlsx or html.") var format: Format = .csv
    @Flag(help: "English headers and labels (CSV, XLSX), as --lang en does; the HTML report is always Chinese.") var english = false
    @Option(name: .shortAndLong, help: "Write here (required for xlsx); default standard output.") var output: String?
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        for text in [month, to].compactMap({ $0 }) where text.range(of: #"^\d{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) == nil {
            throw ValidationError("months are YYYY-MM, e.g. 2026-11")
        }
        if format == .xlsx, output == nil { throw ValidationError("an XLSX export needs --output FILE") }
        if let to, to < month { throw ValidationError("--to must not be before --month") }
    }

    func run() async throws {
        let months = Self.months(from: month, to: to ?? month)
        guard months.count <= 240 else { throw ValidationError("at most 240 months at a time") }
        let statistics = try await withAPI(connection) { client in
            var fetched: [Components.Schemas.MonthlyStatistics] = []
            for month in months {
                fetched.append(try await client.getMonthlyStatistics(query: .init(month: month, breakdowns: true)).ok.body.json)
            }
            return fetched
        }
        let language: Language = english ? .english : connection.language
        let table = ExportTable(months: statistics, regions: try? ShippedReferenceData.regions(), words: Wording(language))
        let data: Data
        switch format {
        case .csv: data = try Self.csv(table)
        case .json: data = try Self.json(statistics, scope: statistics.first?.province)
        case .html:
            // The report is for publishing in China: Chinese whatever the reader's language.
            let chinese = ExportTable(months: statistics, regions: table.regions, words: Wording(.chinese))
            let scope = statistics.first?.province.map(chinese.provinceLabel) ?? chinese.words("scope.national")
            data = Data(HTMLReport(table: chinese, scope: scope).render().utf8)
        case .xlsx:
            try Self.xlsx(table).write(to: URL(fileURLWithPath: output ?? "statistics.xlsx"))
            return say(connection.words("cli.wrote.months", ["count": "\(statistics.count)", "path": .text(output ?? "statistics.xlsx")]))
        }
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
            say(connection.words("cli.wrote.months", ["count": "\(statistics.count)", "path": .text(output)]))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    static func months(from first: String, to last: String) -> [String] {
        var months: [String] = []
        var (year, month) = (Int(first.prefix(4)) ?? 0, Int(first.suffix(2)) ?? 1)
        while String(format: "%04d-%02d", year, month) <= last {
            months.append(String(format: "%04d-%02d", year, month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }

    /// UTF-8 with a byte-order mark, so Excel shows the Chinese headers; one row per month and breakdown key.
    static func csv(_ table: ExportTable) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        _ = stream.write(bom, maxLength: 3)
        let writer = try CSVWriter(stream: stream, codecType: UTF8.self, delimiter: ",", newline: .crlf)
        let columns = table.columns()
        try writer.write(row: columns.map(table.header))
        for row in table.allRows { try writer.write(row: columns.map { $0.value(row) }) }
        writer.stream.close()
        return stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    }

    static func json(_ months: [Components.Schemas.MonthlyStatistics], scope: String?) throws -> Data {
        struct Export: Encodable {
            let schema = "https://arrears.dev/schemas/statistics-export.schema.json"
            let scope: String
            let months: [Components.Schemas.MonthlyStatistics]
            enum CodingKeys: String, CodingKey {
                case schema = "$schema"
                case scope, months
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(Export(scope: scope ?? "national", months: months))
    }

    /// One sheet per breakdown: the whole scope first, then province, respondent kind and level, department, industry, size.
    static func xlsx(_ table: ExportTable) -> XLSXWriter {
        let columns = table.columns()
        var writer = XLSXWriter()
        for dimension in ExportTable.dimensions {
            let header = columns.map { XLSXWriter.Cell.text(table.header($0)) }
            let rows = table.rows(dimension).map { row in
                columns.map { $0.isNumber ? XLSXWriter.Cell.number($0.value(row)) : .text($0.value(row)) }
            }
            writer.sheets.append(.init(name: table.name(ofDimension: dimension), rows: [header] + rows))
        }
        return writer
    }
}
