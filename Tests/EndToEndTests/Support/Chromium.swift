import Foundation
import TestSupport

/// Debian's headless Chromium, started by the test and driven over the DevTools protocol on a pipe.
///
/// With `--remote-debugging-pipe` the browser reads commands on its file descriptor 3 and writes
/// replies and events on 4, each one JSON text ended by a NUL byte. Every wait has a deadline, so a
/// browser that hangs fails the test instead of stalling it; nothing depends on how fast the machine is.
final class Chromium {
    /// A failure to start or talk to the browser, or a command the browser refused.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One event the browser sent: its method, parameters and the session (tab) it came from.
    struct Event {
        var method: String
        var params: [String: Any]
        var session: String?
    }

    private var pid: pid_t = 0
    private let commands: Int32
    private let replies: Int32
    private var buffer: [UInt8] = []
    private var nextID = 0
    private let profile: TemporaryFolder
    /// Every event received so far, in order.
    private(set) var events: [Event] = []

    /// The browser: `chromium` on the PATH (scripts/deps.sh installs it).
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts a headless browser with a fresh profile.
    init() throws {
        guard let executable = Self.executable else {
            throw Failure(description: "chromium is not installed: run `make test`, whose scripts/deps.sh installs it")
        }
        profile = try TemporaryFolder(prefix: "steptrace-chromium")
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe: \(errno)") }
        // Out of the way of 3 and 4, so the child's dup2 calls cannot overwrite one with the other.
        let childRead = fcntl(toBrowser[0], F_DUPFD, 100), childWrite = fcntl(fromBrowser[1], F_DUPFD, 100)
        for fd in [toBrowser[0], fromBrowser[1]] { Glibc.close(fd) }
        commands = toBrowser[1]
        replies = fromBrowser[0]
        for fd in [commands, replies] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, profile.path("browser.log"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_adddup2(&actions, childRead, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrite, 4)
        posix_spawn_file_actions_addclose(&actions, childRead)
        posix_spawn_file_actions_addclose(&actions, childWrite)
        let arguments = [executable, "--headless", "--no-sandbox", "--remote-debugging-pipe", "--disable-gpu",
                         "--user-data-dir=\(profile.path("profile"))", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-background-networking", "--disable-sync",
                         "--disable-component-update", "--mute-audio", "--hide-scrollbars", "about:blank"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let status = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        Glibc.close(childRead)
        Glibc.close(childWrite)
        guard status == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))") }
    }

    deinit { close() }

    /// Asks the browser to quit, then waits for it (and kills it when it does not go within 10 s).
    func close() {
        guard pid > 0 else { return }
        _ = try? send("Browser.close", timeout: 5)
        let deadline = Date().addingTimeInterval(10)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); break }
            usleep(50_000)
        }
        pid = 0
        Glibc.close(commands)
        Glibc.close(replies)
    }

    /// Sends a command and waits for its reply's `result`; events arriving meanwhile are kept.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 30) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(commands, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "\(method): the browser's pipe is closed") }
            written += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try receive(until: deadline, waitingFor: method)
            guard let replyID = reply["id"] as? Int, replyID == id else { continue }
            if let error = reply["error"] as? [String: Any] {
                throw Failure(description: "\(method): \(error["message"] ?? error)")
            }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// Waits until an event `method` (of `session`) has arrived since `index` in `events`, and returns it.
    func waitForEvent(_ method: String, session: String?, after index: Int = 0, timeout: TimeInterval = 30) throws -> Event {
        let deadline = Date().addingTimeInterval(timeout)
        var checked = index
        while true {
            while checked < events.count {
                let event = events[checked]
                checked += 1
                if event.method == method && event.session == session { return event }
            }
            _ = try receive(until: deadline, waitingFor: method)
        }
    }

    /// Reads the next message (an event is also appended to `events`).
    private func receive(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let text = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let message = try JSONSerialization.jsonObject(with: text) as? [String: Any] else { continue }
                if let method = message["method"] as? String {
                    events.append(Event(method: method, params: message["params"] as? [String: Any] ?? [:],
                                        session: message["sessionId"] as? String))
                }
                return message
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "no answer from chromium for \(what) in time; its log: \(log)") }
            var poller = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 1) * 1000)) >= 0 else { continue }
            guard poller.revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(replies, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "chromium closed its pipe while waiting for \(what); its log: \(log)") }
            buffer += chunk[..<n]
        }
    }

    /// The last lines the browser printed.
    var log: String {
        let text = (try? String(contentsOfFile: profile.path("browser.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// A new tab, attached, with page, runtime, log and network events on.
    func newTab() throws -> BrowserTab {
        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no target id") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "no session id") }
        let tab = BrowserTab(browser: self, session: session, target: targetID)
        for domain in ["Page", "Runtime", "Log", "Network"] { try tab.send("\(domain).enable") }
        return tab
    }
}
