import Foundation
import PortalBuild
import PortalServe
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The preview's listening socket checks every request before FlyingFox reads it (issue 12).
@Suite(.serialized) struct FrontDoorTests {
    static func raw(_ request: String, port: UInt16) async throws -> String {
        try await offThePool {
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            try? socket.send(request)
            return String(decoding: try socket.readToEnd(), as: UTF8.self)
        }
    }

    static func status(_ response: String) -> String {
        response.components(separatedBy: "\r\n").first ?? ""
    }

    @Test func aLongRequestLineGets414() async throws {
        try await ServedSite.with { site in
            let path = "/" + String(repeating: "a", count: 300_000)
            let response = try await Self.raw("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(site.port)\r\n\r\n", port: site.port)
            #expect(Self.status(response) == "HTTP/1.1 414 URI Too Long")
            let headers = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(site.port)\r\n" + String(repeating: "X-Filler: \(String(repeating: "b", count: 1000))\r\n", count: 80)
            #expect(Self.status(try await Self.raw(headers + "\r\n", port: site.port)) == "HTTP/1.1 431 Request Header Fields Too Large")
            #expect(try await site.get("/about/").status == 200)
        }
    }

    @Test(arguments: ["127.0.0.1", "localhost", "[::1]", "LOCALHOST", "192.168.1.5"])
    func hostsOfTheListeningAddressAreAnswered(host: String) async throws {
        try await ServedSite.with { site in
            let response = try await Self.raw("GET /about/ HTTP/1.1\r\nHost: \(host):\(site.port)\r\nConnection: close\r\n\r\n", port: site.port)
            #expect(Self.status(response) == "HTTP/1.1 200 OK")
        }
    }

    @Test(arguments: ["evil.example", "127.0.0.1.nip.io", "localhost.evil.example"])
    func otherHostNamesGet421(host: String) async throws {
        try await ServedSite.with { site in
            let response = try await Self.raw("GET /about/ HTTP/1.1\r\nHost: \(host):\(site.port)\r\n\r\n", port: site.port)
            #expect(Self.status(response) == "HTTP/1.1 421 Misdirected Request")
            #expect(!response.contains("Тестовый портал"))
            // The right name on another port, and no Host at all, are refused too.
            let wrongPort = try await Self.raw("GET /about/ HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n", port: site.port)
            #expect(Self.status(wrongPort) == "HTTP/1.1 421 Misdirected Request")
            let noHost = try await Self.raw("GET /about/ HTTP/1.0\r\n\r\n", port: site.port)
            #expect(Self.status(noHost) == "HTTP/1.1 421 Misdirected Request")
        }
    }

    @Test func aWebSocketFromAnotherOriginGets403() async throws {
        try await ServedSite.with { site in
            func upgrade(origin: String) async throws -> String {
                try await Self.raw("""
                GET /__portal/events HTTP/1.1\r
                Host: 127.0.0.1:\(site.port)\r
                Upgrade: websocket\r
                Connection: Upgrade\r
                Origin: \(origin)\r
                Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
                Sec-WebSocket-Version: 13\r
                \r

                """, port: site.port)
            }
            #expect(Self.status(try await upgrade(origin: "http://evil.example")) == "HTTP/1.1 403 Forbidden")
            #expect(Self.status(try await upgrade(origin: "http://127.0.0.1:1")) == "HTTP/1.1 403 Forbidden")
            #expect(Self.status(try await upgrade(origin: "null")) == "HTTP/1.1 403 Forbidden")
            let listener = try await ReloadListener(port: site.port)  // no Origin: not a browser page
            defer { listener.close() }
            #expect(try await listener.next().hasPrefix("build "))
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        let root = try ServedSite.copyFixture("basic")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let server = PreviewServer(build: BuildOptions(root: root, output: root), port: 0, idleTimeout: 0.5)
        try await server.start()
        let port = await server.port
        // Silent: closed without an answer (RawSocket would time out after 5 s instead).
        #expect(try await Self.raw("", port: port) == "")
        // A head begun and never finished: 408.
        #expect(Self.status(try await Self.raw("GET /about/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n", port: port))
            == "HTTP/1.1 408 Request Timeout")
        #expect(try await HTTPResult.fetch("/about/", port: port).status == 200)
        await server.stop()
    }
}
