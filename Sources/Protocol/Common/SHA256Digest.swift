import Crypto

/// SHA-256 as lower-case hex: the digest the registry keeps of each officer's credential scan
/// (R-B4), so that the scan attached to a measure can be matched to the registered one.
public enum SHA256Digest {
    /// Lower-case hex SHA-256 of the bytes, 64 characters (what `sha256sum` prints).
    public static func hexadecimal(of bytes: [UInt8]) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        assert(text.count == 64)
        return text
    }

    /// True when `text` has the form of a digest: 64 lower-case hex digits.
    public static func isHexadecimalDigest(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 64 && bytes.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
        }
    }
}
