import Foundation
import LoaCore

/// Reads every authored file of a workspace into values, collecting every problem rather than stopping at the first.
public enum WorkspaceLoader {
    public static func load(_ paths: WorkspacePaths, diagnostics: Diagnostics) -> Workspace? {
        let plan = loadYAML(paths.plan, paths: paths,
            diagnostics: diagnostics).flatMap { PlanReader.plan($0, diagnostics) }
        let channels = loadYAML(paths.channels, paths: paths, diagnostics: diagnostics)
            .map { ChannelReader.channels($0, diagnostics) } ?? []
        var units: [UnionUnit] = []
        do throws(Failure) {
            units = try UnitReader.units(bytes: try TextFile.readBytes(paths.units), path: paths.relative(paths.units))
        } catch { diagnostics.add(contentsOf: error.diagnostics) }
        var items: [Item] = []
        for file in listFiles(paths.items, extension: "md") {
            do throws(Failure) {
                let text = try TextFile.decode(try TextFile.readBytes(file), path: paths.relative(file))
                if let item = ItemReader.item(text, diagnostics: diagnostics) { items.append(item) }
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
        return Workspace(plan: plan, channels: channels, units: units, items: items, observances: observances)
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

    /// Every regular file under `dir` (recursively) with the extension, sorted by path.
    public static func listFiles(_ dir: String, extension ext: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.hasSuffix("." + ext) { out.append(dir + "/" + rel) }
        }
        return out.sorted()
    }
}
