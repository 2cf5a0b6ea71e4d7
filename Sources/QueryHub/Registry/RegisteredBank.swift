import HubProtocol

/// A bank connected to the hub, and how (R-B2, R-B3).
///
/// A bank with a total-to-total link is reached at its head office for every court, and its
/// point-to-point links no longer carry anything (R-B3: once T2T, its P2P links stop). A bank
/// without one is reached at the provincial branch linked to a high court: ``p2pProvinces`` lists
/// those provinces, in the order the hub prefers when it relays for a court of another province.
public struct RegisteredBank: Hashable, Sendable {
    /// The bank's code (`ICBC`), see ``RegistryCode``.
    public let code: String
    /// The bank's name (`中国工商银行`).
    public let name: String
    /// True when the bank's head office is linked to the hub (总对总).
    public let t2tLinked: Bool
    /// Provinces whose high court links to the bank's provincial branch (点对点), each once.
    public let p2pProvinces: [Province]
    /// What the bank can do over the network.
    public let capabilities: BankCapabilities

    /// A bank record; the registry checks it when it is added.
    public init(code: String, name: String, t2tLinked: Bool, p2pProvinces: [Province], capabilities: BankCapabilities) {
        self.code = code
        self.name = name
        self.t2tLinked = t2tLinked
        self.p2pProvinces = p2pProvinces
        self.capabilities = capabilities
    }

    /// True when some link reaches the bank: T2T, or P2P in at least one province.
    public var isConnected: Bool { t2tLinked || !p2pProvinces.isEmpty }

    /// The same bank with other links or capabilities.
    func with(
        t2tLinked: Bool? = nil, p2pProvinces: [Province]? = nil, capabilities: BankCapabilities? = nil
    ) -> RegisteredBank {
        RegisteredBank(
            code: code, name: name, t2tLinked: t2tLinked ?? self.t2tLinked,
            p2pProvinces: p2pProvinces ?? self.p2pProvinces, capabilities: capabilities ?? self.capabilities)
    }
}

/// What a bank can do over the network beyond query, freeze, renew and unfreeze.
public struct BankCapabilities: Hashable, Sendable {
    /// The bank deducts online (网络扣划); a deduct to a bank without it is refused before it is
    /// stored, because no network channel can carry it out.
    public var onlineDeduct: Bool
    /// The bank answers transaction-history queries (交易流水查询, R-B7).
    public var historyQuery: Bool

    /// Capabilities by name.
    public init(onlineDeduct: Bool, historyQuery: Bool) {
        self.onlineDeduct = onlineDeduct
        self.historyQuery = historyQuery
    }
}

/// On the wire: `{"onlineDeduct": true, "historyQuery": false}`; unknown keys are refused.
extension BankCapabilities: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case onlineDeduct, historyQuery
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            onlineDeduct: try container.decode(Bool.self, forKey: .onlineDeduct),
            historyQuery: try container.decode(Bool.self, forKey: .historyQuery))
    }
}

/// On the wire: `{"code": "BJRCB", "name": "…", "t2tLinked": false, "p2pProvinces": ["beijing"],
/// "capabilities": {…}}`; unknown keys are refused.
extension RegisteredBank: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, t2tLinked, p2pProvinces, capabilities
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(String.self, forKey: .code),
            name: try container.decode(String.self, forKey: .name),
            t2tLinked: try container.decode(Bool.self, forKey: .t2tLinked),
            p2pProvinces: try container.decode([Province].self, forKey: .p2pProvinces),
            capabilities: try container.decode(BankCapabilities.self, forKey: .capabilities))
    }
}
