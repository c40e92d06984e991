import ArrearsCore
import Foundation

/// The real clock, rounded to milliseconds so an instant reads back from storage exactly as written.
public struct SystemInstantSource: InstantSource {
    public init() {}

    public func now() -> Date {
        Date(timeIntervalSince1970: TimeInterval(Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))) / 1000)
    }
}
