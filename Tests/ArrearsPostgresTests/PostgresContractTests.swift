import ArrearsPostgres
import ArrearsStore
import ArrearsTestSupport
import Testing

@Suite("PostgreSQL passes the store contract", .enabled(if: ScratchDatabase.url != nil, Comment(rawValue: ScratchDatabase.skipped)))
struct PostgresContractTests {
    let contract = ComplaintStoreContract(
        makeStore: { try await ScratchDatabase.store() },
        expect: { condition, message, at in
            #expect(
                condition, Comment(rawValue: message),
                sourceLocation: SourceLocation(fileID: at.fileID, filePath: at.filePath, line: at.line, column: at.column))
        })

    @Test("The store contract", arguments: ComplaintStoreContract.Case.allCases)
    func behaviour(_ behaviour: ComplaintStoreContract.Case) async throws { try await contract.run(behaviour) }
}
