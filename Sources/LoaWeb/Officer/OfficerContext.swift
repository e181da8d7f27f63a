import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

extension RequestContext {
    /// Runs a workflow that writes files: its `Failure` comes back as a value for the page to show, and the cached
    /// workspace is dropped so the next page reads the files as they are now.
    func changing<T>(_ body: (Workspace, Session) throws(Failure) -> T) throws -> Result<T, Failure> {
        let ws = try workspace()
        let s = try session()
        defer { app?.workspaces.invalidate() }
        do { return .success(try body(ws, s)) } catch { return .failure(error) }
    }

    /// Runs a read-only workflow: its `Failure` is a server error page with the messages.
    func reading<T>(_ body: () throws(Failure) -> T) throws -> T {
        do { return try body() } catch { throw HTTPError(500, describe(error)) }
    }

    /// The units' links as `loa links` prints them, for the reminders of an officer.
    func unitLinks(_ units: [UnitCode]) throws -> [UnitCode: String] {
        let app = try appOrFail()
        let versions = try read(orEmpty: [:]) { try $0.linkVersions() }
        let base = app.configuration.baseURL ?? origin
        var out: [UnitCode: String] = [:]
        for u in units { out[u] = app.link(for: u, version: versions[u] ?? 1, base: base) }
        return out
    }

    /// A query value that is a month, or nil.
    func monthQuery(_ name: String) -> Month? { request.queryValue(name).flatMap { Month(iso: $0) } }
    /// A query value that is a day, or nil.
    func dayQuery(_ name: String) -> Day? { request.queryValue(name).flatMap { Day(iso: $0) } }
}
