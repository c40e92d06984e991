import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

/// A fresh database file per test, in a folder removed afterwards.
func temporaryStore() throws -> SQLiteComplaintStore {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try SQLiteComplaintStore.open(path: folder.appendingPathComponent("arrears.sqlite").path)
}

@Suite("SQLite passes the store contract")
struct SQLiteContractTests {
    let contract = ComplaintStoreContract(
        makeStore: { try temporaryStore() },
        expect: { condition, message, at in
            #expect(
                condition, Comment(rawValue: message),
                sourceLocation: SourceLocation(fileID: at.fileID, filePath: at.filePath, line: at.line, column: at.column))
        })

    @Test("The store contract", arguments: ComplaintStoreContract.Case.allCases)
    func behaviour(_ behaviour: ComplaintStoreContract.Case) async throws { try await contract.run(behaviour) }
}
