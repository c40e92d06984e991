import ArrearsCore
import Foundation

/// The hash chain over each complaint's event log: an event's hash covers every stored field and the previous event's
/// hash, so changing, dropping or reordering a stored event breaks the chain from that event on.
public enum AuditChain {
    /// The "previous hash" of a complaint's first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256, in hex, of the previous hash and the fields exactly as stored, each length-prefixed so no two field lists
    /// run together into the same bytes; nil fields are marked apart from empty ones.
    public static func hash(previous: String, fields: [String?]) -> String {
        var text = previous
        for field in fields {
            if let field { text += "|\(field.utf8.count):\(field)" } else { text += "|-" }
        }
        return HexDigest.sha256(text)
    }

    /// Walks the stored events of all complaints, ordered by complaint then sequence, and finds the first broken link.
    public struct Walker: Sendable {
        public private(set) var report = AuditReport()
        var complaint: String?
        var expectedSequence = 1
        var previous = AuditChain.genesis

        public init() {}

        /// Checks the next stored event; `fields` are what `hash` was computed over when it was written.
        public mutating func check(
            complaint id: String, number: String, sequence: Int, fields: [String?], previousHash: String?, hash: String?
        ) {
            guard report.broken == nil else { return }
            if id != complaint {
                complaint = id
                expectedSequence = 1
                previous = AuditChain.genesis
                report.complaints += 1
            }
            report.events += 1
            func broken(_ reason: Message) { report.broken = AuditBreak(complaint: number, sequence: sequence, reason: reason) }
            guard sequence == expectedSequence else {
                return broken(Message("audit.out-of-order", ["expected": "\(expectedSequence)", "found": "\(sequence)"]))
            }
            expectedSequence += 1
            guard let hash else {
                // Written before the chain existed; the next event chains from the start again.
                report.unchained += 1
                previous = AuditChain.genesis
                return
            }
            guard previousHash == previous else { return broken(Message("audit.previous-hash")) }
            guard AuditChain.hash(previous: previous, fields: fields) == hash else { return broken(Message("audit.changed")) }
            previous = hash
        }

        /// Moves entries just walked from the complaint counts to the security log's.
        public mutating func countLog(entries: Int) {
            guard entries > 0 else { return }
            report.events -= entries
            report.complaints -= 1
            report.logEntries = entries
        }

        /// Checks that the complaint's current version is its last event: a dropped last event shows here.
        public mutating func checkVersion(number: String, version: Int, lastSequence: Int) {
            guard report.broken == nil, version != lastSequence else { return }
            report.broken = AuditBreak(
                complaint: number, sequence: lastSequence,
                reason: Message("audit.history-short", ["version": "\(version)", "last": "\(lastSequence)"]))
        }
    }
}

/// What an audit verification found.
public struct AuditReport: Sendable, Equatable {
    public var complaints = 0
    public var events = 0
    /// Events written before the chain existed.
    public var unchained = 0
    /// Security log entries walked (0 when the log was not part of the check).
    public var logEntries = 0
    /// The first broken link; nil when every chain holds.
    public var broken: AuditBreak?

    public init() {}
}

/// The first event whose link does not hold, and why.
public struct AuditBreak: Sendable, Equatable, CustomStringConvertible {
    /// The complaint's number.
    public let complaint: String
    public let sequence: Int
    /// Why, as facts the edges word.
    public let reason: Message

    public var description: String { "\(complaint) event \(sequence): \(reason)" }
}
