import Dispatch
import HummingbirdBcrypt

/// bcrypt, run on a Dispatch thread: at cost 11 a hash takes tens of milliseconds, which must not hold one of the few
/// threads Swift concurrency runs every request on.
enum PasswordHashing {
    static func hash(_ password: String, cost: UInt8) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Bcrypt.hash(password, cost: cost)) }
        }
    }

    static func verify(_ password: String, hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
    }

    /// A hash to verify against when the account does not exist, so an unknown name takes as long as a wrong password.
    static let decoy = Bcrypt.hash("arrears-decoy-password", cost: 4)
}
