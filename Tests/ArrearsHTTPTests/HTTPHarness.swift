import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsHTTP
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A real SQLite file, the real router, and a bearer token for one account of each kind.
struct HTTPHarness {
    /// The engine a harness stores on.
    enum Engine: String, CaseIterable, Sendable {
        case sqlite
        /// The server `ARREARS_TEST_POSTGRES_URL` names, a new database per harness.
        case postgres

        /// The engines this run can test: PostgreSQL when a server is named.
        static var available: [Engine] { ScratchDatabase.url == nil ? [.sqlite] : [.sqlite, .postgres] }
    }

    /// The SQLite file (the evidence folder goes beside it on either engine).
    let path: String
    let store: any ArrearsStorage & HistoryImportStore
    /// The server's now: 2026-11-02 09:30 in China unless a test needs another day.
    var clock = FixedInstantSource("2026-11-02T01:30:00Z")
    var tokens: [String: String] = [:]

    static func make(on engine: Engine = .sqlite, at now: String? = nil) async throws -> HTTPHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("arrears.sqlite").path
        let store: any ArrearsStorage & HistoryImportStore =
            switch engine {
            case .sqlite: try SQLiteComplaintStore.open(path: path)
            case .postgres: try await ScratchDatabase.store()
            }
        var harness = HTTPHarness(path: path, store: store)
        if let now { harness.clock = FixedInstantSource(now) }
        let accounts: [(String, Actor, CreditCode?)] = [
            ("sme", Fixtures.sme, try CreditCode("91330100716105852F")),
            ("otherSME", Fixtures.otherSME, try CreditCode("91110108551385082Q")),
            ("intake", Fixtures.zhejiangIntake, nil),
            ("guangdongIntake", Fixtures.guangdongIntake, nil),
            ("handler", Fixtures.educationHandler, nil),
            ("supervisor", Fixtures.zhejiangSupervisor, nil),
            ("admin", Fixtures.admin, nil),
        ]
        for (name, actor, code) in accounts {
            let token = BearerToken.generate()
            try await harness.store.createAccount(
                Account(
                    id: actor.account, name: name, role: actor.role, province: actor.province, department: actor.department,
                    creditCode: code, createdAt: harness.clock.now(), verifiedAt: code == nil ? nil : harness.clock.now()),
                tokenDigest: BearerToken.digest(token))
            harness.tokens[name] = token
        }
        return harness
    }

    func application(_ configure: (inout ServerConfiguration) -> Void = { _ in }) throws -> some ApplicationProtocol {
        var configuration = ServerConfiguration()
        configuration.bodyLimit = 64 * 1024
        configuration.databasePath = path
        // The lowest bcrypt cost: the tests check behaviour, not the work factor.
        configuration.passwordCost = 4
        configure(&configuration)
        return try buildApplication(configuration: configuration, store: store, clock: clock, logger: .init(label: "test"))
    }

    /// Rows in the two tables a complaint writes, read straight from the file.
    func rowCounts() throws -> [Int] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            [try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM complaints")!, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM complaint_events")!]
        }
    }

    func headers(_ account: String?, _ extra: [String: String] = [:]) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let account { fields[.authorization] = "Bearer \(tokens[account]!)" }
        for (name, value) in extra { fields[HTTPField.Name(name)!] = value }
        return fields
    }
}

/// The filing of fixture complaints as the API takes it, to be changed field by field.
func filingJSON(_ change: (inout [String: Any]) -> Void = { _ in }) -> ByteBuffer {
    var filing: [String: Any] = [
        "complainant": [
            "name": "杭州示例建设有限公司", "creditCode": "91330100716105852F", "region": "330100", "industry": "construction",
            "declaredSize": "small", "contact": ["person": "王芳", "phone": "0571-87000000", "email": "wang.fang@example.cn"],
        ] as [String: Any],
        "respondent": [
            "name": "浙江省示例职业技术学院", "kind": "public_institution", "level": "provincial", "region": "330000", "supervisingAuthority": "浙江省教育厅",
        ],
        "contracts": [
            [
                "number": "ZJ-2025-0318", "subject": "works", "signedOn": "2025-03-18", "amount": 128_000_000, "deliveredOn": "2025-09-30",
                "paymentTermDays": 30, "amountOverdue": 45_600_000,
            ] as [String: Any]
        ],
        "facts": "校园道路改造工程已于2025年9月30日验收合格，尾款至今未付。",
        "demand": "支付尾款人民币45.6万元及逾期利息。",
        "otherBodyInvolved": false,
        "channel": "online",
    ]
    change(&filing)
    return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: filing, options: [.sortedKeys]))
}

/// Changes a nested field: `set(&filing, ["contracts", 0, "amount"], -1)`.
func set(_ object: inout [String: Any], _ path: [Any], _ value: Any?) {
    func update(_ node: Any, _ path: ArraySlice<Any>) -> Any? {
        guard let key = path.first else { return value }
        if let name = key as? String, var dictionary = node as? [String: Any] {
            dictionary[name] = update(dictionary[name] as Any, path.dropFirst())
            return dictionary
        }
        if let index = key as? Int, var array = node as? [Any] {
            array[index] = update(array[index], path.dropFirst()) as Any
            return array
        }
        return node
    }
    object = update(object, path[...]) as! [String: Any]
}

/// A response body as the contract's type: a body whose shape drifts from the contract fails the test where it is read.
func decoded<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
    try contractDecoder.decode(T.self, from: Data(buffer: response.body))
}

/// Instants as the server writes them (ISO 8601, with or without fractional seconds).
let contractDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
        let text = try decoder.singleValueContainer().decode(String.self)
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
    return decoder
}()

extension Components.Schemas.Problem {
    /// The stable last part of `type`: `validation`, `version-conflict`, …
    var kind: String { String(_type.dropFirst("https://arrears.dev/problems/".count)) }
    var fields: [String] { violations?.map(\.field) ?? [] }
    var rules: [String] { violations?.map(\.rule) ?? [] }
}

/// A problem+json body.
func problem(_ response: TestResponse) throws -> Components.Schemas.Problem {
    try decoded(Components.Schemas.Problem.self, response)
}

/// The complaint a complaint-detail response carries.
func complaint(_ response: TestResponse) throws -> Components.Schemas.Complaint {
    try decoded(Components.Schemas.ComplaintDetail.self, response).complaint
}
