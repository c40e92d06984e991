import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL database is, from a `postgres://user:password@host:port/database?sslmode=…` URL (libpq's form;
/// `sslmode` disable, prefer (the default) or require). Several hosts, `postgres://…@a:5432,b:5432/arrears` as libpq
/// writes them, name a primary and its standbys: the store works on whichever accepts writes (`PrimaryPool`).
public struct PostgresLocation: Sendable, CustomStringConvertible {
    /// Every host named, in the order written; `host` and `port` are the first.
    public let hosts: [Endpoint]
    public var host: String { hosts[0].host }
    public var port: Int { hosts[0].port }
    public let username: String
    let password: String?
    public let database: String
    public let sslMode: String

    /// Whether a `--database` value names PostgreSQL rather than a SQLite file.
    public static func isPostgres(_ database: String) -> Bool {
        database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
    }

    /// One host and port of a location.
    public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
        public let host: String
        public let port: Int
        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    public init(url text: String) throws {
        let invalid = PostgresLocationError("expected postgres://user[:password]@host[:port][,host[:port]…]/database, got \(Self.masked(text))")
        guard Self.isPostgres(text), let (endpoints, single) = Self.splitHosts(text), let url = URLComponents(string: single),
            url.host?.isEmpty == false
        else { throw invalid }
        hosts = try endpoints.map { written in
            guard let url = URLComponents(string: "postgres://" + written), let host = url.host, !host.isEmpty else { throw invalid }
            // Foundation on Linux keeps an IPv6 address's brackets; a socket address has none.
            let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
            return Endpoint(host: bare, port: url.port ?? 5432)
        }
        username = url.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = url.password.flatMap { $0.removingPercentEncoding }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = path.isEmpty ? username : path
        sslMode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw PostgresLocationError("sslmode must be disable, prefer or require, got \(sslMode)")
        }
    }

    /// The hosts of a libpq URL, and the URL with only the first of them (which `URLComponents` can read).
    static func splitHosts(_ text: String) -> ([String], String)? {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let userEnd = authority.lastIndex(of: "@")
        let hostList = userEnd.map { authority[authority.index(after: $0)...] } ?? authority
        let endpoints = hostList.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !endpoints.contains(where: \.isEmpty) else { return nil }
        let user = userEnd.map { String(authority[...$0]) } ?? ""
        return (endpoints, String(text[..<schemeEnd.upperBound]) + user + endpoints[0] + String(rest[authorityEnd...]))
    }

    /// The same server, another database (tests make one per case).
    public func database(_ name: String) -> PostgresLocation {
        PostgresLocation(hosts: hosts, username: username, password: password, database: name, sslMode: sslMode)
    }

    /// Only one of the hosts: what a single connection or a pool connects to.
    public func only(_ endpoint: Endpoint) -> PostgresLocation {
        PostgresLocation(hosts: [endpoint], username: username, password: password, database: database, sslMode: sslMode)
    }

    private init(hosts: [Endpoint], username: String, password: String?, database: String, sslMode: String) {
        self.hosts = hosts
        self.username = username
        self.password = password
        self.database = database
        self.sslMode = sslMode
    }

    /// The URL with its password hidden, for logs and `config print`.
    public var description: String {
        "postgres://\(username)\(password == nil ? "" : ":****")@\(hosts.map(\.description).joined(separator: ","))/\(database)?sslmode=\(sslMode)"
    }

    /// A URL as the operator typed it, password hidden, for error messages.
    public static func masked(_ text: String) -> String {
        guard let (endpoints, single) = splitHosts(text), var url = URLComponents(string: single), url.password != nil else { return text }
        url.password = "****"
        guard let masked = url.string, let at = masked.range(of: "@" + endpoints[0]) else { return text }
        return masked.replacingCharacters(in: at, with: "@" + endpoints.joined(separator: ","))
    }

    var tls: PostgresClient.Configuration.TLS {
        switch sslMode {
        case "disable": .disable
        case "require": .require(.makeClientConfiguration())
        default: .prefer(.makeClientConfiguration())
        }
    }

    var clientConfiguration: PostgresClient.Configuration {
        PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        return PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}

/// A database URL that cannot be used.
public struct PostgresLocationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
