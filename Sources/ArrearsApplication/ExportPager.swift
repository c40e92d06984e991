import ArrearsCore
import ArrearsMessages
import ArrearsStore

/// Reads an export page by page, in registration order, and turns each page into CSV text. One page is read ahead while
/// the one before is written to the client, so the database and the socket work at once; memory stays two pages.
public actor ExportPager {
    let store: any ComplaintExportStore
    let actor: Actor
    let from: CSTDate?
    let to: CSTDate?
    let fullContacts: Bool
    var csv: ComplaintCSV
    var position: Int64 = 0
    var started = false
    var finished = false
    var ahead: Task<ArraySlice<UInt8>?, any Error>?
    /// Rows read from the store per page; each page is one short read, so an export never holds a connection for long.
    static let pageSize = 5_000

    init(store: any ComplaintExportStore, actor: Actor, from: CSTDate?, to: CSTDate?, fullContacts: Bool, language: Language) {
        self.store = store
        self.actor = actor
        self.from = from
        self.to = to
        self.fullContacts = fullContacts
        csv = ComplaintCSV(Wording(language))
    }

    /// The header (with a byte-order mark, for Excel) first, then one page of rows per call; nil at the end.
    public func next() async throws -> ArraySlice<UInt8>? {
        if !started {
            started = true
            ahead = Task { try await self.page() }
            return ArraySlice([0xEF, 0xBB, 0xBF] + Array((csv.header + "\r\n").utf8))
        }
        guard let pending = ahead else { return nil }
        let current = try await pending.value
        ahead = current == nil || finished ? nil : Task { try await self.page() }
        return current
    }

    /// The next page as CSV; nil when there are no more rows.
    private func page() async throws -> ArraySlice<UInt8>? {
        let rows = try await store.exportRows(
            receivedFrom: from, through: to, after: position, limit: Self.pageSize, visibleTo: actor)
        guard let last = rows.last else {
            finished = true
            return nil
        }
        position = last.position
        if rows.count < Self.pageSize { finished = true }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 320)
        for row in rows { csv.append(row, fullContacts: fullContacts, to: &bytes) }
        return ArraySlice(bytes)
    }
}
