import Foundation
import Hummingbird

/// The portal's two cookies: the session (a platform session token, rotated at every sign-in) and the anonymous form
/// token for the forms before signing in. Both `HttpOnly`, `SameSite=Lax` (the session: links from elsewhere still
/// arrive signed in) or `Strict`, and `Secure` when the request came over TLS.
enum Cookies {
    static let session = "arrears_session"
    static let form = "arrears_form"

    static func sessionCookie(_ token: String, expiresAt: Date, now: Date, secure: Bool) -> Cookie {
        Cookie(
            name: session, value: token, maxAge: max(0, Int(expiresAt.timeIntervalSince(now))), path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    static func formCookie(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: form, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func expired(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
