import ArrearsAPI
import Foundation

/// A self-contained HTML report of the exported months: figures a person can take in at a glance, with SVG charts drawn
/// here (monthly trend, by province, by respondent kind, deadlines). No scripts, fonts or images from anywhere else.
struct HTMLReport {
    let table: ExportTable
    let scope: String

    func render() -> String {
        let months = table.months
        guard let last = months.last else { return "<!doctype html><title>No figures</title><p>No months.</p>" }
        let first = months[0].month
        func total(_ read: (Components.Schemas.Figures) -> Int) -> Int { months.reduce(0) { $0 + read($1.monthly) } }
        let paid = months.reduce(Int64(0)) { $0 + $1.monthly.amountPaid }
        let tiles = [
            ("登记 registered", String(total { $0.registered })), ("转交 forwarded", String(total { $0.forwarded })),
            ("办结 resolved", String(total { $0.resolved })), ("已支付 paid", Rendering.yuan(paid)),
            ("月末在办 open at \(last.month)", String(last.cumulative.openAtEnd)),
            ("累计登记转送 to \(last.month)", String(last.registeredAndForwarded ?? last.cumulative.registered)),
        ].map { "<div class=tile><div class=label>\(Self.escape($0.0))</div><div class=value>\(Self.escape($0.1))</div></div>" }.joined()
        let trend = Self.trend(months.map { ($0.month, $0.monthly.registered, $0.monthly.resolved) })
        let provinces = table.rows("province").filter { $0.month == last.month }
            .map { (table.label($0), $0.cumulative.registered) }.sorted { $0.1 > $1.1 }
        let kinds = table.rows("respondent_kind").filter { $0.month == last.month }
            .map { (table.label($0), $0.cumulative.registered) }.sorted { $0.1 > $1.1 }
        let stages: [(String, (Components.Schemas.PerStage) -> Int)] = [
            ("审查 review", \.review), ("补正 supplement", \.supplement), ("转交 forward", \.forward), ("办理 handling", \.handling),
            ("评价 rating", \.rating),
        ]
        let late = stages.map { name, read in (name, months.reduce(0) { $0 + read($1.monthly.completedLate) }) }
        let overdue = stages.map { name, read in (name, read(last.cumulative.overdueAtEnd)) }
        let timing = last.cumulative.timeToStep.map { time in
            "<tr><td>\(time.step.rawValue)</td><td>\(time.count)</td><td>\(time.median)</td><td>\(time.p90)</td><td>\(time.unit == .workingDays ? "工作日 working days" : "日 calendar days")</td></tr>"
        }.joined()
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>拖欠中小企业款项投诉统计 \(Self.escape(first)) – \(Self.escape(last.month))</title>
            <style>
            body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:32px;color:#1d2733;background:#f6f7f9}
            h1{font-size:24px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px} .sub{color:#5b6675;margin-bottom:20px}
            .tiles{display:flex;flex-wrap:wrap;gap:12px} .tile{background:#fff;border-radius:8px;padding:12px 16px;min-width:150px;box-shadow:0 1px 2px #0002}
            .label{font-size:12px;color:#5b6675} .value{font-size:22px;font-weight:600;margin-top:4px}
            .card{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 2px #0002;margin-top:8px}
            .grid{display:grid;grid-template-columns:1fr 1fr;gap:16px} table{border-collapse:collapse} td,th{padding:4px 12px;text-align:right}
            td:first-child,th:first-child{text-align:left} svg text{font-size:11px;fill:#1d2733}
            </style></head><body>
            <h1>拖欠中小企业款项投诉统计</h1>
            <div class=sub>\(Self.escape(scope)) · \(Self.escape(first)) – \(Self.escape(last.month)) · 按中国标准时间计 (China Standard Time) · 口径见 Schemas/statistics.md</div>
            <div class=tiles>\(tiles)</div>
            <h2>月度趋势 Monthly trend: registered and resolved</h2><div class=card>\(trend)</div>
            <div class=grid>
            <div><h2>按省份 By province (cumulative registered, \(Self.escape(last.month)))</h2><div class=card>\(Self.bars(provinces, color: "#2f6fb0"))</div></div>
            <div><h2>按被投诉方类型 By respondent kind</h2><div class=card>\(Self.bars(kinds, color: "#8a5cc2"))</div>
            <h2>期限 Deadlines: stages completed late in the period</h2><div class=card>\(Self.bars(late, color: "#d9822b"))</div>
            <h2>月末逾期未办 Waiting past a due date at \(Self.escape(last.month))</h2><div class=card>\(Self.bars(overdue, color: "#c23b3b"))</div>
            <h2>办理时长 Days from receipt (cumulative)</h2><div class=card><table><tr><th>step</th><th>count</th><th>median</th><th>p90</th><th>unit</th></tr>\(timing)</table></div>
            </div></div>
            </body></html>
            """
    }

    /// Horizontal bars with their values, longest first as given.
    static func bars(_ items: [(String, Int)], color: String) -> String {
        guard let largest = items.map(\.1).max(), largest > 0 else { return "<p>—</p>" }
        let rowHeight = 20
        let height = items.count * rowHeight + 8
        let rows = items.enumerated().map { index, item in
            let width = Int((Double(item.1) / Double(largest)) * 260)
            let y = index * rowHeight + 4
            return
                "<text x=\"0\" y=\"\(y + 13)\">\(escape(item.0))</text><rect x=\"170\" y=\"\(y + 2)\" width=\"\(max(width, 1))\" height=\"14\" fill=\"\(color)\" rx=\"2\"/>"
                + "<text x=\"\(176 + width)\" y=\"\(y + 13)\">\(item.1)</text>"
        }.joined()
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"480\" height=\"\(height)\" role=\"img\">\(rows)</svg>"
    }

    /// Bars for registrations and a line for results, month by month.
    static func trend(_ points: [(month: String, registered: Int, resolved: Int)]) -> String {
        let width = 900
        let height = 240
        let largest = max(points.map { max($0.registered, $0.resolved) }.max() ?? 1, 1)
        let step = Double(width - 60) / Double(max(points.count, 1))
        func y(_ value: Int) -> Int { height - 30 - Int(Double(value) / Double(largest) * Double(height - 50)) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\">"
        svg += "<line x1=\"40\" y1=\"\(height - 30)\" x2=\"\(width)\" y2=\"\(height - 30)\" stroke=\"#aab\"/>"
        svg += "<text x=\"0\" y=\"\(y(largest) + 4)\">\(largest)</text><text x=\"0\" y=\"\(height - 26)\">0</text>"
        var line: [String] = []
        for (index, point) in points.enumerated() {
            let x = 40 + Int(Double(index) * step)
            let bar = max(Int(step * 0.6), 2)
            svg += "<rect x=\"\(x)\" y=\"\(y(point.registered))\" width=\"\(bar)\" height=\"\(height - 30 - y(point.registered))\" fill=\"#2f6fb0\"/>"
            line.append("\(x + bar / 2),\(y(point.resolved))")
            if points.count <= 12 || index % 3 == 0 { svg += "<text x=\"\(x)\" y=\"\(height - 12)\">\(escape(point.month))</text>" }
        }
        svg += "<polyline points=\"\(line.joined(separator: " "))\" fill=\"none\" stroke=\"#2e9e5b\" stroke-width=\"2\"/>"
        svg +=
            "<rect x=\"\(width - 220)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#2f6fb0\"/><text x=\"\(width - 205)\" y=\"13\">登记 registered</text>"
        svg += "<rect x=\"\(width - 110)\" y=\"8\" width=\"10\" height=\"3\" fill=\"#2e9e5b\"/><text x=\"\(width - 95)\" y=\"13\">办结 resolved</text>"
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String { XLSXWriter.escape(text) }
}
