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
        // Byte arithmetic, not String(format:): event hashes are made by the million in imports.
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
