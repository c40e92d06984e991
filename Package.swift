// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "arrears",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arrearsd", targets: ["arrearsd"]),
        .executable(name: "arrearsctl", targets: ["arrearsctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // The domain: values, the complaint, its lifecycle, deadlines, statistics. No I/O.
        .target(name: "ArrearsCore", swiftSettings: strict),
        // The store protocol in domain words.
        .target(
            name: "ArrearsStore",
            dependencies: ["ArrearsCore", .product(name: "Crypto", package: "swift-crypto")],
            resources: [
                .embedInCode("reference/cn-calendar.csv"), .embedInCode("reference/cn-regions.csv"), .embedInCode("reference/rule-sets.json"),
                .embedInCode("reference/routing.json"), .embedInCode("reference/sme-size-standard.csv"),
            ],
            swiftSettings: strict
        ),
        // The embedded default engine, on GRDB; runs the SQL migrations in Schemas/sqlite.
        .target(
            name: "ArrearsSQLite",
            dependencies: [
                "ArrearsStore", "ArrearsCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [
                .embedInCode("migrations/0001_complaints.sql"), .embedInCode("migrations/0002_reference_and_parties.sql"),
                .embedInCode("migrations/0003_audit_chain.sql"), .embedInCode("migrations/0004_sign_in.sql"),
                .embedInCode("migrations/0005_evidence.sql"), .embedInCode("migrations/0006_security_log.sql"),
                .embedInCode("migrations/0007_statistics.sql"), .embedInCode("migrations/0008_statistics_durations.sql"),
                .embedInCode("migrations/0009_statistics_publications.sql"), .embedInCode("migrations/0010_statistics_by_scope.sql"),
                .embedInCode("migrations/0011_export_columns.sql"),
                .embedInCode("migrations/0012_statistics_cells_by_key.sql"), .embedInCode("migrations/0013_outbox.sql"),
                .embedInCode("migrations/0014_one_sme_per_credit_code.sql"), .embedInCode("migrations/0015_sme_verification.sql"),
                .embedInCode("migrations/0016_issued_documents.sql"), .embedInCode("migrations/0017_search.sql"),
                .embedInCode("migrations/0018_filing_drafts.sql"),
            ],
            swiftSettings: strict
        ),
        // The scale-out engine, on postgres-nio; runs the SQL migrations in Schemas/postgres.
        .target(
            name: "ArrearsPostgres",
            dependencies: [
                "ArrearsStore", "ArrearsCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [
                .embedInCode("migrations/0001_schema.sql"), .embedInCode("migrations/0002_outbox.sql"),
                .embedInCode("migrations/0003_one_sme_per_credit_code.sql"), .embedInCode("migrations/0004_sme_verification.sql"),
                .embedInCode("migrations/0005_issued_documents.sql"), .embedInCode("migrations/0006_search.sql"),
                .embedInCode("migrations/0007_filing_drafts.sql"), .embedInCode("migrations/0008_no_hot_rows.sql"),
            ],
            swiftSettings: strict
        ),
        // The application layer every edge calls, in domain words: filing, deciding, viewing, queues, evidence, accounts and
        // signing in, statistics, exports, oversight; its refusals are `Refusal`. No HTTP, no OpenAPI types.
        .target(
            name: "ArrearsApplication",
            dependencies: [
                "ArrearsMessages",
                "ArrearsCore", "ArrearsStore",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Documents the platform issues (督办书), rendered with escaping by default.
            resources: [.embedInCode("templates/supervision-notice.mustache")],
            swiftSettings: strict
        ),
        // The words people read: one catalogue a language (Schemas/messages), which language a reader asked for, and the
        // core's facts worded in it (every edge words through here).
        .target(
            name: "ArrearsMessages",
            dependencies: ["ArrearsCore"],
            resources: [.embedInCode("messages/zh-CN.json"), .embedInCode("messages/en.json")],
            swiftSettings: strict
        ),
        // The complainant's web pages: server-rendered HTML over the application layer (never the API's generated types),
        // in the reader's language from the catalogue, sessions and form tokens, our own stylesheet.
        .target(
            name: "ArrearsWeb",
            dependencies: [
                "ArrearsApplication", "ArrearsCore", "ArrearsMessages", "ArrearsStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [
                .embedInCode("templates/layout.mustache"), .embedInCode("templates/error-summary.mustache"),
                .embedInCode("templates/home.mustache"), .embedInCode("templates/sign-in.mustache"),
                .embedInCode("templates/my-complaints.mustache"), .embedInCode("templates/complaint.mustache"),
                .embedInCode("templates/message.mustache"), .embedInCode("templates/confirm.mustache"),
                .embedInCode("templates/filing-start.mustache"), .embedInCode("templates/filing-tasks.mustache"),
                .embedInCode("templates/filing-section.mustache"), .embedInCode("templates/filing-check.mustache"),
                .embedInCode("templates/filed.mustache"), .embedInCode("templates/account.mustache"),
                .embedInCode("templates/calculator.mustache"), .embedInCode("templates/receipt.mustache"),
                .embedInCode("templates/size-test.mustache"),
                .embedInCode("templates/statistics.mustache"),
                .embedInCode("templates/filing-files.mustache"),
                .embedInCode("templates/password.mustache"),
                .embedInCode("static/portal.css"),
            ],
            swiftSettings: strict
        ),
        // Types, server stubs and client generated from Schemas/openapi.yaml, and the filing's wire form as domain values.
        .target(
            name: "ArrearsAPI",
            dependencies: ["ArrearsCore", .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // Handlers, authentication, problem+json, buildApplication.
        .target(
            name: "ArrearsHTTP",
            dependencies: [
                "ArrearsApplication", "ArrearsCore", "ArrearsStore", "ArrearsAPI", "ArrearsMessages", "ArrearsWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("openapi.yaml")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "arrearsd",
            dependencies: [
                "ArrearsMessages",
                "ArrearsHTTP", "ArrearsApplication", "ArrearsSQLite", "ArrearsPostgres", "ArrearsStore", "ArrearsCore", "ArrearsAPI",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "arrearsctl",
            dependencies: [
                "ArrearsMessages",
                "ArrearsAPI", "ArrearsCore", "ArrearsStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        // Fixtures, a fixed clock and the store contract suite every engine must pass.
        .target(
            name: "ArrearsTestSupport",
            dependencies: [
                "ArrearsCore", "ArrearsStore", "ArrearsPostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ArrearsCoreTests", dependencies: ["ArrearsCore", "ArrearsTestSupport"]),
        .testTarget(name: "ArrearsStoreTests", dependencies: ["ArrearsStore", "ArrearsTestSupport"]),
        .testTarget(
            name: "ArrearsApplicationTests",
            dependencies: ["ArrearsMessages", "ArrearsApplication", "ArrearsSQLite", "ArrearsStore", "ArrearsCore", "ArrearsTestSupport"]),
        .testTarget(
            name: "ArrearsSQLiteTests",
            dependencies: [
                "ArrearsSQLite", "ArrearsTestSupport", "ArrearsStore", "ArrearsCore", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ArrearsPostgresTests",
            dependencies: [
                "ArrearsPostgres", "ArrearsTestSupport", "ArrearsStore", "ArrearsCore", .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "ArrearsHTTPTests",
            dependencies: [
                "ArrearsHTTP", "ArrearsApplication", "ArrearsSQLite", "ArrearsPostgres", "ArrearsTestSupport", "ArrearsCore", "ArrearsStore",
                "ArrearsAPI", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        .testTarget(name: "ArrearsMessagesTests", dependencies: ["ArrearsMessages", "ArrearsCore", "ArrearsStore", "ArrearsTestSupport"]),
        // arrearsctl's own logic: what it prints.
        .testTarget(
            name: "ArrearsctlTests",
            dependencies: ["arrearsctl"]
        ),
        // Starts the real binaries: arrearsd serve, arrearsctl, SIGKILL and restart.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ArrearsTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
    ]
)
