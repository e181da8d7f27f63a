import Foundation
import LoaCore
import LoaWeb
import LoaWorkflows

/// `loa serve`: the web front for units, officers and leaders (SPEC §9), until SIGINT or SIGTERM.
struct ServeCommand: Command {
    static let path = ["serve"]
    static let usage = ""
    static let summary = CommandText.serveSummary
    static let details: CommandText? = .serveDetails
    static let listen = Option<String>.text("--listen", "HOST:PORT", help: .optListen)
    static let baseURL = Option<String>.text("--base-url", "URL", help: .optBaseURL)
    static let behindProxy = Option<Bool>.flag("--behind-proxy", help: .optBehindProxy)
    static let newKey = Option<Bool>.flag("--new-key", help: .optNewKey)
    static let options = [listen.spec, baseURL.spec, behindProxy.spec, newKey.spec]
    let address: ListenAddress
    let base: String?
    let proxied: Bool
    let makesKey: Bool

    init(parsing args: ParsedArguments) throws(Failure) {
        let text = try args.value(Self.listen) ?? "127.0.0.1:8080"
        guard let a = ListenAddress(parsing: text) else {
            throw Failure(.invalidArgument(text, expected: "HOST:PORT"), exitCode: ExitCode.usage)
        }
        address = a
        base = try args.value(Self.baseURL)
        proxied = args.has(Self.behindProxy)
        makesKey = args.has(Self.newKey)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, _) = try ctx.load()
        // the key first: without it no printed link opens, and a new one is made only when asked for
        let key = try WebKeys.key(s, ctx, create: makesKey)
        _ = try s.openStore()   // create or migrate the database before the first request
        // a database made before Loa kept its files to their owner is closed to others now
        for suffix in ["", "-wal", "-shm"] { chmod(s.databasePath + suffix, 0o600) }
        let app = WebApp(configuration: WebConfiguration(paths: s.paths,
            databasePath: ctx.databaseOption.map(ctx.absolute),
                                                         fixedToday: ctx.fixedToday, language: ctx.language,
                                                             baseURL: base),
                         key: key)
        var config = Server.Configuration(address: address, behindProxy: proxied)
        config.uploadPaths = WebApp.uploadPaths
        let server: Server
        do { server = try Server(config, handler: app.handle) } catch {
            throw Failure(.verbatim("\(address): \(error)"), exitCode: ExitCode.ioError)
        }
        let url = "http://\(server.address)"
        server.runUntilSignalled { ctx.console.info(CommandText.serving(url: url, base: base ?? url)) }
        ctx.console.info(CommandText.serverStopped)
        return ExitCode.ok
    }
}

/// The server key every link and session is derived from, kept in `loa.key` beside the workspace.
enum WebKeys {
    /// The key; a missing one is made only with `create` (which says that every printed link then dies),
    /// otherwise it stops the command (exit 66).
    static func key(_ s: Session, _ ctx: Context, create: Bool) throws(Failure) -> ServerKey {
        let path = s.paths.serverKey
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw Failure(.serverKeyMissing(path), exitCode: ExitCode.noInput)
        }
        do {
            let (key, made) = try ServerKey.loadOrCreate(at: path)
            if made { ctx.console.info(CommandText.newKeyMade(path)) }
            return key
        } catch {
            throw Failure(.verbatim(error.message(ctx.language)), exitCode: ExitCode.ioError)
        }
    }
}
