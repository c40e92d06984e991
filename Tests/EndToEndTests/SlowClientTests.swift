import Foundation
import Testing

/// A client that trickles its request holds a connection no longer than the idle timeout.
@Suite("Slow clients", .serialized)
struct SlowClientTests {
    @Test("Headers sent half way and then nothing: the server closes the connection after --idle-timeout, and still serves others")
    func trickledHeaders() throws {
        let directory = try ServerProcess.temporaryDirectory()
        let server = ServerProcess(directory: directory)
        server.extraArguments = ["--idle-timeout", "1"]
        try server.start()
        defer { server.stop() }
        let port = server.baseURL.split(separator: ":").last.map(String.init) ?? ""
        let script = """
            import socket, sys, time
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            s.sendall(b"POST /v1/complaints HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Type: appl")
            s.settimeout(10)
            started = time.monotonic()
            data = s.recv(100)
            print("closed" if data == b"" else "answered", round(time.monotonic() - started, 1))
            fresh = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            fresh.sendall(b"GET /healthz HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n")
            print(fresh.recv(100).split(b"\\r\\n")[0].decode())
            """
        let result = try Binaries.run("/usr/bin/python3", ["-c", script, port], in: directory)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("closed") == true, "\(result.output)\(result.error)")
        let seconds = lines.first.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 99
        #expect(seconds >= 0.5 && seconds < 5, "closed after \(seconds) s")
        #expect(lines.last == "HTTP/1.1 200 OK")
    }
}
