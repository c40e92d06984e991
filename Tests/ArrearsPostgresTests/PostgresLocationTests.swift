import ArrearsPostgres
import ArrearsTestSupport
import Testing

@Suite("PostgreSQL locations with a primary and its standbys")
struct PostgresLocationTests {
    @Test("A libpq URL with two hosts names both, in order, with the password hidden wherever it is shown")
    func twoHosts() throws {
        let text = "postgres://arrears:s%40cret@10.20.0.11:5432,10.20.0.12:6432/arrears?sslmode=require"
        let location = try PostgresLocation(url: text)
        #expect(location.hosts.map(\.description) == ["10.20.0.11:5432", "10.20.0.12:6432"])
        #expect(location.username == "arrears" && location.database == "arrears" && location.sslMode == "require")
        #expect(location.description == "postgres://arrears:****@10.20.0.11:5432,10.20.0.12:6432/arrears?sslmode=require")
        #expect(PostgresLocation.masked(text) == "postgres://arrears:****@10.20.0.11:5432,10.20.0.12:6432/arrears?sslmode=require")
        #expect(location.only(location.hosts[1]).description == "postgres://arrears:****@10.20.0.12:6432/arrears?sslmode=require")
    }

    @Test("A host without a port is on 5432; an IPv6 host keeps its brackets when shown")
    func defaults() throws {
        let location = try PostgresLocation(url: "postgresql://postgres@[::1]:5433,db-standby.internal/arrears")
        #expect(location.hosts.map(\.host) == ["::1", "db-standby.internal"])
        #expect(location.hosts.map(\.port) == [5433, 5432])
        #expect(location.hosts[0].description == "[::1]:5433")
    }

    @Test("An empty host in the list, or no host at all, is refused with the form expected")
    func refused() {
        for text in ["postgres://arrears@10.20.0.11,/arrears", "postgres://arrears@,10.20.0.12/arrears", "postgres:///arrears"] {
            #expect(throws: PostgresLocationError.self, "\(text)") { try PostgresLocation(url: text) }
        }
    }

    @Test(
        "Of two hosts the one that accepts writes is used: the first listed cannot be reached, the store works on the second",
        .enabled(if: ScratchDatabase.url != nil, Comment(rawValue: ScratchDatabase.skipped)))
    func findsThePrimary() async throws {
        let scratch = try await ScratchDatabase.make()
        // Port 1 on the loopback: nothing listens, so a connect is refused at once (a host that is down).
        let both = try PostgresLocation(
            url: "postgres://\(scratch.username)@127.0.0.1:1,\(scratch.host):\(scratch.port)/\(scratch.database)?sslmode=disable")
        let store = try await PostgresComplaintStore.open(both, logger: ScratchDatabase.logger, connections: 2)
        #expect(store.primaryHost == scratch.hosts[0])
        try await store.running {
            #expect(await store.readinessProblem() == nil, "the schema was migrated on the primary and is read from it")
        }
    }
}
