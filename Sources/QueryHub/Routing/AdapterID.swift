import HubProtocol

/// The adapter that carries work to one counterpart, named by what it serves:
///
/// | id              | serves                                                            |
/// |-----------------|-------------------------------------------------------------------|
/// | `bank:ICBC`     | a bank's head office, over its total-to-total link (R-B2)          |
/// | `bank:BJRCB@京` | a bank's provincial branch, linked to that province's high court (R-B3) |
/// | `police:MPS`    | a police office                                                   |
///
/// The id is its own description of the target, so a queue named by it can be checked against
/// the registry without a second table. On the wire it is the text (`"bank:BJRCB@京"`).
public enum AdapterID: Hashable, Sendable, CustomStringConvertible {
    /// A bank's head-office adapter, for T2T.
    case bankHeadOffice(bankCode: String)
    /// A bank's provincial-branch adapter, for P2P through that province's high court.
    case bankBranch(bankCode: String, province: Province)
    /// A police office's adapter.
    case police(officeID: String)

    /// The longest adapter id, in characters: `police:` or `bank:`, a code, `@` and a short name.
    public static let maximumLength = 7 + RegistryCode.maximumLength + 2

    /// Parses `bank:ICBC`, `bank:BJRCB@京` or `police:MPS` exactly.
    public init(_ text: String) throws(AdapterIDError) {
        guard text.count <= AdapterID.maximumLength else {
            throw .malformed(text: String(text.prefix(AdapterID.maximumLength)), reason: "longer than any adapter id")
        }
        if text.hasPrefix("police:") {
            let code = String(text.dropFirst("police:".count))
            try AdapterID.checkCode(code, in: text)
            self = .police(officeID: code)
            return
        }
        guard text.hasPrefix("bank:") else {
            throw .malformed(text: text, reason: "an adapter id starts with \"bank:\" or \"police:\"")
        }
        let parts = text.dropFirst("bank:".count).split(separator: "@", omittingEmptySubsequences: false)
        let code = String(parts[0])
        try AdapterID.checkCode(code, in: text)
        switch parts.count {
        case 1:
            self = .bankHeadOffice(bankCode: code)
        case 2:
            guard parts[1].count == 1, let shortName = parts[1].first, let province = Province(shortName: shortName) else {
                throw .malformed(text: text, reason: "after \"@\" comes one province short name (京, 沪, …), not \"\(parts[1])\"")
            }
            self = .bankBranch(bankCode: code, province: province)
        default:
            throw .malformed(text: text, reason: "at most one \"@\"")
        }
        assert(description == text)
    }

    /// The bank this adapter serves, or nil for a police adapter.
    public var bankCode: String? {
        switch self {
        case .bankHeadOffice(let code), .bankBranch(let code, _): return code
        case .police: return nil
        }
    }

    /// `bank:ICBC`, `bank:BJRCB@京`, `police:MPS`.
    public var description: String {
        switch self {
        case .bankHeadOffice(let code): return "bank:" + code
        case .bankBranch(let code, let province): return "bank:" + code + "@" + String(province.shortName)
        case .police(let officeID): return "police:" + officeID
        }
    }

    private static func checkCode(_ code: String, in text: String) throws(AdapterIDError) {
        if let problem = RegistryCode.problem(with: code) {
            throw .malformed(text: text, reason: "\"\(code)\": \(problem)")
        }
    }
}

/// On the wire: the text (`"bank:BJRCB@京"`).
extension AdapterID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try AdapterID(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why an adapter id was refused.
public enum AdapterIDError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not of the form the reason says.
    case malformed(text: String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let text, let reason):
            return "adapter id \"\(text)\" is malformed: \(reason)"
        }
    }
}
