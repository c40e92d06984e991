import ArgumentParser
import ArrearsAPI
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

/// `arrearsctl stats`: a month's figures, and publishing them.
struct Stats: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.stats"),
            subcommands: [StatsShow.self, StatsPublish.self, StatsExport.self], defaultSubcommand: StatsShow.self)
    }
}

/// `arrearsctl stats publish --month M`: freezes a month's figures.
struct StatsPublish: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "publish", abstract: Help.words("help.stats-publish"))
    }

    @Option(help: "The month, YYYY-MM.") var month: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let published = try await withAPI(connection) { client in
            try await client.publishStatistics(body: .json(.init(month: month))).created.body.json
        }
        if connection.json { return say(Rendering.json(published)) }
        let words = connection.words
        say(
            words(
                "cli.stats.published",
                [
                    "month": StatsShow.month(published.month, words), "scope": StatsShow.scope(published.province),
                    "registered": "\(published.monthly.registered)",
                    "cumulative": "\(published.cumulative.registered)",
                ]))
        say(words("cli.stats.checksum", ["checksum": .text(published.publication?.checksum ?? "-")]))
    }
}

/// `arrearsctl stats [show] --month M`
struct StatsShow: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: Help.words("help.stats-show"))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(help: "The month, YYYY-MM.") var month: String
    @Option(help: "table, csv or json.") var format: Format = .table
    @Option(help: "Break the figures down: province, respondent_kind, respondent_level, department, industry or size.")
    var by: String?
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard month.range(of: #"^\d{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) != nil else {
            throw ValidationError("--month must be YYYY-MM, e.g. 2026-11")
        }
    }

    func run() async throws {
        let statistics = try await withAPI(connection) { client in
            try await client.getMonthlyStatistics(query: .init(month: month, breakdowns: by != nil)).ok.body.json
        }
        if let by, !connection.json, format != .json {
            let rows = Self.breakdownRows(statistics, by: by)
            guard rows.count > 1 else {
                throw ValidationError("no breakdown \(by); use province, respondent_kind, respondent_level, department, industry or size")
            }
            if format == .csv { return say(rows.map { $0.joined(separator: ",") }.joined(separator: "\n")) }
            let words = connection.words
            var table = TextTable(rows[0].map { words("cli.column." + $0) })
            for row in rows.dropFirst() { table.add([Self.key(row[0], of: by, words)] + row.dropFirst()) }
            return say(
                words("cli.stats.breakdown-head", ["month": Self.month(statistics.month, words), "by": .text(by)]) + "\n" + table.render())
        }
        switch connection.json ? .json : format {
        case .json: say(Rendering.json(statistics))
        case .csv: say(Self.rows(statistics).map { $0.joined(separator: ",") }.joined(separator: "\n"))
        case .table:
            let words = connection.words
            let rows = Self.rows(statistics)
            var table = TextTable(rows[0].map { words("cli.column." + $0) })
            for row in Self.worded(rows.dropFirst(), words) { table.add(row) }
            say(
                words("cli.stats.head", ["month": Self.month(statistics.month, words), "scope": Self.scope(statistics.province)]) + "\n"
                    + table.render())
            if let publication = statistics.publication {
                say(
                    words(
                        "cli.stats.publication",
                        [
                            "at": .text(words.instant(publication.publishedAt)), "by": .text(publication.publishedBy),
                            "checksum": .text(publication.checksum),
                        ]) + (publication.intact ? "" : words("cli.stats.publication-broken")))
                let drift = statistics.drift ?? []
                say(words(drift.isEmpty ? "cli.stats.no-drift" : "cli.stats.drift"))
                for change in drift { say("  \(change.figure): \(change.published) → \(change.current)") }
            }
        }
    }

    /// Figure, month, cumulative; amounts in yuan with two decimals, so a spreadsheet sums them.
    static func rows(_ s: Components.Schemas.MonthlyStatistics) -> [[String]] {
        [["figure", "month", "cumulative"]] + figureRows(s.monthly, s.cumulative) + [
            ["registered_and_forwarded", "", String(s.registeredAndForwarded ?? s.cumulative.registered)]
        ]
    }

    /// One row per key of a dimension: the main figures, month / cumulative.
    static func breakdownRows(_ s: Components.Schemas.MonthlyStatistics, by dimension: String) -> [[String]] {
        let header = ["key", "registered", "accepted", "rejected", "forwarded", "resolved", "open-at-end", "paid-cumulative"]
        let rows = (s.breakdowns ?? []).filter { $0.dimension.rawValue == dimension }.map { item -> [String] in
            let (m, c) = (item.monthly, item.cumulative)
            func pair(_ value: (Components.Schemas.Figures) -> Int) -> String { "\(value(m)) / \(value(c))" }
            return [
                item.key.isEmpty ? "(none)" : item.key, pair { $0.registered }, pair { $0.accepted }, pair { $0.rejected }, pair { $0.forwarded },
                pair { $0.resolved }, String(c.openAtEnd), Rendering.yuan(c.amountPaid),
            ]
        }
        return [header] + rows
    }

    /// One row per figure of Schemas/statistics.md, for a month and its cumulative.
    static func figureRows(_ m: Components.Schemas.Figures, _ c: Components.Schemas.Figures) -> [[String]] {
        func yuan(_ fen: Int64) -> String { Fen(unchecked: fen).decimalYuan }
        func row(_ name: String, _ value: (Components.Schemas.Figures) -> Int) -> [String] { [name, String(value(m)), String(value(c))] }
        // Figures a month published before they were counted does not have: shown as "-", never as a made-up zero.
        func counted(_ name: String, _ value: (Components.Schemas.Figures) -> Int?) -> [String] {
            [name, value(m).map(String.init) ?? "-", value(c).map(String.init) ?? "-"]
        }
        return [
            row("registered") { $0.registered }, row("accepted") { $0.accepted }, row("rejected") { $0.rejected },
            row("  not_in_scope") { $0.rejectedByGround.notInScope }, row("  other_body_involved") { $0.rejectedByGround.otherBodyInvolved },
            row("  not_sme") { $0.rejectedByGround.notSme }, row("  repeat_complaint") { $0.rejectedByGround.repeatComplaint },
            row("  other_exclusion") { $0.rejectedByGround.otherExclusion }, row("forwarded") { $0.forwarded }, row("returned") { $0.returned },
            row("resolved") { $0.resolved }, row("  paid_in_full") { $0.resolvedByOutcome.paidInFull },
            row("  partly_paid") { $0.resolvedByOutcome.partlyPaid }, row("  payment_plan_agreed") { $0.resolvedByOutcome.paymentPlanAgreed },
            row("  claim_not_supported") { $0.resolvedByOutcome.claimNotSupported },
            row("  referred_to_court") { $0.resolvedByOutcome.referredToCourt }, row("  other") { $0.resolvedByOutcome.other },
            row("withdrawn") { $0.withdrawn }, row("lapsed") { $0.lapsed }, row("closed") { $0.closed }, row("reopened") { $0.reopened },
            counted("rated_very_satisfied") { $0.ratings.verySatisfied }, row("rated_satisfied") { $0.ratings.satisfied },
            row("rated_basically_satisfied") { $0.ratings.basicallySatisfied }, row("rated_dissatisfied") { $0.ratings.dissatisfied },
            counted("rated_very_dissatisfied") { $0.ratings.veryDissatisfied },
            counted("respondents_notified") { $0.respondentsNotified }, counted("feedback_received") { $0.feedbackReceived },
            counted("supervision_notices") { $0.supervisionNotices }, counted("information_requested") { $0.informationRequested },
            counted("reviews_requested") { $0.reviewsRequested }, counted("reviews_declined") { $0.reviewsDeclined },
            counted("payment_plans") { $0.paymentPlans }, counted("instalments_paid_late") { $0.instalmentsPaidLate },
            row("open_at_end") { $0.openAtEnd },
            row("  submitted") { $0.openByState.submitted }, row("  needs_supplement") { $0.openByState.needsSupplement },
            row("  accepted") { $0.openByState.accepted }, row("  forwarded") { $0.openByState.forwarded },
            row("  resolved") { $0.openByState.resolved },
            row("completed_late") { $0.completedLate.total }, row("  review") { $0.completedLate.review },
            row("  supplement") { $0.completedLate.supplement }, row("  forward") { $0.completedLate.forward },
            row("  handling") { $0.completedLate.handling }, row("  rating") { $0.completedLate.rating },
            row("overdue_at_end") { $0.overdueAtEnd.total }, row("  review") { $0.overdueAtEnd.review },
            row("  supplement") { $0.overdueAtEnd.supplement }, row("  forward") { $0.overdueAtEnd.forward },
            row("  handling") { $0.overdueAtEnd.handling }, row("  rating") { $0.overdueAtEnd.rating },
            ["amount_claimed_yuan", yuan(m.amountClaimed), yuan(c.amountClaimed)], ["amount_paid_yuan", yuan(m.amountPaid), yuan(c.amountPaid)],
            ["amount_recovered_yuan", m.amountRecovered.map(yuan) ?? "-", c.amountRecovered.map(yuan) ?? "-"],
        ]
            + StatisticsStepName.allCases.map { step in
                [
                    "days_to_\(step.rawValue)", timing(m.timeToStep, step), timing(c.timeToStep, step),
                ]
            }
    }

    /// Whose figures: a province by name and code (浙江省（330000）), or the whole country.
    static func scope(_ province: String?) -> MessageFact {
        guard let province else { return .message(Message("scope.national")) }
        let name = (try? RegionCode(format: province)).flatMap { try? ShippedReferenceData.regions().name(of: $0) }
        return .message(Message("cli.scope.province", ["name": .text(name ?? province), "province": .text(province)]))
    }

    /// A month the API sent as YYYY-MM, as the reader writes it.
    static func month(_ text: String, _ words: Wording) -> MessageFact { .text((try? CSTMonth(text)).map(words.month) ?? text) }

    /// The figure rows with each figure named in words: a top-level figure by `figure.<code>`, an indented one by the
    /// family of the figure above it (grounds under rejected, outcomes under resolved, states under open, stages under late).
    static func worded(_ rows: ArraySlice<[String]>, _ words: Wording) -> [[String]] {
        var family = ""
        return rows.map { row in
            let code = row[0].trimmingCharacters(in: .whitespaces)
            guard row[0].hasPrefix("  ") else {
                family =
                    switch code {
                    case "rejected": "ground."
                    case "resolved": "outcome."
                    case "open_at_end": "state."
                    default: "stage."
                    }
                // "0/0 wd": the unit of the median and 90th percentile, in words.
                let cells =
                    code.hasPrefix("days_to_")
                    ? row.dropFirst().map {
                        $0.replacingOccurrences(of: " wd", with: words("cli.unit.wd")).replacingOccurrences(of: " d", with: words("cli.unit.d"))
                    } : Array(row.dropFirst())
                return [words("figure." + code)] + cells
            }
            return ["  " + words(family + code)] + row.dropFirst()
        }
    }

    /// A breakdown key in words where it is a code the catalogue names (a kind, a level, an industry, a size).
    static func key(_ key: String, of dimension: String, _ words: Wording) -> String {
        let family = ["respondent_kind": "respondent-kind.", "respondent_level": "level.", "industry": "industry.", "size": "size."][dimension]
        guard let family else { return key == "(none)" ? words("cli.stats.no-key") : key }
        return words(family + key)
    }

    /// The measured steps, in the order the statistics list them.
    enum StatisticsStepName: String, CaseIterable { case accepted, forwarded, resolved, closed }

    /// "1/3 wd" — median and 90th percentile with the unit; "-" when no step was taken.
    static func timing(_ times: [Components.Schemas.Figures.TimeToStepPayloadPayload], _ step: StatisticsStepName) -> String {
        let found = times.filter { $0.step.rawValue == step.rawValue }
        guard !found.isEmpty else { return "-" }
        return found.map { "\($0.median)/\($0.p90) \($0.unit == .workingDays ? "wd" : "d")" }.joined(separator: ", ")
    }
}

extension Components.Schemas.PerStage {
    /// All stages together.
    var total: Int { review + supplement + forward + handling + rating }
}
