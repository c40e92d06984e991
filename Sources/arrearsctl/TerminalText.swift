/// What arrearsctl prints, made safe for an official's terminal: a complainant's text could otherwise carry escape
/// sequences, BEL, backspaces or a carriage return that act on the terminal, or bidirectional controls that make a name
/// read as another. Those are shown as a visible `\uXXXX` (valid inside JSON strings too, so `--json` output stays JSON);
/// the line breaks of arrearsctl's own layout are kept.
enum TerminalText {
    static func safe(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingLineBreaks) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepingLineBreaks) {
                let digits = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isUnsafe(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }
}

/// Prints for a person at a terminal, through `TerminalText`.
func say(_ text: String, terminator: String = "\n") {
    print(TerminalText.safe(text), terminator: terminator)
}
