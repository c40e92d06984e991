import ArgumentParser
import Foundation
import Synchronization
import Yams

/// The optional config file (`--config-file FILE` or `ARREARS_CONFIG_FILE`): YAML, one `key: value` per setting, keys as
/// the flags are spelled (`port: 8080`, `webhook-url: https://…`). Flags and `ARREARS_*` environment override it.
struct ConfigFile: Sendable {
    let path: String?
    let values: [String: String]

    /// Every key a file may set: `serve`'s flags and the database.
    static let keys: Set<String> = [
        "database", "database-url", "host", "port", "body-limit", "idle-timeout", "token-cache-seconds", "evidence-dir", "evidence-file-limit",
        "evidence-complaint-limit", "log-level", "log-format", "supplement-working-days", "rating-days", "feedback-working-days",
        "review-working-days", "session-hours",
        "submissions-per-minute", "sign-in-attempts", "trusted-proxies", "webhook-url", "webhook-secret", "webhook-max-attempts",
        "webhook-retry-base-ms",
    ]

    private static let current = Mutex(ConfigFile(path: nil, values: [:]))

    /// The file loaded for this run (none: no values).
    static var loaded: ConfigFile { current.withLock { $0 } }

    func value(_ key: String) -> String? { values[key] }

    /// Reads and checks the file, and makes it the one settings fall back to.
    static func load(_ path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("cannot read config file \(path)") }
        let document: Any?
        do { document = try Yams.load(yaml: text) } catch { throw ValidationError("config file \(path) is not YAML: \(error)") }
        guard let mapping = (document ?? [String: Any]()) as? [String: Any] else {
            throw ValidationError("config file \(path) must be a mapping of settings (key: value)")
        }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            guard keys.contains(key) else {
                throw ValidationError("config file \(path): unknown setting \(key); known: \(keys.sorted().joined(separator: ", "))")
            }
            switch value {
            case let text as String: values[key] = text
            case let number as Int: values[key] = String(number)
            case let flag as Bool: values[key] = String(flag)
            default: throw ValidationError("config file \(path): \(key) must be a single value")
            }
        }
        let file = ConfigFile(path: path, values: values)
        current.withLock { $0 = file }
    }
}
