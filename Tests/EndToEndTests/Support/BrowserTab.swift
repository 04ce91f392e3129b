import Foundation

/// One tab of a `Chromium`: navigation, script, keyboard and screenshots, and what the page logged.
final class BrowserTab {
    let browser: Chromium
    let session: String
    let target: String
    /// Index into the browser's events where the current page's began.
    private var pageStart = 0

    init(browser: Chromium, session: String, target: String) {
        self.browser = browser; self.session = session; self.target = target
    }

    /// A command in this tab.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], timeout: TimeInterval = 30) throws -> [String: Any] {
        try browser.send(method, params, session: session, timeout: timeout)
    }

    /// Sets the viewport to `width` × `height` CSS pixels at 1 device pixel each.
    func resize(width: Int, height: Int = 900, mobile: Bool = false) throws {
        try send("Emulation.setDeviceMetricsOverride",
                 ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile])
    }

    /// Loads `url` and waits for its load event.
    func open(_ url: URL) throws {
        pageStart = browser.events.count
        let navigation = try send("Page.navigate", ["url": url.absoluteString])
        if let error = navigation["errorText"] as? String { throw Chromium.Failure(description: "\(url.path): \(error)") }
        _ = try browser.waitForEvent("Page.loadEventFired", session: session, after: pageStart)
    }

    /// The value of a script expression (awaited when it is a promise); throws the page's exception.
    @discardableResult
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let text = (exception["exception"] as? [String: Any])?["description"] ?? exception["text"] ?? exception
            throw Chromium.Failure(description: "script failed: \(text)\n\(expression)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// The value of `expression` as JSON text turned back into a Swift value (for arrays and objects).
    func json(_ expression: String) throws -> Any {
        guard let text = try evaluate("JSON.stringify(\(expression))") as? String else {
            throw Chromium.Failure(description: "not JSON: \(expression)")
        }
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// Presses and releases a key (`ArrowRight`, `Home`, `End`, `Tab`, `Enter`, ` `) as the keyboard would.
    func press(_ key: String) throws {
        let codes: [String: (code: String, vk: Int, text: String?)] = [
            "ArrowRight": ("ArrowRight", 39, nil), "ArrowLeft": ("ArrowLeft", 37, nil), "Home": ("Home", 36, nil),
            "End": ("End", 35, nil), "Tab": ("Tab", 9, nil), "Enter": ("Enter", 13, "\r"), " ": ("Space", 32, " "),
        ]
        guard let code = codes[key] else { throw Chromium.Failure(description: "no key code for \(key)") }
        var down: [String: Any] = ["type": code.text == nil ? "rawKeyDown" : "keyDown", "key": key, "code": code.code,
                                   "windowsVirtualKeyCode": code.vk, "nativeVirtualKeyCode": code.vk]
        if let text = code.text { down["text"] = text; down["unmodifiedText"] = text }
        try send("Input.dispatchKeyEvent", down)
        try send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key, "code": code.code,
                                            "windowsVirtualKeyCode": code.vk, "nativeVirtualKeyCode": code.vk])
    }

    /// Events of `method` since the page was opened.
    func events(_ method: String) -> [[String: Any]] {
        browser.events[pageStart...].filter { $0.method == method && $0.session == session }.map(\.params)
    }

    /// Console errors and warnings, uncaught exceptions and browser log errors since the page was opened.
    var problems: [String] {
        var found: [String] = []
        for event in events("Runtime.consoleAPICalled") where ["error", "warning", "assert"].contains(event["type"] as? String ?? "") {
            let args = (event["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
            found.append("console.\(event["type"] ?? ""): \(args.joined(separator: " "))")
        }
        for event in events("Runtime.exceptionThrown") {
            let details = event["exceptionDetails"] as? [String: Any] ?? [:]
            found.append("exception: \((details["exception"] as? [String: Any])?["description"] ?? details["text"] ?? "")")
        }
        for event in events("Log.entryAdded") {
            let entry = event["entry"] as? [String: Any] ?? [:]
            if ["error", "warning"].contains(entry["level"] as? String ?? "") {
                found.append("log \(entry["level"] ?? ""): \(entry["text"] ?? "") \(entry["url"] ?? "")")
            }
        }
        return found
    }

    /// The URL of every request the page made since it was opened.
    var requests: [String] {
        events("Network.requestWillBeSent").compactMap { ($0["request"] as? [String: Any])?["url"] as? String }
    }

    /// The whole page at the current width as PNGs of at most `tile` CSS pixels high each, top to bottom
    /// (small enough to look at one by one).
    func screenshots(tile: Int = 1400) throws -> [Data] {
        let height = try evaluate("Math.ceil(document.documentElement.scrollHeight)") as? Int ?? 900
        let width = try evaluate("document.documentElement.clientWidth") as? Int ?? 1280
        return try stride(from: 0, to: height, by: tile).map { top in
            try screenshot(x: 0, y: Double(top), width: Double(width), height: Double(min(tile, height - top)))
        }
    }

    /// A PNG of the page's rectangle at (`x`, `y`) from its top-left corner, in CSS pixels.
    func screenshot(x: Double, y: Double, width: Double, height: Double) throws -> Data {
        let shot = try send("Page.captureScreenshot", [
            "format": "png", "captureBeyondViewport": true,
            "clip": ["x": x, "y": y, "width": width, "height": height, "scale": 1],
        ], timeout: 60)
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Chromium.Failure(description: "no screenshot data")
        }
        return data
    }
}
