import Foundation

/// The server and token `arrearsctl login` saves, readable only by the user (mode 0600).
struct SavedLogin: Codable {
    var server: String
    var token: String

    /// `$ARREARS_CONFIG`, else `$XDG_CONFIG_HOME/arrears/arrearsctl.json`, else `~/.config/arrears/arrearsctl.json`.
    static var path: URL {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["ARREARS_CONFIG"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return base.appendingPathComponent("arrears/arrearsctl.json")
    }

    static func load() throws -> SavedLogin {
        try JSONDecoder().decode(SavedLogin.self, from: Data(contentsOf: path))
    }

    func save() throws {
        let url = Self.path
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try JSONEncoder().encode(self)
        FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
    }
}
