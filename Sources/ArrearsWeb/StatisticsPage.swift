import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

/// 统计发布: the months officials published, for anyone, each as it was frozen with its SHA-256 — the month's figures as
/// a table and bar charts (drawn in SVG on the server, the table beside each being what a screen reader reads), and the
/// last twelve published months of the scope side by side.
enum StatisticsPage {
    static let flow = ["registered", "accepted", "rejected", "forwarded", "resolved", "closed", "withdrawn"]

    static func page(_ visit: Visit, query: [String: String], platform: Platform) async throws -> Page {
        let words = visit.words
        let scope = (query["scope"] ?? "").isEmpty ? nil : try? RegionCode(query["scope"] ?? "", in: platform.regions)
        let published = try await platform.publishedStatistics(scope: scope)
        let month = (query["month"] ?? "").isEmpty ? nil : try? CSTMonth(query["month"] ?? "")
        let shown = month.flatMap { month in published.publications.first { $0.month == month } } ?? published.publications.first
        func scopeName(_ scope: RegionCode?) -> String {
            scope.map { platform.regions.name(of: $0) ?? $0.code } ?? words("scope.national")
        }
        var scopes: [RegionCode?] = [nil]
        for entry in published.months where !scopes.contains(entry.scope) { scopes.append(entry.scope) }
        var view: [String: Any] = [
            "heading": words("portal.stats.heading"), "lead": words("portal.stats.lead"), "scopeLabel": words("portal.stats.scope"),
            "monthLabel": words("portal.stats.month"), "show": words("portal.stats.show"),
            "scopes": scopes.map { ["value": $0?.code ?? "", "text": scopeName($0), "selected": $0 == scope] },
            "months": published.publications.map {
                ["value": $0.month.description, "text": words.month($0.month), "selected": $0.month == shown?.month]
            },
            "hasMonths": !published.publications.isEmpty,
            "none": words("portal.stats.none", ["scope": .text(scopeName(scope))]),
        ]
        if let shown {
            let figures = PublishedFigures(body: shown.body)
            view["publication"] =
                [
                    "title": words("portal.stats.title", ["month": .text(words.month(shown.month)), "scope": .text(scopeName(scope))]),
                    "publishedAt": words("portal.stats.published-at", ["at": .text(words.instant(shown.publishedAt))]),
                    "checksumLabel": words("portal.stats.checksum"), "checksum": shown.checksum,
                    "intact": words(shown.isIntact ? "portal.stats.intact" : "portal.stats.not-intact"),
                    "figuresCaption": words("portal.stats.figures"), "figureColumn": words("portal.stats.figure"),
                    "monthColumn": words("portal.stats.this-month"), "totalColumn": words("portal.stats.to-date"),
                    "rows": rows(figures, words),
                    "charts": [
                        chart("flow", words("portal.stats.chart.flow"), flow.map { (words("figure." + $0), figures.month($0)) }, words),
                        chart(
                            "outcomes", words("portal.stats.chart.outcomes"),
                            ResolutionOutcome.allCases.map { (words("outcome." + $0.rawValue), figures.month("resolvedByOutcome", $0.rawValue)) },
                            words),
                        chart(
                            "ratings", words("portal.stats.chart.ratings"),
                            Satisfaction.allCases.map { (words("satisfaction." + $0.rawValue), figures.month("ratings", $0.rawValue)) }, words),
                        chart(
                            "trend", words("portal.stats.chart.trend"),
                            published.publications.reversed().map { (words.month($0.month), PublishedFigures(body: $0.body).month("registered")) },
                            words),
                    ].compactMap { $0 },
                ] as [String: Any]
        }
        return Page(title: words("portal.stats.heading"), template: "statistics", view: view, current: "/statistics")
    }

    /// The month's figures and the totals to its end; money in yuan as published in fen.
    static func rows(_ figures: PublishedFigures, _ words: Wording) -> [[String: Any]] {
        let counts = flow + ["lapsed", "reopened", "supervisionNotices", "paymentPlans"]
        var rows: [[String: Any]] = counts.compactMap { name in
            guard let month = figures.month(name) else { return nil }
            return [
                "figure": words("figure." + snake(name)), "month": String(month), "total": figures.total(name).map(String.init) ?? "",
            ]
        }
        for name in ["amountClaimed", "amountPaid", "amountRecovered"] {
            guard let month = figures.month(name) else { continue }
            rows.append([
                "figure": words("figure." + snake(name) + "_yuan"), "month": words.money(Fen(unchecked: month)),
                "total": figures.total(name).map { words.money(Fen(unchecked: $0)) } ?? "",
            ])
        }
        return rows
    }

    /// `supervisionNotices` → `supervision_notices`, the catalogue's figure ids.
    static func snake(_ name: String) -> String {
        name.reduce(into: "") { $0 += $1.isUppercase ? "_" + $1.lowercased() : String($1) }
    }

    /// A horizontal bar chart of labelled counts, scaled to the largest; nil when the publication has none of them.
    static func chart(_ id: String, _ title: String, _ bars: [(label: String, value: Int64?)], _ words: Wording) -> [String: Any]? {
        let known = bars.compactMap { bar in bar.value.map { (bar.label, $0) } }
        guard !known.isEmpty else { return nil }
        let largest = max(known.map(\.1).max() ?? 0, 1)
        let rowHeight = 36
        return [
            "id": id, "title": title, "height": known.count * rowHeight + 8, "labelColumn": words("portal.stats.figure"),
            "valueColumn": words("portal.stats.count"),
            "bars": known.enumerated().map { index, bar -> [String: Any] in
                let width = Int(bar.1 * 560 / largest)
                return [
                    "label": bar.0, "value": String(bar.1), "y": index * rowHeight + 4, "textY": index * rowHeight + 26, "width": width,
                    "valueX": 200 + width + 8,
                ]
            },
        ]
    }
}
