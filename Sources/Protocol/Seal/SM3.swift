import COpenSSL

/// The SM3 cryptographic hash (GB/T 32905), through OpenSSL 3.
public enum SM3 {
    /// The length of an SM3 digest.
    public static let digestByteCount = 32

    /// The SM3 digest of the bytes.
    ///
    /// SM3 is part of OpenSSL 3's default provider; if it is missing, libcrypto is not the one the
    /// hub was built for and nothing it seals could be trusted, so that stops the process.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        OpenSSLErrorQueue.clear()
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var digestLength: UInt32 = 0
        let status = bytes.withUnsafeBytes { message in
            EVP_Digest(message.baseAddress, message.count, &digest, &digestLength, EVP_sm3(), nil)
        }
        guard status == 1 else {
            preconditionFailure("SM3 is unavailable in this OpenSSL: \(OpenSSLErrorQueue.drain())")
        }
        precondition(Int(digestLength) == digestByteCount, "SM3 digest of \(digestLength) bytes")
        return Array(digest.prefix(digestByteCount))
    }
}
