import Foundation

/// How long an operator task took, as the "in 2.1 s" its summary line prints.
struct Elapsed {
    let started = ContinuousClock.now

    var seconds: Double {
        let components = (ContinuousClock.now - started).components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// One decimal: "2.1".
    var text: String { String(format: "%.1f", seconds) }
}
