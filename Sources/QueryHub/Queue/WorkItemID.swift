/// One unit of work for one adapter.
///
/// A query that names no bank is stored once, as an entry of the broadcast log, and every bank
/// adapter reads past it with its own cursor: its work item is `.broadcast(sequence:)`, with no row
/// of its own. Everything else (a freeze for one bank, a police measure) is `.directed(number:)`.
public enum WorkItemID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The broadcast-log entry with this sequence number, as seen by one adapter.
    case broadcast(sequence: Int64)
    /// A work item addressed to one adapter.
    case directed(number: Int64)

    /// The wire form: `B42` for broadcast entry 42, `D7` for directed item 7.
    public var description: String {
        switch self {
        case .broadcast(let sequence): return "B\(sequence)"
        case .directed(let number): return "D\(number)"
        }
    }

    /// Parses the wire form; nil for anything else.
    public init?(wire text: String) {
        guard let first = text.first, let number = Int64(text.dropFirst()), number > 0,
            String(number) == text.dropFirst()
        else { return nil }
        switch first {
        case "B": self = .broadcast(sequence: number)
        case "D": self = .directed(number: number)
        default: return nil
        }
    }
}
