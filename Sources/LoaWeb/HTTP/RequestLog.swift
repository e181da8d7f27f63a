import CMicroHTTPD

/// The one line per request: `METHOD PATH STATUS BYTES MSms`, e.g. `GET /u/… 303 0 2ms`.
enum RequestLog {
    /// A finished request's line; status and bytes are `-` when libmicrohttpd ended the request
    /// without our answer, and a note in parentheses says why.
    static func line(method: String, path: String, status: Int?, bytes: Int?, milliseconds: Int, note: String?)
        -> String
    {
        var line = "\(loggable(method)) \(path) \(status.map(String.init) ?? "-") \(bytes.map(String.init) ?? "-")"
        line += " \(milliseconds)ms"
        if let note { line += " (\(note))" }
        return line
    }

    /// The path with every secret replaced by `…`: the segment after a `u` (a unit's link) or `r` (a receipt
    /// link) segment, in any case, and any segment that looks like a token (long URL-safe base64 holding a capital
    /// letter) wherever it stands; control characters, spaces and `%` escaped so one request stays one line.
    static func loggablePath(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < segments.count {
            let lowered = segments[index].lowercased()
            if (lowered == "u" || lowered == "r") && index + 1 < segments.count && !segments[index + 1].isEmpty {
                segments[index + 1] = "…"
                index += 2
                continue
            }
            if looksLikeToken(segments[index]) { segments[index] = "…" }
            index += 1
        }
        return loggable(segments.joined(separator: "/"))
    }

    /// True for 24 or more characters of URL-safe base64 holding a capital letter or a digit: a token, never one of
    /// the site's own words or ids (lower case, hyphens).
    static func looksLikeToken(_ segment: String) -> Bool {
        let bytes = Array(segment.utf8)
        guard bytes.count >= 24 else { return false }
        let alphabet = bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
        }
        return alphabet && bytes.contains { (b: UInt8) in (b >= 0x41 && b <= 0x5A) }
    }

    private static func loggable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x21 || scalar.value == 0x7F || scalar == "%" || (0x80..<0xA0).contains(scalar.value) {
                out += "%" + hexByte(UInt8(scalar.value))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func describe(_ termination: MHD_RequestTerminationCode) -> String {
        switch termination {
        case .REQUEST_TERMINATED_WITH_ERROR: return "error"
        case .REQUEST_TERMINATED_TIMEOUT_REACHED: return "timeout"
        case .REQUEST_TERMINATED_DAEMON_SHUTDOWN: return "shutdown"
        case .REQUEST_TERMINATED_READ_ERROR: return "read error"
        case .REQUEST_TERMINATED_CLIENT_ABORT: return "client abort"
        default: return "ended"
        }
    }
}
