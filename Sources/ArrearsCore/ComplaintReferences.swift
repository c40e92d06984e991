import Foundation

/// The other complaints a complaint names — the one it duplicates, the earlier ones its findings point to, the ones its
/// history links — and the complaint as a reader sees it when some of those lie outside the reader's scope: the number
/// is withheld and a finding's words say "another complaint", so a reference never tells anyone of a complaint they
/// may not open (another province's, another SME's).
extension Complaint {
    /// Every other complaint named, by number.
    public func referencedNumbers(in events: [ComplaintEvent]) -> Set<String> {
        var numbers = Set(findings.compactMap(\.related) + events.compactMap(\.detail.related))
        if let duplicateOf { numbers.insert(duplicateOf) }
        numbers.remove(number)
        return numbers
    }

    /// The complaint with the references to `hidden` numbers withheld.
    public func withholding(_ hidden: Set<String>) -> Complaint {
        guard !hidden.isEmpty else { return self }
        var copy = self
        if let duplicateOf, hidden.contains(duplicateOf) { copy.duplicateOf = nil }
        copy.findings = findings.map { finding in
            guard let related = finding.related, hidden.contains(related) else { return finding }
            return finding.withholdingRelated()
        }
        return copy
    }
}

extension ComplaintEvent {
    /// The event with its link withheld when it names a complaint in `hidden`.
    public func withholding(_ hidden: Set<String>) -> ComplaintEvent {
        guard let related = detail.related, hidden.contains(related) else { return self }
        var detail = self.detail
        detail.related = nil
        return ComplaintEvent(
            complaintID: complaintID, sequence: sequence, kind: kind, from: from, to: to, actor: actor, actorName: actorName, role: role, at: at,
            detail: detail)
    }
}
