import Foundation

/// Where "now" comes from. The core never reads a clock; callers pass instants they got from one of these.
public protocol InstantSource: Sendable {
    func now() -> Date
}
