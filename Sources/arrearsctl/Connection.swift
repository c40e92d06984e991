import ArgumentParser
import ArrearsAPI
import ArrearsMessages
import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession

/// Options every command that talks to the server shares.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Server URL (env ARREARS_SERVER; else the one saved by `arrearsctl login`).")
    var server: String?

    @Option(help: "Bearer token (env ARREARS_TOKEN; else the one saved by `arrearsctl login`).")
    var token: String?

    @Flag(help: "Print JSON instead of tables, for scripts.")
    var json = false

    @Option(
        help:
            "zh or en: the language you read in, and the server words its answers in (default: English when LC_ALL, LC_MESSAGES or LANG names it, else zh)."
    )
    var lang: String?

    func validate() throws {
        if let lang, !["zh", "en"].contains(lang.lowercased()) { throw ValidationError("--lang is zh or en, got \(lang)") }
    }

    /// The official's language: `--lang`, else the locale's.
    var language: Language {
        switch lang?.lowercased() {
        case "en"?: .english
        case "zh"?: .chinese
        default: Language(locale: ProcessInfo.processInfo.environment)
        }
    }

    /// The words this command prints in; the server is asked to word its answers the same way.
    var words: Wording { Wording(language) }

    /// The server: flags first, then environment, then the saved login.
    func resolvedServer() throws -> URL {
        let serverText = server ?? env("ARREARS_SERVER") ?? (try? SavedLogin.load())?.server
        guard let serverText, let url = URL(string: serverText), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("no server: pass --server, set ARREARS_SERVER or run `arrearsctl login`")
        }
        return url
    }

    /// Server and token: flags first, then environment, then the saved login.
    func resolved() throws -> (server: URL, token: String) {
        let tokenText = token ?? env("ARREARS_TOKEN") ?? (try? SavedLogin.load())?.token
        guard let tokenText, !tokenText.isEmpty else {
            throw ValidationError("no token: pass --token, set ARREARS_TOKEN or run `arrearsctl login`")
        }
        return (try resolvedServer(), tokenText)
    }

    /// A client that sends the token, or, for signing in, none.
    func client(signedIn: Bool = true) throws -> Client {
        var fields: HTTPFields = [.acceptLanguage: language.rawValue]
        guard signedIn else {
            return Client(
                serverURL: try resolvedServer(), transport: URLSessionTransport(),
                middlewares: [ProblemRaising(words: words), RequestFields(fields: fields)])
        }
        let (server, token) = try resolved()
        fields[.authorization] = "Bearer \(token)"
        return Client(
            serverURL: server, transport: URLSessionTransport(), middlewares: [ProblemRaising(words: words), RequestFields(fields: fields)])
    }

    private func env(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Sets fields on every request: the official's language (so the server words its answers in it) and, signed in, the
/// bearer token.
struct RequestFields: ClientMiddleware {
    let fields: HTTPFields

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        for field in fields { request.headerFields[field.name] = field.value }
        return try await next(request, body, baseURL)
    }
}

/// Turns every answer that is not a success into a `CLIError` before the generated client sees it,
/// so commands read only the success case (`.ok`) of each operation.
struct ProblemRaising: ClientMiddleware {
    let words: Wording

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        switch response.status.kind {
        case .successful:
            return (response, responseBody)
        case .clientError:
            var bytes = Data()
            if let responseBody { bytes = try await Data(collecting: responseBody, upTo: 1 << 20) }
            let problem =
                (try? JSONDecoder().decode(Components.Schemas.Problem.self, from: bytes))
                ?? .init(_type: "about:blank", title: response.status.reasonPhrase, status: response.status.code)
            throw CLIError.refused(status: response.status.code, problem)
        default:
            throw CLIError.unavailable(
                words("cli.server-failed", ["status": "\(response.status.code)", "reason": .text(response.status.reasonPhrase)]))
        }
    }
}

/// Runs one API call, turning transport failures into `CLIError.unavailable` and errors into exit codes.
func withAPI<T>(_ options: ConnectionOptions, signedIn: Bool = true, _ body: (Client) async throws -> T) async throws -> T {
    let client = try options.client(signedIn: signedIn)
    let server = try options.resolvedServer()
    do {
        return try await body(client)
    } catch let error as CLIError {
        throw error.report(options.words)
    } catch let error as ClientError {
        if let refusal = error.underlyingError as? CLIError { throw refusal.report(options.words) }
        let cause = (error.underlyingError as NSError).userInfo[NSLocalizedDescriptionKey].map { "\($0)" } ?? "\(error.underlyingError)"
        throw CLIError.unavailable(options.words("cli.unreachable", ["server": .text(server.absoluteString), "cause": .text(cause)]))
            .report(options.words)
    }
}
