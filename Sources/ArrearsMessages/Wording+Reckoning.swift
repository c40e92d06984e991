import ArrearsCore

extension Wording {
    /// How a due date was counted, e.g. "自2026年9月24日（当日不计入）起10个工作日；跳过2026年9月25日至27日中秋节、
    /// 2026年10月1日至7日国庆节；计入2026年10月10日（星期六，国庆节调休上班），截止2026年10月15日".
    public func reckoning(_ r: DueDateReckoning) -> String {
        let text: String
        switch r.unit {
        case .workingDays:
            let skipped =
                r.skipped.isEmpty
                ? ""
                : filled(
                    "reckoning.skipped",
                    ["spans": list(r.skipped.map { filled("reckoning.span", ["dates": dates($0.first, $0.last), "holiday": holiday($0.holiday)]) })])
            let counted =
                r.madeUpWorkdays.isEmpty
                ? ""
                : filled(
                    "reckoning.counted",
                    [
                        "days": list(
                            r.madeUpWorkdays.map {
                                filled("reckoning.make-up-day", ["date": date($0.date), "weekday": weekday($0.date), "holiday": holiday($0.name)])
                            })
                    ])
            text = filled(
                "reckoning.working-days",
                ["length": String(r.length), "start": date(r.start), "skipped": skipped, "counted": counted, "due": date(r.due)])
        case .calendarDays:
            let nominal = r.nominalDue ?? r.due
            let rolled: String =
                switch r.nominalDayOff {
                case nil: ""
                case let .holiday(name)?: filled("reckoning.rolled-holiday", ["holiday": holiday(name), "due": date(r.due)])
                case .restDay?: filled("reckoning.rolled-rest-day", ["weekday": weekday(nominal), "due": date(r.due)])
                }
            text = filled(
                "reckoning.calendar-days", ["length": String(r.length), "start": date(r.start), "nominal": date(nominal), "rolled": rolled])
        }
        let counted = r.provisionalFrom.map { text + filled("reckoning.provisional", ["year": String($0)]) } ?? text
        guard !r.binding else { return counted }
        return filled("reckoning.target", ["ruleSet": r.ruleSet ?? "", "text": counted])
    }
}
