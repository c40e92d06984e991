import ArrearsMessages
import Foundation

/// The language help is printed in. Help is built before the options are parsed, so `--lang` is read from the command
/// line here directly; without it, the locale decides, as for every other word arrearsctl prints.
enum Help {
    static var words: Wording {
        let arguments = CommandLine.arguments
        let given =
            arguments.firstIndex(of: "--lang").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
            ?? arguments.first { $0.hasPrefix("--lang=") }.map { String($0.dropFirst("--lang=".count)) }
        switch given?.lowercased() {
        case "en"?: return Wording(.english)
        case "zh"?: return Wording(.chinese)
        default: return Wording.terminal
        }
    }
}
