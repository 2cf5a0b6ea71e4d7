import HubProtocol

/// A scenario file (docs/scenarios.md): banks with their accounts and timed events, and the
/// measures courts take with the receipts they must get. Decoded with ``StrictJSONDecoder``, so an
/// unknown, missing or `null` field is refused with its JSON path.
public struct Scenario: Codable, Sendable, Hashable, WireValidatable {
    /// A short name (the file's name without `.json`).
    public let name: String
    /// What awkward case the scenario shows, and which rules.
    public let description: String
    /// The banks' present when the scenario starts.
    public let start: Timestamp
    /// Where the scenario ends; events up to this time are applied.
    public let end: Timestamp
    /// The banks.
    public let banks: [ScenarioBank]
    /// Courts' measures in time order, each with the receipt expected.
    public let steps: [ScenarioStep]

    /// The most banks, accounts per bank, events per bank and steps a scenario file may declare.
    public static let maximumEntries = 1_000

    /// Times in order, lists bounded, codes unique, steps naming declared banks.
    public func validate() throws(WireError) {
        guard start <= end else { throw WireError(path: "$.end", reason: .invalidValue("the scenario ends (\(end)) before it starts (\(start))")) }
        guard banks.count <= Scenario.maximumEntries, steps.count <= Scenario.maximumEntries else {
            throw WireError(path: "$", reason: .invalidValue("at most \(Scenario.maximumEntries) banks and steps"))
        }
        guard Set(banks.map(\.code)).count == banks.count else {
            throw WireError(path: "$.banks", reason: .invalidValue("bank codes repeat"))
        }
        for (index, bank) in banks.enumerated() { try bank.validate(at: "$.banks[\(index)]") }
        var previous = start
        for (index, step) in steps.enumerated() {
            guard step.at >= previous, step.at <= end else {
                throw WireError(path: "$.steps[\(index)].at", reason: .invalidValue("steps are in time order within the scenario's start and end"))
            }
            guard banks.contains(where: { $0.code == step.bank }) else {
                throw WireError(path: "$.steps[\(index)].bank", reason: .invalidValue("no bank \"\(step.bank)\" is declared"))
            }
            previous = step.at
        }
    }
}

/// One bank of a scenario: its profile, accounts and events.
public struct ScenarioBank: Codable, Sendable, Hashable {
    /// Short code (`ICBC`).
    public let code: String
    /// Institution code that answers (the receipts' responder, the accounts' bank).
    public let institutionCode: InstitutionCode
    /// Name.
    public let name: String
    /// `t2t` or `p2p:<province>` (`p2p:hebei`).
    public let link: String
    /// Whether it deducts over the network.
    public let onlineDeduct: Bool
    /// Typical delay before answering, and how far it strays.
    public let medianDelayMilliseconds: Int
    /// How far a delay strays from the median.
    public let delaySpreadMilliseconds: Int
    /// Items per thousand on which the link fails transiently.
    public let transientFailuresPerMille: Int
    /// CNY per unit of foreign currency, for converting deducts (R-B17).
    public let exchangeRates: [ScenarioRate]?
    /// The accounts.
    public let accounts: [ScenarioAccount]
    /// Timed events.
    public let events: [ScenarioEvent]?

    /// The link as a value, or nil when the text is neither `t2t` nor `p2p:<province>`.
    public var bankLink: BankLink? {
        if link == "t2t" { return .totalToTotal }
        guard link.hasPrefix("p2p:"), let province = Province(rawValue: String(link.dropFirst(4))) else { return nil }
        return .pointToPoint(province)
    }

    func validate(at path: String) throws(WireError) {
        guard !code.isEmpty, !name.isEmpty else { throw WireError(path: path + ".code", reason: .invalidValue("a bank has a code and a name")) }
        guard bankLink != nil else {
            throw WireError(path: path + ".link", reason: .invalidValue("\"\(link)\" is neither t2t nor p2p:<province> (p2p:hebei)"))
        }
        guard (0...BankProfile.maximumDelayMilliseconds).contains(medianDelayMilliseconds), (0...medianDelayMilliseconds).contains(delaySpreadMilliseconds) else {
            throw WireError(path: path + ".delaySpreadMilliseconds", reason: .invalidValue("delays within 0…\(BankProfile.maximumDelayMilliseconds) ms, spread at most the median"))
        }
        guard (0...1_000).contains(transientFailuresPerMille) else {
            throw WireError(path: path + ".transientFailuresPerMille", reason: .invalidValue("per mille: 0…1000"))
        }
        guard accounts.count <= Scenario.maximumEntries, (events ?? []).count <= Scenario.maximumEntries else {
            throw WireError(path: path, reason: .invalidValue("at most \(Scenario.maximumEntries) accounts and events per bank"))
        }
    }
}

/// A foreign-exchange buying rate.
public struct ScenarioRate: Codable, Sendable, Hashable {
    /// The foreign currency.
    public let currency: Currency
    /// CNY per unit (`"7.1234"`).
    public let rate: ExchangeRate
}

/// One account; amounts are decimal strings in the account's currency.
public struct ScenarioAccount: Codable, Sendable, Hashable {
    /// 账号.
    public let number: AccountNumber
    /// 币种.
    public let currency: Currency
    /// current, savings, pension, foreignCurrency, joint, margin, fundAccount.
    public let kind: SimulatedAccountKind
    /// Holder: name and identity document.
    public let owner: Party
    /// 开户日期.
    public let openingDate: CalendarDate
    /// 开户网点.
    public let branch: WireText
    /// 联系电话.
    public let contactPhone: PhoneNumber
    /// active (default), dormant or closed.
    public let status: AccountStatus?
    /// For a closed account.
    public let closingDate: CalendarDate?
    /// 余额.
    public let balance: String
    /// A pension's living-expense minimum (R-P1).
    public let protectedMinimum: String?
    /// Priority claims, a joint co-owner's share among them (R-B16).
    public let claims: [ScenarioClaim]?
    /// Wealth products linked to this fund account (R-B15).
    public let products: [ScenarioProduct]?
    /// Freezes by other authorities already on the account, oldest first.
    public let existingFreezes: [ScenarioExistingFreeze]?
}

/// A priority claim.
public struct ScenarioClaim: Codable, Sendable, Hashable {
    /// Id named by events.
    public let id: String
    /// pledge, margin, jointOwnerShare, lien, other.
    public let kind: PriorityClaimKind
    /// Who holds it.
    public let holder: PartyName
    /// The funds it covers.
    public let amount: String
    /// Whether an objection is under review at the start (default false).
    public let underReview: Bool?
}

/// A wealth product linked to the account.
public struct ScenarioProduct: Codable, Sendable, Hashable {
    /// 产品名称, named by events.
    public let productName: WireText
    /// 资产种类.
    public let assetType: NonDepositAssetType
    /// 资产管理人.
    public let assetManager: WireText
    /// 市值.
    public let value: String
}

/// A freeze by another authority before the scenario starts.
public struct ScenarioExistingFreeze: Codable, Sendable, Hashable {
    /// 冻结机关.
    public let authority: WireText
    /// 冻结文书号.
    public let documentNumber: WireText
    /// Its limit.
    public let amount: String
    /// Its period.
    public let period: DatePeriod
}
