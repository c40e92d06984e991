import Foundation

/// The one policy for text people type (自由文本) — names, facts, reasons, notes, file names: stored in Unicode NFC, trimmed,
/// with no control characters (line breaks only in long text), no bidirectional controls, at least one visible character,
/// and limits counted in Unicode scalars so that a character carrying thousands of combining marks cannot pass them.
///
/// What is stored is exactly what `checked` returns, so the API's answer, the queue's columns and the export agree.
public struct TextPolicy: Sendable, Equatable {
    /// Most Unicode scalars the text may hold after normalisation.
    public let limit: Int
    /// Long text (facts, reasons) may hold line breaks and tabs; one-line text (names, numbers) may not.
    public let multiline: Bool

    /// One-line text of at most `limit` scalars: a name, a contract number, a file name.
    public static func line(_ limit: Int) -> TextPolicy { TextPolicy(limit: limit, multiline: false) }
    /// Long text of at most `limit` scalars: facts, a demand, a reason, a note.
    public static func paragraph(_ limit: Int) -> TextPolicy { TextPolicy(limit: limit, multiline: true) }

    /// Most scalars one visible character may carry (a base and its marks, or an emoji sequence); more is a pile-up of
    /// combining marks meant to spill over the lines around it.
    public static let scalarsPerCharacter = 16

    /// The text as it will be stored, or the rule it breaks, filed under `field`.
    public func checked(_ text: String, field: String) throws(FieldViolation) -> String {
        var text = text
        if multiline, text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if !Self.isSurelyNFC(text) { text = text.precomposedStringWithCanonicalMapping }
        if Self.mayNeedTrimming(text) { text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if text.isEmpty { throw FieldViolation(field: field, rule: "text.required") }
        var scalars = 0
        var visible = false
        // Whether every scalar stands alone as a character (no combining marks, joiners or selectors could pile up).
        var simple = true
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            scalars += 1
            // Printable ASCII and CJK ideographs, nearly all of what is filed, need no Unicode property lookup.
            if (0x21...0x7E).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value) {
                visible = true
                continue
            }
            if scalar.value != 0x20 { simple = false }
            if let rule = Self.refusal(of: scalar, multiline: multiline) {
                throw FieldViolation(
                    field: field, rule: rule.rule,
                    facts: ["what": .message(Message("character." + rule.kind)), "codePoint": "U+\(Self.hex(scalar))", "position": "\(offset + 1)"])
            }
            if !visible { visible = Self.isVisible(scalar) }
        }
        guard scalars <= limit else {
            throw FieldViolation(field: field, rule: "text.too-long", facts: ["limit": "\(limit)", "scalars": "\(scalars)"])
        }
        guard visible else {
            throw FieldViolation(
                field: field, rule: "text.not-visible")
        }
        if !simple, let piled = text.first(where: { $0.unicodeScalars.count > Self.scalarsPerCharacter }) {
            throw FieldViolation(
                field: field, rule: "text.stacked-marks",
                facts: ["unicodeScalarsCount": "\(piled.unicodeScalars.count)", "scalarsPerCharacter": "\(Self.scalarsPerCharacter)"])
        }
        return text
    }

    /// Whether the text is NFC already without asking Foundation (which costs a filing a tenth of its time): true when every
    /// scalar is Latin up to U+02FF, CJK punctuation, a CJK unified ideograph or a fullwidth form — none of these has a
    /// canonical decomposition or combines — which is nearly every name and account of facts filed here.
    public static func isSurelyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0...0x2FF, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF: true
            default: false
            }
        }
    }

    /// Whether the text may begin or end with white space: Foundation's trimming was a tenth of a filing's time, and
    /// nearly every text filed begins and ends with a printable ASCII character or a CJK ideograph.
    static func mayNeedTrimming(_ text: String) -> Bool {
        func plain(_ scalar: Unicode.Scalar?) -> Bool {
            guard let value = scalar?.value else { return false }
            return (0x21...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value)
        }
        return !plain(text.unicodeScalars.first) || !plain(text.unicodeScalars.last)
    }

    /// `checked` for text that may be left out: nil or blank is nil, anything else must pass.
    public func optional(_ text: String?, field: String) throws(FieldViolation) -> String? {
        guard let text, !Self.mayNeedTrimming(text) || !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try checked(text, field: field)
    }

    /// The rule a character breaks and what kind of character it is (`character.<kind>` in the catalogue).
    private static func refusal(of scalar: Unicode.Scalar, multiline: Bool) -> (rule: String, kind: String)? {
        switch scalar.value {
        case 0x0A, 0x0D, 0x09: return multiline ? nil : ("text.line-break", "line-break")
        case 0x00: return ("text.control-character", "nul")
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return ("text.bidi-control", "bidi-control")
        case 0xFFFE, 0xFFFF, 0xFDD0...0xFDEF: return ("text.control-character", "noncharacter")
        default:
            switch scalar.properties.generalCategory {
            case .control: return ("text.control-character", "control")
            case .lineSeparator, .paragraphSeparator: return ("text.line-break", "separator")
            default: return nil
            }
        }
    }

    /// Letters, digits, punctuation and symbols, except the ones that render as nothing (Hangul and halfwidth fillers,
    /// the blank Braille pattern).
    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber,
            .otherNumber, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .privateUse:
            return true
        default: return false
        }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }
}
