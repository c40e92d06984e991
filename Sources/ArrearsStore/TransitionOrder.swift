import ArrearsCore

/// The order in which every engine refuses a transition, so no answer tells more than the one before it: outside the
/// caller's scope is 404 (the store's query), a role that may never take the command is 403, a stale version is 409,
/// and only then the decision's own refusals (wrong state, bad input).
public enum TransitionOrder {
    public static func decide(
        _ current: Complaint, expectedVersion: Int, _ decide: (Complaint) throws -> (Complaint, ComplaintEvent)
    ) throws -> (Complaint, ComplaintEvent) {
        let decided = Result { try decide(current) }
        if case let .failure(error) = decided, let refusal = error as? TransitionError, case .roleNotPermitted = refusal { throw refusal }
        guard current.version == expectedVersion else { throw StoreError.versionConflict(current: current.version) }
        return try decided.get()
    }
}
