import Foundation

/// The police adapter's memory of which court imposed each measure that reports later events
/// (R-G4 sightings, R-G5 finds), kept in one small JSON file so that it outlives a restart of the
/// adapter: an event names only its instruction, and the hub files it under the court too.
///
/// The file is rewritten whole, to a temporary file beside it that is flushed to disk and then
/// renamed over the old one (and the directory flushed), so a crash leaves either the old memory
/// or the new, never a torn one.
/// Only measures that report events are kept (the feed's bound applies), so the file stays small.
public struct PoliceCourtMemory: Sendable {
    /// One remembered measure: the court that issued the instruction.
    public struct Measure: Codable, Hashable, Sendable {
        /// The court's instruction id of the measure.
        public let instructionId: String
        /// The issuing court's code.
        public let court: String

        /// A remembered measure.
        public init(instructionId: String, court: String) {
            self.instructionId = instructionId
            self.court = court
        }
    }

    /// The file's contents: a version, and the measures oldest first.
    struct Contents: Codable {
        let version: Int
        let measures: [Measure]
    }

    /// The format written and read.
    static let version = 1
    /// The file's name in the adapter's state directory.
    public static let fileName = "police-measures.json"

    /// The memory file.
    public let path: String

    /// The memory file at `path`.
    public init(path: String) {
        precondition(!path.isEmpty, "a memory file has a path")
        self.path = path
    }

    /// The memory file in the adapter's state directory `directory`.
    public init(stateDirectory directory: String) {
        self.init(path: (directory as NSString).appendingPathComponent(PoliceCourtMemory.fileName))
    }

    /// The measures remembered, oldest first; none when the file does not exist yet. A file that
    /// cannot be read is an error: starting without it would hold every later event.
    public func load() throws(PoliceCourtMemoryError) -> [Measure] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "cannot read the file") }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: data)
        } catch {
            throw .unreadable(path: path, reason: "not a memory file: \(error)")
        }
        guard contents.version == PoliceCourtMemory.version else {
            throw .unreadable(path: path, reason: "version \(contents.version); this adapter reads version \(PoliceCourtMemory.version)")
        }
        return contents.measures
    }

    /// Replaces the file with `measures` (oldest first): written to a temporary file, flushed to
    /// disk, renamed over the old file.
    public func save(_ measures: [Measure]) throws(PoliceCourtMemoryError) {
        let temporary = path + ".tmp"
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(Contents(version: PoliceCourtMemory.version, measures: measures))
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw PoliceCourtMemoryError.unwritable(path: temporary, reason: "cannot create the file")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch let error as PoliceCourtMemoryError {
            throw error
        } catch {
            throw .unwritable(path: temporary, reason: "\(error)")
        }
        guard rename(temporary, path) == 0 else {
            throw .unwritable(path: path, reason: "rename from \(temporary) failed: \(String(cString: strerror(errno)))")
        }
        try synchronizeDirectory()
    }

    /// Flushes the directory entry of the rename, so the new file survives a power loss too.
    private func synchronizeDirectory() throws(PoliceCourtMemoryError) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY)
        guard descriptor >= 0 else {
            throw .unwritable(path: directory, reason: "cannot open the directory: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw .unwritable(path: directory, reason: "cannot flush the directory: \(String(cString: strerror(errno)))")
        }
    }
}

/// Why the police adapter's memory file could not be used.
public enum PoliceCourtMemoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file exists but could not be read as a memory file.
    case unreadable(path: String, reason: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "the police adapter's memory of measures at \(path) cannot be read: \(reason)"
        case .unwritable(let path, let reason):
            return "the police adapter's memory of measures at \(path) cannot be written: \(reason)"
        }
    }
}
