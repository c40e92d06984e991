import Crypto
import Foundation

/// SHA-256 digests as the lower-case hex every stored digest uses (event hashes, token digests, evidence addresses,
/// publication checksums).
public enum HexDigest {
    public static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
