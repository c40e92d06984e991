import ArrearsCore

/// A strict reading of a JSON request body, in one pass over its bytes, before any decoder sees it. Foundation's decoder
/// accepts trailing commas and duplicate keys, reads `null` as an absent field, and reports a number it cannot hold
/// (12.5 or 1e20 where fen are expected) as "not valid JSON" without saying where; this names the field and the rule.
///
/// Every number the API takes is an integer (fen, days, counts), so a fraction, an exponent or a value beyond Int64 is
/// refused wherever it stands; the rule says what the field holds (`money.fen-integer` for the contract's money fields).
struct StrictJSON {
    /// Field names whose numbers are money, and those that are days, as the contract declares them.
    let fenFields: Set<String>
    let dayFields: Set<String>

    /// The first thing wrong with the body, or nil when it is strict JSON.
    func violation(in bytes: UnsafeRawBufferPointer) -> FieldViolation? {
        var reader = Reader(bytes: bytes, rules: self)
        do throws(FieldViolation) {
            reader.skipSpace()
            try reader.value(at: "")
            reader.skipSpace()
            if reader.index != bytes.count { throw reader.syntax("trailing-text") }
            return nil
        } catch { return error }
    }

    func integerRule(for field: String) -> String {
        let name = field.split(whereSeparator: { $0 == "." || $0 == "[" }).last.map(String.init) ?? field
        if fenFields.contains(name) { return "money.fen-integer" }
        if dayFields.contains(name) { return "days.integer" }
        return "json.integer"
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        let rules: StrictJSON
        var index = 0
        var depth = 0

        /// A syntax error of a kind the catalogue names (`json-syntax.<kind>`), at the current byte.
        func syntax(_ kind: String) -> FieldViolation {
            FieldViolation(field: "(body)", rule: "json.syntax", facts: ["what": .message(Message("json-syntax." + kind)), "index": "\(index)"])
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func expect(_ literal: StaticString) throws(FieldViolation) {
            let text = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            guard index + text.count <= bytes.count, (0..<text.count).allSatisfy({ bytes[index + $0] == text[$0] }) else {
                throw syntax("unknown-word")
            }
            index += text.count
        }

        mutating func value(at path: String) throws(FieldViolation) {
            guard let byte = current else { throw syntax("value-missing") }
            switch byte {
            case UInt8(ascii: "{"): try object(at: path)
            case UInt8(ascii: "["): try array(at: path)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try expect("true")
            case UInt8(ascii: "f"): try expect("false")
            case UInt8(ascii: "n"):
                try expect("null")
                let field = path.isEmpty ? "(body)" : path
                throw FieldViolation(field: field, rule: "json.type", facts: ["field": "\(field)"])
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(at: path)
            default: throw syntax("unexpected-character")
            }
        }

        mutating func nest() throws(FieldViolation) {
            depth += 1
            if depth > 64 { throw syntax("too-deep") }
        }

        mutating func object(at path: String) throws(FieldViolation) {
            try nest()
            index += 1
            skipSpace()
            var keys: Set<String> = []
            var first = true
            if current == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return
            }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { throw syntax(first ? "key-missing" : "trailing-comma") }
                first = false
                let key = try string()
                let field = path.isEmpty ? key ?? "(key)" : path + "." + (key ?? "(key)")
                if let key, !keys.insert(key).inserted {
                    throw FieldViolation(field: field, rule: "json.duplicate-key", facts: ["field": "\(field)"])
                }
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw syntax("colon-missing") }
                index += 1
                skipSpace()
                try value(at: field)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard current == UInt8(ascii: "}") else { throw syntax("comma-or-brace-missing") }
                index += 1
                depth -= 1
                return
            }
        }

        mutating func array(at path: String) throws(FieldViolation) {
            try nest()
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return
            }
            var position = 0
            while true {
                skipSpace()
                if current == UInt8(ascii: "]") { throw syntax("trailing-comma") }
                try value(at: "\(path)[\(position)]")
                position += 1
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard current == UInt8(ascii: "]") else { throw syntax("comma-or-bracket-missing") }
                index += 1
                depth -= 1
                return
            }
        }

        /// A string's text when it has no escapes (the contract's keys have none); escapes are checked, not decoded.
        mutating func string() throws(FieldViolation) -> String? {
            index += 1
            let start = index
            var escaped = false
            while let byte = current {
                if byte == UInt8(ascii: "\"") {
                    let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    return escaped ? nil : String(decoding: raw, as: UTF8.self)
                }
                if byte < 0x20 { throw syntax("control-character") }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 1
                    guard let next = current else { break }
                    switch next {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                        UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        guard let unit = hex4(at: index + 1) else { throw syntax("bad-unicode-escape") }
                        index += 5
                        if (0xD800...0xDBFF).contains(unit) {
                            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
                                let low = hex4(at: index + 2), (0xDC00...0xDFFF).contains(low)
                            else { throw syntax("unpaired-surrogate") }
                            index += 6
                        } else if (0xDC00...0xDFFF).contains(unit) {
                            throw syntax("unpaired-surrogate")
                        }
                    default: throw syntax("bad-escape")
                    }
                    continue
                }
                index += 1
            }
            throw syntax("unterminated-string")
        }

        func hex4(at position: Int) -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = bytes[position + offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value * 16 + UInt32(digit)
            }
            return value
        }

        mutating func number(at path: String) throws(FieldViolation) {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw syntax("bad-number") }
            index += 1
            if first != UInt8(ascii: "0") {
                while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            }
            let integerEnd = index
            var fractional = false
            if current == UInt8(ascii: ".") {
                fractional = true
                index += 1
                guard let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw syntax("bad-number") }
                while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                fractional = true
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw syntax("bad-number") }
                while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<integerEnd]), as: UTF8.self)
            if fractional || Int64(text) == nil {
                let field = path.isEmpty ? "(body)" : path
                let shown = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                throw FieldViolation(
                    field: field, rule: rules.integerRule(for: field),
                    facts: ["field": .text(field), "given": .text(shown)])
            }
        }
    }
}
