/// PEM text (RFC 7468): a label and base64 DER between BEGIN and END lines.
enum PEMText {
    /// The largest key text accepted: an SM2 or Ed25519 key is a few hundred bytes, and a limit
    /// keeps a hostile key file from being handed to the parser whole.
    static let maximumByteCount = 16 * 1024

    /// Refuses key text that is empty or beyond the limit.
    static func requireSize(_ pem: String) throws(SealError) {
        let count = pem.utf8.count
        guard count > 0 else { throw .malformedKey(reason: "the key text is empty") }
        guard count <= maximumByteCount else {
            throw .malformedKey(reason: "the key text is \(count) bytes; a key is at most \(maximumByteCount)")
        }
        guard pem.contains("-----BEGIN ") else {
            throw .malformedKey(reason: "the key text has no \"-----BEGIN\" line; a PEM key is expected")
        }
    }

    /// The DER as PEM with the label, base64 in lines of 64 characters, ending with a newline.
    static func encode(der: [UInt8], label: String) -> String {
        precondition(!der.isEmpty && der.count <= maximumByteCount, "DER of \(der.count) bytes")
        precondition(!label.isEmpty, "a PEM label")
        let base64 = Base64.encode(der)
        var lines = ["-----BEGIN \(label)-----"]
        var start = base64.startIndex
        while start < base64.endIndex {
            let end = base64.index(start, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[start..<end]))
            start = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }
}
