import COpenSSL

/// OpenSSL's per-thread error queue.
///
/// OpenSSL records failures in a thread-local queue. A failure that is not drained would be
/// reported by the next, unrelated, call on the same thread, so every failing path drains it and
/// every operation starts from an empty queue.
enum OpenSSLErrorQueue {
    /// How many entries one failure reports; a failure rarely records more than three.
    static let maximumReportedEntries = 8

    /// Empties this thread's queue and returns its entries, oldest first, as one message.
    static func drain() -> String {
        var messages: [String] = []
        for _ in 0..<maximumReportedEntries {
            let code = ERR_get_error()
            if code == 0 { break }
            messages.append(describe(code))
        }
        ERR_clear_error()
        assert(isEmpty)
        return messages.isEmpty ? "no reason recorded" : messages.joined(separator: "; ")
    }

    /// Forgets whatever a previous caller on this thread left behind.
    static func clear() {
        ERR_clear_error()
    }

    /// True when no failure is waiting on this thread.
    static var isEmpty: Bool { ERR_peek_error() == 0 }

    /// A `SealError` carrying the drained queue.
    static func error() -> SealError {
        .openSSL(message: drain())
    }

    private static func describe(_ code: UInt) -> String {
        let capacity = 256
        var buffer = [CChar](repeating: 0, count: capacity)
        ERR_error_string_n(code, &buffer, capacity)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
