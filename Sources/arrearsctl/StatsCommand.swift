import ArgumentParser
import ArrearsAPI
import Foundation

/// `arrearsctl stats`: a month's figures and the cumulative ones.
struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Monthly and cumulative figures, counted in China Standard Time.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(help: "The month, YYYY-MM.") var month: String
    @Option(help: "table, csv or json.") var format: Format = .table
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard month.range(of: #"^\d{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) != nil else {
            throw ValidationError("--month must be YYYY-MM, e.g. 2026-11")
        }
    }

    func run() async throws {
        let statistics = try await withAPI(connection) { client in
            try await client.getMonthlyStatistics(query: .init(month: month)).ok.body.json
        }
        switch connection.json ? .json : format {
        case .json: print(Rendering.json(statistics))
        case .csv: print(Self.rows(statistics).map { $0.joined(separator: ",") }.joined(separator: "\n"))
        case .table:
            let scope = statistics.province.map { "province \($0)" } ?? "national"
            var table = TextTable(Self.rows(statistics)[0])
            for row in Self.rows(statistics).dropFirst() { table.add(row) }
            print("\(statistics.month), \(scope)\n\(table.render())")
        }
    }

    /// Figure, month, cumulative; amounts in yuan with two decimals, so a spreadsheet sums them.
    static func rows(_ s: Components.Schemas.MonthlyStatistics) -> [[String]] {
        let m = s.monthly
        let c = s.cumulative
        func yuan(_ fen: Int64) -> String { String(fen / 100) + "." + String(format: "%02lld", fen % 100) }
        return [
            ["figure", "month", "cumulative"],
            ["registered", String(m.registered), String(c.registered)],
            ["accepted", String(m.accepted), String(c.accepted)],
            ["rejected", String(m.rejected), String(c.rejected)],
            ["  not_in_scope", String(m.rejectedByGround.notInScope), String(c.rejectedByGround.notInScope)],
            ["  other_body_involved", String(m.rejectedByGround.otherBodyInvolved), String(c.rejectedByGround.otherBodyInvolved)],
            ["  not_sme", String(m.rejectedByGround.notSme), String(c.rejectedByGround.notSme)],
            ["  repeat_complaint", String(m.rejectedByGround.repeatComplaint), String(c.rejectedByGround.repeatComplaint)],
            ["  other_exclusion", String(m.rejectedByGround.otherExclusion), String(c.rejectedByGround.otherExclusion)],
            ["forwarded", String(m.forwarded), String(c.forwarded)],
            ["resolved", String(m.resolved), String(c.resolved)],
            ["withdrawn", String(m.withdrawn), String(c.withdrawn)],
            ["lapsed", String(m.lapsed), String(c.lapsed)],
            ["open_at_end", String(m.openAtEnd), String(c.openAtEnd)],
            ["amount_claimed_yuan", yuan(m.amountClaimed), yuan(c.amountClaimed)],
            ["amount_paid_yuan", yuan(m.amountPaid), yuan(c.amountPaid)],
        ]
    }
}
