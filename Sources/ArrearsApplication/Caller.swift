import ArrearsCore
import ArrearsStore

/// Who is asking, as an edge learnt it: the signed-in account (nil before signing in), where from, and which request.
public struct Caller: Sendable {
    public let account: Account?
    /// The client's address, for the limits per address.
    public let address: String
    /// The edge's id of the request, written into the security log.
    public let requestID: String?
    /// The digest of the token the request came with, so signing out ends that session.
    public let tokenDigest: String?

    public init(account: Account?, address: String?, requestID: String?, tokenDigest: String? = nil) {
        self.account = account
        self.address = address ?? "unknown"
        self.requestID = requestID
        self.tokenDigest = tokenDigest
    }

    /// The account, or a refusal for an anonymous caller.
    public func signedIn() throws(Refusal) -> Account {
        guard let account else { throw .unauthenticated }
        return account
    }

    /// The account if it holds `permission`.
    func holding(_ permission: Permission, _ action: String) throws(Refusal) -> Account {
        let account = try signedIn()
        guard permission.isHeld(by: account.actor) else { throw .notPermitted(action: action, role: account.role) }
        return account
    }

    /// Who acts, for the security log.
    var auditor: Auditor {
        Auditor(id: account?.id.rawValue ?? "anonymous", role: account?.role, requestID: requestID)
    }

    /// Someone acting with this request: an account just made, before it is the caller's.
    func auditor(id: String, role: Role?) -> Auditor {
        Auditor(id: id, role: role, requestID: requestID)
    }
}
