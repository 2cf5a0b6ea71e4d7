import HubProtocol

/// Whose seal a key makes: a court's, a bank's or a police office's.
///
/// On the wire and in messages: `court:京0105`, `bank:ICBC`, `police:MPS`.
public enum SealKeyOwner: Hashable, Sendable, CustomStringConvertible {
    /// A court's seal (rulings, assistance notices).
    case court(CourtCode)
    /// A bank's seal (receipts, R-B9).
    case bank(code: String)
    /// A police office's seal (results and receipts).
    case policeOffice(id: String)

    /// Parses `court:京0105`, `bank:ICBC` or `police:MPS`.
    public init(_ text: String) throws(SealKeyOwnerError) {
        if text.hasPrefix("court:") {
            do {
                self = .court(try CourtCode(String(text.dropFirst("court:".count))))
            } catch {
                throw .malformed(text: text, reason: error.description)
            }
            return
        }
        let (prefix, code): (String, String)
        if text.hasPrefix("bank:") {
            (prefix, code) = ("bank:", String(text.dropFirst("bank:".count)))
        } else if text.hasPrefix("police:") {
            (prefix, code) = ("police:", String(text.dropFirst("police:".count)))
        } else {
            throw .malformed(text: text, reason: "an owner starts with \"court:\", \"bank:\" or \"police:\"")
        }
        if let problem = RegistryCode.problem(with: code) {
            throw .malformed(text: text, reason: "\"\(code)\": \(problem)")
        }
        self = prefix == "bank:" ? .bank(code: code) : .policeOffice(id: code)
    }

    /// `court:京0105`, `bank:ICBC`, `police:MPS`.
    public var description: String {
        switch self {
        case .court(let code): return "court:" + code.description
        case .bank(let code): return "bank:" + code
        case .policeOffice(let id): return "police:" + id
        }
    }
}

/// On the wire: the text (`"court:京0105"`).
extension SealKeyOwner: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try SealKeyOwner(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a seal-key owner was refused.
public enum SealKeyOwnerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not of the form the reason says.
    case malformed(text: String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let text, let reason):
            return "seal-key owner \"\(text)\" is malformed: \(reason)"
        }
    }
}
