/// Contact details are personal information (个人信息): officials see them masked unless they ask, and asking is logged.
extension Contact {
    /// Enough to recognise the person, not to call them: 王*, 138****5678, w***@example.cn.
    public var masked: Contact {
        Contact(person: Self.maskName(person), phone: Self.maskPhone(phone), email: email.map(Self.maskEmail))
    }

    static func maskName(_ name: String) -> String {
        guard let first = name.first else { return name }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// Keeps the first three and the last four digits, and every separator, as Chinese forms print numbers.
    static func maskPhone(_ phone: String) -> String {
        // Phones are ASCII: bytes, not Characters (whose Unicode number test was 5% of an export).
        if phone.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(phone.utf8)
            let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
            let digits = bytes.count(where: isDigit)
            var index = 0
            for position in bytes.indices where isDigit(bytes[position]) {
                if index >= 3, index < digits - 4 { bytes[position] = UInt8(ascii: "*") }
                index += 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let digits = phone.filter(\.isNumber).count
        var index = 0
        return String(
            phone.map { character -> Character in
                guard character.isNumber else { return character }
                defer { index += 1 }
                return index < 3 || index >= digits - 4 ? character : "*"
            })
    }

    static func maskEmail(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), let first = email.first, at != email.startIndex else { return "***" }
        return String(first) + "***" + email[at...]
    }
}
