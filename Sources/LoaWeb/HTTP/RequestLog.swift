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

    /// The path with the segment after each `u` segment (a unit's secret link) replaced by `…`,
    /// and control characters, spaces and `%` escaped so one request stays one line.
    static func loggablePath(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < segments.count - 1 {
            if segments[index] == "u" && !segments[index + 1].isEmpty {
                segments[index + 1] = "…"
                index += 1
            }
            index += 1
        }
        return loggable(segments.joined(separator: "/"))
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
