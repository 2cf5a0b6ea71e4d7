import Foundation

/// Standard base64 (RFC 4648 §4, with padding), strict on the way in.
enum Base64 {
    /// The bytes as base64.
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of canonical base64 text, or nil. Text that decodes but is not what `encode`
    /// would write (stray whitespace, non-zero padding bits) is refused, so one value has exactly
    /// one spelling on the wire.
    static func decode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text) else { return nil }
        let bytes = Array(data)
        guard encode(bytes) == text else { return nil }
        return bytes
    }

    /// The length of the base64 text of `byteCount` bytes.
    static func encodedLength(of byteCount: Int) -> Int {
        precondition(byteCount >= 0, "a byte count")
        return (byteCount + 2) / 3 * 4
    }
}
