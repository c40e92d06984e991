import ArrearsCore

/// Writing complaints that arrive with their whole history: bulk imports of historical complaints and seeded platforms.
public protocol HistoryImportStore: Sendable {
    /// Stores each complaint with its events in one transaction for the batch, numbered in the order given (callers give
    /// them in order of receipt); a complaint whose id is already stored is skipped, so a rerun duplicates nothing.
    /// Returns how many were new.
    func importHistories(_ histories: [(Complaint, [ComplaintEvent])]) async throws -> Int
}
