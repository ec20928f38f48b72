import FlyingFox
import FlyingSocks
import Foundation
import PortalBuild
import PortalCore

/// `portal serve`: builds the site into a private temporary folder (never Public/), serves it over
/// HTTP, rebuilds after every change under Content/ or Themes/ and makes open pages reload.
///
/// ```swift
/// let server = PreviewServer(root: root, port: 0)
/// try await server.start()          // binds, builds once, starts watching
/// print(await server.url)           // http://127.0.0.1:41234/
/// for await build in server.builds { … }  // ends after stop()
/// await server.stop()               // closes connections, removes the build folder
/// ```
public actor PreviewServer {
    public nonisolated let root: URL
    public nonisolated let host: String
    /// The private folder of this server; the site is built into `output` inside it.
    public nonisolated let workspace: URL
    public nonisolated var output: URL { workspace.appendingPathComponent("site") }
    /// One event per build, the first one from `start()`; finishes when the server stops.
    public nonisolated let builds: AsyncStream<BuildEvent>

    /// The port asked for; 0 lets the system choose (see `port` after `start()`).
    private let requestedPort: UInt16
    /// How to build; its `output` is this server's private folder.
    private let options: BuildOptions
    /// Re-renders only the edited page when only a page's text changed.
    private let previews: PreviewSession
    /// Paths changed since the last build started; nil when unknown (build everything).
    private var changedPaths: Set<String>? = nil
    private let events: AsyncStream<BuildEvent>.Continuation
    /// Tells pages of a previous run of the server from this one's.
    private let session = String(UInt32.random(in: .min ... .max), radix: 36)
    private let live: LiveReload
    private var http: HTTPServer?
    /// The listening socket: checks each request's head before FlyingFox reads it.
    private var frontDoor: FrontDoor?
    /// Seconds a connection may stay silent (or take to send its request) before it is closed.
    public nonisolated let idleTimeout: TimeInterval
    private var listenError: (any Error)?
    private var watcher: SourceWatcher?
    private var buildNumber = 0
    /// Sources changed since the current build started reading them.
    private var dirty = false
    private var rebuilding: Task<Void, Never>?
    private var stopped = false

    /// The port the server listens on, known after `start()`.
    public private(set) var port: UInt16 = 0
    /// The path of the site's base_url (`--base-url` or site.yml): the preview is served there, as
    /// the published site will be.
    public private(set) var basePath = "/"

    /// Builds as `options` say (drafts, dates…), except that `options.output` is replaced by a
    /// private temporary folder.
    public init(build options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, idleTimeout: TimeInterval = 15) {
        root = options.root.standardizedFileURL
        self.host = host
        self.idleTimeout = idleTimeout
        requestedPort = port
        workspace = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
            .appendingPathComponent("portal-serve-\(UUID().uuidString)")
        var options = options
        options.root = root
        options.output = workspace.appendingPathComponent("site")
        self.options = options
        previews = PreviewSession(options: options)
        (builds, events) = AsyncStream.makeStream(of: BuildEvent.self, bufferingPolicy: .bufferingNewest(64))
        live = LiveReload(state: BuildState(token: "\(session)-0", errors: nil, language: .english))
    }

    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000, drafts: Bool = false) {
        self.init(build: BuildOptions(root: root, output: root, includeDrafts: drafts), host: host, port: port)
    }

    /// The address to open in a browser.
    public var url: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return "http://\(name):\(port)" + basePath
    }

    /// Listens, builds the site once and starts watching. Returns when the first build is served
    /// (a failed build too: its errors are the page). Throws when the address cannot be used.
    public func start() async throws(ServeError) {
        guard http == nil, !stopped else { return }
        _ = try Self.address(host: host, port: requestedPort)  // an IP address or localhost
        do {
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        } catch {
            throw ServeError(.serveCannotCreateWorkspace(folder: workspace.path, reason: error.localizedDescription))
        }
        // FlyingFox listens on a Unix socket in the private folder: no browser can reach it but
        // through the front door.
        let upstream = workspace.appendingPathComponent("http.sock").path
        let server = HTTPServer(address: sockaddr_un.unix(path: upstream), logger: .disabled)
        http = server  // before the first suspension: a stop() (Ctrl-C) may come at any await below
        await server.appendRoute("GET /__portal/events", to: .webSocket(live))
        await server.appendRoute("*", to: SiteHandler(output: output, live: live))
        Task {
            do { try await server.run() } catch { serverFailed(error) }
        }
        // FlyingFox reports a failed bind only through run(); wait for whichever comes first.
        while !(await server.isListening) {
            if let listenError {
                await stop()
                throw describe(listenError)
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        // A stop() that came before the server listened could not close it.
        guard !stopped else {
            await server.stop()
            return
        }
        do {
            let door = try FrontDoor(host: host, port: requestedPort, upstream: upstream, idleTimeout: idleTimeout)
            frontDoor = door
            port = door.port
            door.start()
        } catch {
            await stop()
            throw describe(code: error.code, error)
        }

        // Watch before the first build, so that a save during it is not missed.
        let watcher = SourceWatcher(root: root) { [weak self] paths in
            Task { await self?.sourcesChanged(paths) }
        }
        watcher.start()
        self.watcher = watcher
        dirty = true
        let first = Task { await rebuildWhileDirty(debounce: false) }
        rebuilding = first
        await first.value
    }

    /// Stops watching, waits for a running build, closes every connection and removes the build folder.
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        watcher?.stop()
        rebuilding?.cancel()
        await rebuilding?.value
        await live.close()
        frontDoor?.stop()
        await http?.stop(timeout: 0.5)
        try? FileManager.default.removeItem(at: workspace)
        events.finish()
    }

    /// The number of builds so far (the first one included).
    public var builtCount: Int { buildNumber }

    // MARK: Building

    /// The one step that turns the sources into the preview folder: a cached full build, or, when
    /// only pages' texts changed, those pages alone (`PreviewSession`).
    static func build(_ session: PreviewSession, changed: Set<String>?) async -> Result<BuildReport, BuildFailure> {
        await withCheckedContinuation { continuation in
            // The builder blocks and fans out on every core: keep it off Swift's small cooperative
            // thread pool, so that requests are still answered during a build. A queue of our own,
            // not a global one: it gets a thread even when the global ones are all busy.
            DispatchQueue(label: "portal.serve.build").async {
                continuation.resume(returning: Result { () throws(BuildFailure) -> BuildReport in
                    try session.build(changed: changed)
                })
            }
        }
    }

    private func sourcesChanged(_ paths: Set<String>?) {
        guard !stopped else { return }
        if !dirty && rebuilding == nil { changedPaths = [] }
        if let paths, changedPaths != nil { changedPaths!.formUnion(paths) } else { changedPaths = nil }
        dirty = true
        if rebuilding == nil {
            rebuilding = Task { await rebuildWhileDirty(debounce: true) }
        }
    }

    /// Builds until nothing changed during the last build. One loop at a time, so two builds never
    /// write the same folder at once.
    private func rebuildWhileDirty(debounce: Bool) async {
        var debounce = debounce
        while dirty, !stopped {
            // Editors save in several steps (write a temporary file, rename, change attributes):
            // wait until 100 ms pass without a change.
            while debounce, dirty, !stopped {
                dirty = false
                try? await Task.sleep(for: .milliseconds(100))
            }
            guard !stopped else { break }
            dirty = false
            debounce = true
            await rebuild()
        }
        rebuilding = nil
    }

    private func rebuild() async {
        await live.buildStarted()
        let clock = ContinuousClock()
        let start = clock.now
        let changed = changedPaths
        changedPaths = []
        let result = await Self.build(previews, changed: changed)
        let elapsed = start.duration(to: clock.now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        buildNumber += 1

        // The language of messages can change with site.yml; read it again every time.
        let language = Language.choose(siteLanguage: SiteLanguage.peek(root: root), environment: ProcessInfo.processInfo.environment)
        var errors: [String]?
        if case .failure(let failure) = result {
            errors = failure.diagnostics.map { $0.formatted(in: language) }
        }
        // base_url may change with site.yml too; a broken site.yml keeps the last one.
        if let config = try? options.loadConfig() { basePath = config.basePath }
        await live.publish(BuildState(token: "\(session)-\(buildNumber)", errors: errors, language: language, basePath: basePath))
        events.yield(BuildEvent(number: buildNumber, result: result, seconds: seconds))
    }

    // MARK: Listening

    private func serverFailed(_ error: any Error) {
        listenError = error
    }

    /// `127.0.0.1`, `::1`, `0.0.0.0`, `localhost`: FlyingFox binds to numeric addresses only.
    static func address(host: String, port: UInt16) throws(ServeError) -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        do {
            if name.contains(":") { return try sockaddr_in6.inet6(ip6: name, port: port) }
            return try sockaddr_in.inet(ip4: name, port: port)
        } catch {
            throw ServeError(.serveHostInvalid(host: host))
        }
    }

    private func describe(_ error: any Error) -> ServeError {
        let code: Int32? = if case SocketError.failed(_, let errno, _) = error { errno } else { nil }
        return describe(code: code, error)
    }

    private func describe(code: Int32?, _ error: any Error) -> ServeError {
        switch code {
        case EADDRINUSE:
            return ServeError(.servePortInUse(port: requestedPort, host: host))
        case EACCES:
            return ServeError(.servePortPrivileged(port: requestedPort))
        case EADDRNOTAVAIL:
            return ServeError(.serveHostNotLocal(host: host))
        default:
            let reason = code.map { String(cString: strerror($0)) } ?? error.localizedDescription
            return ServeError(.serveCannotListen(host: host, port: requestedPort, reason: reason))
        }
    }
}

/// One finished build of the preview.
public struct BuildEvent: Sendable {
    /// 1 for the build made by `start()`, then one more for each rebuild.
    public var number: Int
    public var result: Result<BuildReport, BuildFailure>
    public var seconds: Double
}

/// The server could not start; printed as one line, `portal: error: …`.
public struct ServeError: Error, Sendable, CustomStringConvertible {
    public var diagnostic: Diagnostic

    init(_ message: Message) {
        diagnostic = .error(at: nil, message)
    }

    public var description: String { diagnostic.formatted() }
}
