import Foundation
import LoaCore

/// Reads every authored file of a workspace into values, collecting every problem rather than stopping at the first.
public enum WorkspaceLoader {
    /// With `bodies` false, items come without their Markdown bodies (planning reads front matter only); the whole
    /// file is still read and checked, so the same files fail the same way.
    public static func load(_ paths: WorkspacePaths, diagnostics: Diagnostics, bodies: Bool = true) -> Workspace? {
        let plan = loadYAML(paths.plan, paths: paths,
            diagnostics: diagnostics).flatMap { PlanReader.plan($0, diagnostics) }
        let channels = loadYAML(paths.channels, paths: paths, diagnostics: diagnostics)
            .map { ChannelReader.channels($0, diagnostics) } ?? []
        var units: [UnionUnit] = []
        do throws(Failure) {
            units = try UnitReader.units(bytes: try TextFile.readBytes(paths.units), path: paths.relative(paths.units))
        } catch { diagnostics.add(contentsOf: error.diagnostics) }
        var clusters: [Cluster] = []
        if FileManager.default.fileExists(atPath: paths.clusters) {
            do throws(Failure) {
                clusters = try ClusterReader.clusters(bytes: try TextFile.readBytes(paths.clusters),
                                                      path: paths.relative(paths.clusters))
            } catch { diagnostics.add(contentsOf: error.diagnostics) }
        }
        let files = listFiles(paths.items, extension: "md")
        var items: [Item] = []
        items.reserveCapacity(files.count)
        for file in files {
            do throws(Failure) {
                let text = try TextFile.decode(try TextFile.readBytes(file), path: paths.relative(file))
                if let item = ItemReader.item(text, diagnostics: diagnostics, body: bodies) { items.append(item) }
            } catch { diagnostics.add(contentsOf: error.diagnostics) }
        }
        var observances: [Observance] = []
        if FileManager.default.fileExists(atPath: paths.observances) {
            do throws(Failure) {
                let file = try TextFile.decode(try TextFile.readBytes(paths.observances),
                    path: paths.relative(paths.observances))
                observances = try ObservanceReader.observances(file)
            } catch { diagnostics.add(contentsOf: error.diagnostics) }
        }
        guard let plan else { return nil }
        return Workspace(plan: plan, channels: channels, units: units, items: items, observances: observances,
                         clusters: clusters)
    }

    static func loadYAML(_ path: String, paths: WorkspacePaths, diagnostics: Diagnostics) -> YAMLNode? {
        do throws(Failure) {
            let file = try TextFile.decode(try TextFile.readBytes(path), path: paths.relative(path))
            guard let node = try YAMLParser.parse(file) else {
                diagnostics.add(.error(.yamlEmptyDocument, at: SourceLocation(path: file.path, line: 1, column: 1)))
                return nil
            }
            return node
        } catch {
            diagnostics.add(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Every entry under `dir` (recursively, not following links to folders) whose name has the extension,
    /// sorted by path. Read with `opendir`/`readdir`: one pass over each folder, no `stat` per entry.
    public static func listFiles(_ dir: String, extension ext: String) -> [String] {
        listFiles(dir, extensions: [ext])
    }

    /// Every entry under `dir` whose name has one of the extensions, sorted by path, as `listFiles` finds them.
    public static func listFiles(_ dir: String, extensions: [String]) -> [String] {
        let suffixes = extensions.map { "." + $0 }
        var out: [String] = []
        var folders = [dir]
        while let folder = folders.popLast() {
            guard let d = opendir(folder) else { continue }
            defer { closedir(d) }
            while let entry = readdir(d) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name
                if suffixes.contains(where: { name.hasSuffix($0) }) { out.append(path) }
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
                }
                if isFolder { folders.append(path) }
            }
        }
        return out.sorted()
    }
}
