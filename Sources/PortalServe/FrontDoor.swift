import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The preview's listening socket. It reads each request's head itself, with limits, before
/// FlyingFox (listening on a Unix socket in the preview's private folder, out of any browser's
/// reach) sees a byte of it:
/// - a request line longer than `maxRequestLine` gets 414, a head longer than `maxHead` 431
///   (FlyingFox's line reading is quadratic: a 300 KB line took 33 s);
/// - a connection that sends nothing for `idleTimeout` is closed (408 when a head was begun);
/// - only `Host` names of the listening address are answered (localhost, an IP address, the
///   `--host` given), others get 421: a DNS-rebinding page on another name cannot read the
///   preview (drafts included);
/// - a WebSocket upgrade from a page of another origin gets 403.
/// Each request is then handed to FlyingFox with `Connection: close` and the answer piped back.
final class FrontDoor: Sendable {
    static let maxRequestLine = 8 * 1024
    static let maxHead = 64 * 1024
    /// Connections served at once; more are closed at once.
    static let maxConnections = 64

    let port: UInt16
    private let listener: Int32
    private let upstream: String
    private let host: String
    private let idleTimeout: TimeInterval
    /// The open connections, and whether `stop()` was called: shared by the accepting thread,
    /// the connections' threads and the server.
    private struct State {
        var connections: Set<Int32> = []
        var stopped = false
    }
    private let state = Mutex(State())

    /// Binds `host:port` (`host` already checked to be an IP address or localhost). Throws the
    /// errno of the failed call.
    init(host: String, port: UInt16, upstream: String, idleTimeout: TimeInterval) throws(FrontDoorError) {
        self.host = host
        self.upstream = upstream
        self.idleTimeout = idleTimeout
        let name = host == "localhost" ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let v6 = name.contains(":")
        let fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw FrontDoorError(code: errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var storage = sockaddr_storage()
        var length: socklen_t
        if v6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            inet_pton(AF_INET6, name, &address.sin6_addr)
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            withUnsafeMutableBytes(of: &storage) { raw in
                withUnsafeBytes(of: address) { raw.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            inet_pton(AF_INET, name, &address.sin_addr)
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutableBytes(of: &storage) { raw in
                withUnsafeBytes(of: address) { raw.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
        }
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw FrontDoorError(code: code)
        }
        var actual = sockaddr_storage()
        var actualLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        let portBytes = withUnsafeBytes(of: actual) { raw -> UInt16 in
            // sin_port and sin6_port are both at offset 2, in network order.
            UInt16(raw[2]) << 8 | UInt16(raw[3])
        }
        self.port = portBytes
        listener = fd
    }

    /// Accepts connections on a thread of its own until `stop()`.
    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "portal.serve.accept"
        thread.start()
    }

    /// Stops accepting and ends every open connection.
    func stop() {
        let open = state.withLock { state in
            state.stopped = true
            return state.connections
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            let acceptError = errno
            if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            let (isStopped, full) = state.withLock { state in
                let full = state.connections.count >= Self.maxConnections
                if fd >= 0 && !state.stopped && !full { state.connections.insert(fd) }
                return (state.stopped, full)
            }
            if isStopped {
                if fd >= 0 { close(fd) }
                return
            }
            if fd >= 0 && full {
                close(fd)
                continue
            }
            guard fd >= 0 else {
                errno = acceptError
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno == EMFILE || errno == ENFILE { usleep(10_000); continue }
                return
            }
            let thread = Thread { [self] in
                serve(fd)
                _ = state.withLock { $0.connections.remove(fd) }
                close(fd)
            }
            thread.name = "portal.serve.connection"
            thread.start()
        }
    }

    // MARK: One connection

    private func serve(_ client: Int32) {
        setTimeout(client, idleTimeout)
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var headEnd: Int?
        while headEnd == nil {
            let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                // Closed, or idle too long: an unfinished head is told so.
                if n < 0 && !buffer.isEmpty && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    reply(client, 408, "Request Timeout", "408 request timeout: the request did not arrive in time\n")
                }
                return
            }
            let searchFrom = max(0, buffer.count - 3)
            buffer += chunk[..<n]
            headEnd = Self.find([13, 10, 13, 10], in: buffer, from: searchFrom)
            let lineEnd = Self.find([13, 10], in: buffer, from: 0)
            if (lineEnd ?? buffer.count) > Self.maxRequestLine {
                reply(client, 414, "URI Too Long", "414 the request line is longer than \(Self.maxRequestLine) bytes\n")
                return
            }
            if headEnd == nil && buffer.count > Self.maxHead {
                reply(client, 431, "Request Header Fields Too Large", "431 the request head is longer than \(Self.maxHead) bytes\n")
                return
            }
        }
        let end = headEnd! + 4
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst()
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                            line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

        guard let hostHeader = header("host"), isAllowed(authority: hostHeader) else {
            reply(client, 421, "Misdirected Request",
                  "421 this preview answers only to the addresses it listens on (http://\(displayHost):\(port)/)\n")
            return
        }
        let isUpgrade = header("upgrade")?.lowercased().contains("websocket") == true
        if isUpgrade, let origin = header("origin") {
            guard origin.hasPrefix("http://"), isAllowed(authority: String(origin.dropFirst("http://".count))) else {
                reply(client, 403, "Forbidden", "403 a page of another site may not connect to the preview\n")
                return
            }
        }
        guard let server = connectUpstream() else {
            reply(client, 502, "Bad Gateway", "502 the preview server is not running\n")
            return
        }
        defer { close(server) }
        // One request per connection: the next one passes through these checks again.
        var forwarded = requestLine + "\r\n"
        for (name, value) in zip(headers.map(\.name), headers.map(\.value))
        where isUpgrade || (name != "connection" && name != "keep-alive") {
            forwarded += "\(name): \(value)\r\n"
        }
        if !isUpgrade { forwarded += "connection: close\r\n" }
        forwarded += "\r\n"
        guard sendAll(server, Array(forwarded.utf8) + buffer[end...]) else { return }
        pipe(client: client, server: server, upgraded: isUpgrade)
    }

    /// Copies bytes both ways until the server closes (or the browser goes away).
    private func pipe(client: Int32, server: Int32, upgraded: Bool) {
        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: server, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 65536)
        // A plain request is answered within FlyingFox's own 15 s; a WebSocket waits for builds.
        let timeout: Int32 = upgraded ? -1 : Int32(max(idleTimeout, 60) * 1000)
        while true {
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return }
            for index in 0..<2 where fds[index].revents != 0 {
                let from = fds[index].fd, to = index == 0 ? server : client
                let n = chunk.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if n < 0 && (errno == EAGAIN || errno == EINTR) { continue }
                if n <= 0 {
                    if index == 1 { return }  // the answer is complete
                    // The browser finished sending (or left): the answer may still come.
                    shutdown(server, Int32(SHUT_WR))
                    fds[0].fd = -1
                    continue
                }
                if !sendAll(to, Array(chunk[..<n])) { return }
            }
        }
    }

    private func connectUpstream() -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(upstream.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { close(fd); return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
            raw[path.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else { close(fd); return nil }
        return fd
    }

    // MARK: Host names

    private var displayHost: String {
        host == "0.0.0.0" || host == "::" ? "127.0.0.1" : (host.contains(":") ? "[\(host)]" : host)
    }

    /// `name[:port]` names this server: localhost or an IP address (a DNS rebinding attack needs
    /// a name of its own), or the `--host` given, with the listening port (or none for port 80).
    func isAllowed(authority: String) -> Bool {
        var name = authority.lowercased()
        var portText: Substring? = nil
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            let rest = name[name.index(after: close)...]
            if rest.hasPrefix(":") { portText = rest.dropFirst() } else if !rest.isEmpty { return false }
            name = String(name[name.index(after: name.startIndex)..<close])
        } else if let colon = name.lastIndex(of: ":") {
            portText = name[name.index(after: colon)...]
            name = String(name[..<colon])
        }
        if let portText {
            guard UInt16(portText) == port else { return false }
        } else if port != 80 {
            return false
        }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name == host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) { return true }
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }

    // MARK: Sockets

    private func reply(_ fd: Int32, _ status: Int, _ reason: String, _ body: String) {
        let bytes = Array(body.utf8)
        let head = "HTTP/1.1 \(status) \(reason)\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: \(bytes.count)\r\nconnection: close\r\n\r\n"
        _ = sendAll(fd, Array(head.utf8) + bytes)
        // Closing with unread input would reset the connection and lose the answer: say we are
        // done, then read (and drop) what the client is still sending, for a moment.
        shutdown(fd, Int32(SHUT_WR))
        setTimeout(fd, 1)
        var chunk = [UInt8](repeating: 0, count: 65536)
        var drained = 0
        while drained < 4 << 20 {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            drained += n
        }
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    private func setTimeout(_ fd: Int32, _ seconds: TimeInterval) {
        var limit = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - floor(seconds)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

struct FrontDoorError: Error {
    var code: Int32
}
