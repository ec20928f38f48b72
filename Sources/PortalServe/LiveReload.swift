import FlyingFox
import Foundation
import PortalCore

/// What the last build left for the browser: its token and, when it failed, its error lines.
struct BuildState: Sendable {
    /// Changes with every build, success or failure, and with every start of the server, so a page
    /// reloads after a restart too: `<session>-<build number>`.
    var token: String
    /// The failed build's problems, formatted as the terminal prints them; nil after a success.
    var errors: [String]?
    var language: Language
    /// The path the site is served under (the path of base_url: `/`, `/nastavnichestvo/`).
    var basePath = "/"
}

/// Tells open pages that a build finished, over a WebSocket at `/__portal/events`.
///
/// A WebSocket rather than server-sent events: FlyingFox supports WebSockets out of the box (a
/// `WSMessageHandler` returns a stream of messages; no hand-made chunked body), and a WebSocket does
/// not count against the browser's six HTTP/1.1 connections per host, which a teacher with seven
/// preview tabs would hit with an `EventSource` in each. Reconnecting is three lines of script.
///
/// Every client gets `build <token>` when it connects and `reload <token>` after every build; the
/// page reloads when the token differs from the one it was served with. That also covers a build
/// that finished while the page was loading, and a server that was restarted.
actor LiveReload: WSMessageHandler {
    private(set) var state: BuildState
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    private var closed = false
    private var building = false
    private var waitingForBuild: [CheckedContinuation<Void, Never>] = []

    init(state: BuildState) {
        self.state = state
    }

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (messages, continuation) = AsyncStream.makeStream(of: WSMessage.self)
        guard !closed else {
            continuation.yield(.close(.goingAway))
            continuation.finish()
            return messages
        }
        let id = UUID()
        clients[id] = continuation
        // The stream ends when the browser goes away (FlyingFox cancels its reading of it).
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(.text("build \(state.token)"))
        return messages
    }

    /// The state of the last finished build. During a build it waits for the build to finish: the
    /// builder swaps the new files in before `publish` gives their token, and a page read in
    /// between would carry the old token and reload once more for nothing.
    func settledState() async -> BuildState {
        while building {
            await withCheckedContinuation { waitingForBuild.append($0) }
        }
        return state
    }

    func buildStarted() {
        building = true
    }

    func publish(_ state: BuildState) {
        self.state = state
        building = false
        waitingForBuild.forEach { $0.resume() }
        waitingForBuild = []
        for client in clients.values {
            client.yield(.text("reload \(state.token)"))
        }
    }

    /// Says goodbye to every page (they will try to reconnect every second until a server is back).
    func close() {
        closed = true
        for client in clients.values {
            client.yield(.close(.goingAway))
            client.finish()
        }
        clients = [:]
    }

    private func remove(_ id: UUID) {
        clients[id] = nil
    }

    /// The script injected into every HTML response of the preview (never into files on disk).
    static func script(token: String) -> String {
        """
        <script>/* portal serve: reload after every build */ (() => {
          const build = "\(token)";
          const connect = () => {
            const socket = new WebSocket(location.origin.replace(/^http/, "ws") + "/__portal/events");
            socket.onmessage = (event) => { if (event.data.split(" ")[1] !== build) location.reload(); };
            socket.onclose = () => setTimeout(connect, 1000);
          };
          connect();
        })();</script>

        """
    }

    /// Puts the script before the last `</body>`, or at the end of a page without one.
    static func inject(_ script: String, into html: String) -> String {
        guard let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + script }
        var result = html
        result.insert(contentsOf: script, at: body.lowerBound)
        return result
    }
}
