import ArrearsCore
import Foundation

/// The core's facts in one reader's language: sentences from the catalogue, dates and money as that reader writes them.
public struct Wording: Sendable {
    public let language: Language
    let catalogue: MessageCatalogue

    public init(_ language: Language, catalogue: MessageCatalogue = .shipped) {
        self.language = language
        self.catalogue = catalogue
    }

    /// The words for whoever reads this process's terminal, in its locale's language (`LANG` and kin).
    public static var terminal: Wording { Wording(Language(locale: ProcessInfo.processInfo.environment)) }

    /// The catalogue's text for `id` with its placeholders filled; the id itself when the catalogue lacks it (a test
    /// keeps every id the code uses in both catalogues, so a reader never sees one).
    public func callAsFunction(_ id: String, _ facts: [String: MessageFact] = [:]) -> String {
        filled(id, facts.mapValues(fact))
    }

    /// A message in words, its facts worded first.
    public func callAsFunction(_ message: Message) -> String { self(message.id, message.facts) }

    /// One fact as this reader writes it.
    public func fact(_ fact: MessageFact) -> String {
        switch fact {
        case let .text(text): text
        case let .date(date): self.date(date)
        case let .money(amount): money(amount)
        case let .message(message): self(message)
        case let .list(messages, joiner): messages.map { self($0) }.joined(separator: self("list." + joiner.rawValue))
        }
    }

    /// The catalogue's text for `id` with placeholders filled by already-worded values.
    func filled(_ id: String, _ values: [String: String]) -> String {
        catalogue.text(id, in: language, values) ?? id
    }

    /// A CST date: 2026年10月15日 in Chinese, ISO 8601 (2026-10-15) in English.
    public func date(_ date: CSTDate) -> String {
        switch language {
        case .chinese:
            let c = date.components
            return "\(c.year)年\(c.month)月\(c.day)日"
        case .english: return date.description
        }
    }

    /// A month: 2026年12月 in Chinese, 2026-12 in English.
    public func month(_ month: CSTMonth) -> String {
        switch language {
        case .chinese: "\(month.year)年\(month.month)月"
        case .english: month.description
        }
    }

    /// Two dates of one span without repeating what they share: 2026年10月1日至7日, 2026-10-01…07.
    public func dates(_ first: CSTDate, _ last: CSTDate) -> String {
        guard first != last else { return date(first) }
        let (a, b) = (first.components, last.components)
        switch language {
        case .chinese:
            let end = a.year != b.year ? date(last) : a.month != b.month ? "\(b.month)月\(b.day)日" : "\(b.day)日"
            return date(first) + "至" + end
        case .english:
            let end = a.year != b.year ? last.description : a.month != b.month ? String(last.description.dropFirst(5)) : b.day.zeroPadded(2)
            return first.description + "…" + end
        }
    }

    /// The day of the week: 星期六, Saturday.
    public func weekday(_ date: CSTDate) -> String { self("weekday.\(date.isoWeekday)") }

    /// An amount of money in yuan with fen: ¥456,000.00.
    public func money(_ amount: Fen) -> String { amount.description }

    /// Items joined as a list: 、 between Chinese items, a comma between English ones.
    public func list(_ items: [String]) -> String { items.joined(separator: self("list.separator")) }

    /// A holiday's name, from the calendar table's (English) name: 国庆节 for `National Day`; the table's own name when
    /// the catalogue has none (an operator's table may name a one-off day).
    public func holiday(_ name: String) -> String {
        catalogue.text(Self.holidayID(name), in: language) ?? name
    }

    /// The catalogue id of a holiday named in the calendar table: `holiday.national-day`.
    public static func holidayID(_ name: String) -> String {
        var slug = ""
        for character in name.lowercased().replacingOccurrences(of: "'", with: "") {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return "holiday." + slug
    }

    /// An instant as China Standard Time, to the minute: 2026年12月1日 09:30 / 2026-12-01 09:30 CST.
    public func instant(_ date: Date) -> String {
        let day = CSTDate(date)
        let seconds = Int(date.timeIntervalSince(day.startInstant))
        let clock = "\((seconds / 3600).zeroPadded(2)):\((seconds / 60 % 60).zeroPadded(2))"
        return self("cli.instant", ["date": .date(day), "time": .text(clock)])
    }
}
