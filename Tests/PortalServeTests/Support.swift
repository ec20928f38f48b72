import Foundation
import PortalServe

#if canImport(Glibc)
import Glibc
#endif

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/sites")

struct TestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A throw-away copy of a fixture site, served on a free loopback port.
struct ServedSite {
    let root: URL
    let server: PreviewServer
    let port: UInt16

    /// Runs `body` with a started server and stops it afterwards, whatever happened.
    static func with(_ fixture: String = "basic", _ body: (ServedSite) async throws -> Void) async throws {
        let root = try copyFixture(fixture)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let server = PreviewServer(root: root, port: 0)
        try await server.start()
        let site = ServedSite(root: root, server: server, port: await server.port)
        do {
            try await body(site)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func copyFixture(_ name: String) throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portal-serve-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let root = base.appendingPathComponent("site")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: root)
        return root
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func get(_ target: String, method: String = "GET") async throws -> HTTPResult {
        try await HTTPResult.fetch(target, port: port, method: method)
    }

    /// Asks again every 50 ms until `condition` holds; fails after `seconds`.
    func eventually(_ target: String, within seconds: Double = 2, _ condition: (HTTPResult) -> Bool) async throws -> HTTPResult {
        let deadline = Date().addingTimeInterval(seconds)
        var last = try await get(target)
        while !condition(last) {
            guard Date() < deadline else {
                throw TestError("\(target) did not change within \(seconds) s; last answer: \(last.status)\n\(last.body.prefix(2000))")
            }
            try await Task.sleep(for: .milliseconds(50))
            last = try await get(target)
        }
        return last
    }
}

/// An HTTP/1.1 response read off a raw socket: no redirects followed, nothing cached.
struct HTTPResult: Sendable {
    var status: Int
    var headers: [String: String]  // lowercased names
    var body: String

    static func fetch(_ target: String, port: UInt16, method: String = "GET") async throws -> HTTPResult {
        try await offThePool {
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            try socket.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            return try HTTPResult(parsing: socket.readToEnd())
        }
    }

    init(parsing bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw TestError("no header end in: \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw TestError("no status line in: \(text)")
        }
        self.status = status
        headers = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        body = String(text[split.upperBound...])
    }
}

/// Blocking socket calls run on a thread of their own: on a two-core machine Swift's cooperative
/// pool and Dispatch's global queues have two threads each, and the server under test needs them.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A blocking TCP client socket to 127.0.0.1, every read limited to a few seconds.
final class RawSocket: Sendable {
    let fd: Int32

    init(port: UInt16, timeout: Int = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestError("socket: \(errno)") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestError("connect to port \(port): errno \(code)")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw TestError("send: errno \(errno)") }
            sent += n
        }
    }

    /// Exactly `count` bytes.
    func read(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = bytes[got...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw TestError(n == 0 ? "connection closed" : "timed out waiting for data (errno \(errno))") }
            got += n
        }
        return bytes
    }

    func readToEnd() throws -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return result }
            guard n > 0 else { throw TestError("timed out reading the response (errno \(errno))") }
            result += chunk[..<n]
        }
    }

    /// Up to and including the empty line after the headers.
    func readHead() throws -> String {
        var bytes: [UInt8] = []
        while !bytes.ends(with: Array("\r\n\r\n".utf8)) { bytes += try read(1) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func close() {
        Glibc.close(fd)
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}

/// The browser's side of `/__portal/events`: a WebSocket handshake, then text frames.
final class ReloadListener: Sendable {
    let socket: RawSocket

    init(port: UInt16) async throws {
        socket = try RawSocket(port: port)
        let head = try await offThePool { [socket] in
            try socket.send("""
            GET /__portal/events HTTP/1.1\r
            Host: 127.0.0.1:\(port)\r
            Upgrade: websocket\r
            Connection: Upgrade\r
            Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
            Sec-WebSocket-Version: 13\r
            \r

            """)
            return try socket.readHead()
        }
        guard head.hasPrefix("HTTP/1.1 101") else { throw TestError("no WebSocket upgrade: \(head)") }
    }

    /// The next text message (server frames are not masked; pings are skipped).
    func next() async throws -> String {
        try await offThePool { [socket] in
            while true {
                let header = try socket.read(2)
                let opcode = header[0] & 0x0F
                var length = Int(header[1] & 0x7F)
                if length == 126 {
                    length = try socket.read(2).reduce(0) { $0 << 8 | Int($1) }
                } else if length == 127 {
                    length = try socket.read(8).reduce(0) { $0 << 8 | Int($1) }
                }
                let payload = try socket.read(length)
                switch opcode {
                case 0x1: return String(decoding: payload, as: UTF8.self)
                case 0x8: throw TestError("the server closed the WebSocket")
                default: continue
                }
            }
        }
    }

    func close() {
        socket.close()
    }
}
