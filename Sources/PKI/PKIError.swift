/// Why the development PKI refused an input, a file or an operation. Every case names what was wrong.
public enum PKIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A principal kind that is not one of court, bank, police, operator.
    case unknownPrincipalKind(String)
    /// A principal written as text that is not `kind:id` (e.g. `court:京0105`).
    case malformedPrincipal(text: String, reason: String)
    /// A principal id that cannot be used as a certificate's common name.
    case invalidPrincipalID(id: String, reason: String)
    /// A certificate subject that does not name a QueryHub principal.
    case subjectNotAPrincipal(subject: String, reason: String)
    /// A server name that is neither a DNS name nor an IP address.
    case invalidServerName(name: String, reason: String)
    /// A PEM document (certificate or key) that could not be read.
    case invalidPEM(what: String, reason: String)
    /// A certificate could not be built or signed.
    case certificateGenerationFailed(what: String, reason: String)
    /// A private key whose public key is not the one in the certificate next to it.
    case keyDoesNotMatchCertificate(certificatePath: String)
    /// A certificate that was not signed by the development CA of the same directory.
    case notIssuedByAuthority(certificatePath: String)
    /// A certificate without its key (or the reverse) where both must exist.
    case incompleteCredential(presentPath: String, missingPath: String)
    /// A file name in `clients/` that does not follow `<kind>-<id>.pem` or names another principal.
    case unexpectedClientFile(path: String, reason: String)
    /// A file-system operation failed.
    case fileSystem(path: String, operation: String, reason: String)
    /// A TLS configuration could not be built from the given PEM documents.
    case tlsConfigurationFailed(reason: String)

    public var description: String {
        switch self {
        case .unknownPrincipalKind(let kind):
            return "unknown principal kind \"\(kind)\"; expected one of: court, bank, police, operator"
        case .malformedPrincipal(let text, let reason):
            return "\"\(text)\" is not a principal of the form kind:id (e.g. court:京0105): \(reason)"
        case .invalidPrincipalID(let id, let reason):
            return "principal id \"\(id)\" is not usable: \(reason)"
        case .subjectNotAPrincipal(let subject, let reason):
            return "certificate subject \"\(subject)\" does not name a QueryHub principal: \(reason)"
        case .invalidServerName(let name, let reason):
            return "server name \"\(name)\" is not usable: \(reason)"
        case .invalidPEM(let what, let reason):
            return "cannot read \(what) as PEM: \(reason)"
        case .certificateGenerationFailed(let what, let reason):
            return "cannot generate \(what): \(reason)"
        case .keyDoesNotMatchCertificate(let certificatePath):
            return "the private key next to \(certificatePath) does not belong to that certificate"
        case .notIssuedByAuthority(let certificatePath):
            return "\(certificatePath) was not issued by the CA in the same directory (ca.pem)"
        case .incompleteCredential(let presentPath, let missingPath):
            return "\(presentPath) exists but \(missingPath) does not; restore it or remove both to reissue"
        case .unexpectedClientFile(let path, let reason):
            return "unexpected client file \(path): \(reason)"
        case .fileSystem(let path, let operation, let reason):
            return "cannot \(operation) \(path): \(reason)"
        case .tlsConfigurationFailed(let reason):
            return "cannot build the TLS configuration: \(reason)"
        }
    }
}
