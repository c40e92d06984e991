import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Crypto
import Foundation

/// One browser request as the portal sees it: who is signed in (from the session cookie), the reader's language, the
/// caller the application layer is asked as, and the form token every form of the page carries.
struct Visit: Sendable {
    /// The visit being answered, for the routes (Hummingbird hands them only the request and its context).
    @TaskLocal static var current: Visit?

    let words: Wording
    let account: Account?
    let caller: Caller
    /// The session's token, when signed in: the cookie's value, which is a bearer token of the platform's sessions.
    let sessionToken: String?
    /// The anonymous visitor's form token (its own cookie), for the forms before signing in.
    let anonymousToken: String?
    /// Whether the request came over TLS: cookies are then `Secure`.
    let secure: Bool

    /// The synchronizer token of every form on the page: derived from the session (HMAC of the session's token), so it
    /// changes when the session does and is stored nowhere; before signing in, the anonymous cookie's value.
    var formToken: String {
        if let sessionToken { return Self.formToken(session: sessionToken) }
        return anonymousToken ?? ""
    }

    static func formToken(session: String) -> String {
        let key = SymmetricKey(data: Data(session.utf8))
        return Data(HMAC<SHA256>.authenticationCode(for: Data("arrears-form".utf8), using: key)).base64URLEncoded
    }

    /// Whether a form's token is this visit's, compared in constant time.
    func accepts(formToken given: String?) -> Bool {
        let expected = formToken
        guard let given, !expected.isEmpty, given.utf8.count == expected.utf8.count else { return false }
        return zip(given.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Data {
    /// Base64 without padding, `-` and `_` for `+` and `/`: safe in cookies, forms and URLs.
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
