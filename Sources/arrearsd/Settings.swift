import ArgumentParser
import ArrearsPostgres
import Foundation

/// Settings as they were resolved: each key's value and where it came from (a flag, `ARREARS_*` environment, the config
/// file, or the default), for `arrearsd config print`. Secrets are kept masked here; the caller gets the real value.
struct Settings {
    struct Row {
        let key: String
        let value: String
        let source: String
    }

    private(set) var rows: [Row] = []

    /// Records a value resolved elsewhere.
    mutating func note(_ key: String, _ value: String, source: String) {
        rows.append(Row(key: key, value: value, source: source))
    }

    /// Shows a recorded key's value as it ends up (a default worked out from other settings), keeping its source.
    mutating func show(_ key: String, as value: String) {
        guard let index = rows.firstIndex(where: { $0.key == key }) else { return }
        rows[index] = Row(key: key, value: value, source: rows[index].source)
    }

    /// A text setting: the flag, else the environment, else the config file; nil when none says.
    mutating func string(_ key: String, flag: String?, secret: Bool = false) -> String? {
        let found = flag.map { ($0, "flag --\(key)") } ?? Self.lookup(key)
        rows.append(Row(key: key, value: found.map { secret ? "****" : $0.0 } ?? "(none)", source: found?.1 ?? "default"))
        return found?.0
    }

    /// A whole-number setting, the same way; `defaultValue` is only shown.
    mutating func integer(_ key: String, flag: Int?, default defaultValue: Int?) throws -> Int? {
        if let flag {
            rows.append(Row(key: key, value: String(flag), source: "flag --\(key)"))
            return flag
        }
        guard let (text, source) = Self.lookup(key) else {
            rows.append(Row(key: key, value: defaultValue.map(String.init) ?? "(none)", source: "default"))
            return nil
        }
        guard let number = Int(text) else { throw ValidationError("\(key) must be a whole number, got \(text) (from \(source))") }
        rows.append(Row(key: key, value: String(number), source: source))
        return number
    }

    /// The environment's value for a key (`webhook-url` → `ARREARS_WEBHOOK_URL`), else the config file's, with its source.
    static func lookup(_ key: String) -> (String, String)? {
        let name = key.uppercased().replacingOccurrences(of: "-", with: "_")
        if let value = Environment.value(name) { return (value, "env ARREARS_\(name)") }
        if let value = ConfigFile.loaded.value(key) { return (value, "file \(ConfigFile.loaded.path ?? "")") }
        return nil
    }
}
