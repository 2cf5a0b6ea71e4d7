/// Where the files of a development PKI live:
///
/// ```
/// ca.pem  ca-key.pem  server.pem  server-key.pem
/// clients/<kind>-<id>.pem  clients/<kind>-<id>-key.pem
/// ```
///
/// The id is kept as written (Chinese is fine on Linux file systems) except that `/`, `\`, `%`,
/// `-` and control characters are percent-encoded: `/` could escape the directory, and `-` is
/// encoded so that a certificate file of one principal can never be the key file of another
/// (an id `x-key` would otherwise collide with the key of `x`).
public struct DevelopmentPKIDirectory: Hashable, Sendable {
    /// The directory itself.
    public let path: String

    /// Names the directory; nothing is read or created.
    public init(path: String) {
        precondition(!path.isEmpty, "the PKI directory path is empty")
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// `ca.pem`: the CA certificate, the trust root of every endpoint.
    public var authorityCertificatePath: String { path + "/ca.pem" }
    /// `ca-key.pem`: the CA private key (mode 0600).
    public var authorityKeyPath: String { path + "/ca-key.pem" }
    /// `server.pem`: the hub server's certificate.
    public var serverCertificatePath: String { path + "/server.pem" }
    /// `server-key.pem`: the hub server's private key (mode 0600).
    public var serverKeyPath: String { path + "/server-key.pem" }
    /// `clients/`: one certificate and key per principal.
    public var clientsPath: String { path + "/clients" }

    /// `clients/<kind>-<id>.pem`.
    public func clientCertificatePath(for principal: PrincipalIdentity) -> String {
        clientsPath + "/" + Self.fileNameStem(for: principal) + ".pem"
    }

    /// `clients/<kind>-<id>-key.pem` (mode 0600).
    public func clientKeyPath(for principal: PrincipalIdentity) -> String {
        clientsPath + "/" + Self.fileNameStem(for: principal) + "-key.pem"
    }

    /// `<kind>-<id>` with the id's unsafe characters percent-encoded, e.g. `court-京0105`.
    public static func fileNameStem(for principal: PrincipalIdentity) -> String {
        var bytes: [UInt8] = Array(principal.kind.rawValue.utf8) + [UInt8(ascii: "-")]
        let hexDigits = Array("0123456789ABCDEF".utf8)
        for byte in principal.id.utf8 {
            if mustEncode(byte) {
                bytes += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            } else {
                bytes.append(byte)
            }
        }
        let stem = String(decoding: bytes, as: UTF8.self)
        assert(!stem.contains("/"), "a file name stem never contains a path separator")
        return stem
    }

    private static func mustEncode(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F
            || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\")
            || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "-")
    }
}
