import HubProtocol

/// One account at one bank in one currency: the unit the control ledger serialises on.
///
/// A multi-currency account is several keys, one per currency, because freezes, balances and
/// special accounts (R-B17) are all per currency.
public struct AccountKey: Hashable, Sendable, CustomStringConvertible {
    /// The bank's code (its financial institution code in the hub's registry).
    public let bankCode: String
    /// The account number as the bank reports it.
    public let accountNumber: String
    /// The currency of this sub-account.
    public let currency: Currency

    /// A key from its parts; none may be empty.
    public init(bankCode: String, accountNumber: String, currency: Currency) {
        precondition(!bankCode.isEmpty && !accountNumber.isEmpty, "an account key needs a bank and a number")
        self.bankCode = bankCode
        self.accountNumber = accountNumber
        self.currency = currency
    }

    /// A hash that is the same in every process and on every run (FNV-1a over the key's bytes),
    /// unlike `hashValue`, which Swift seeds randomly per process. Shard placement uses it, so a
    /// key lands on the same shard in the simulation's replays and across restarts.
    public var stableHash: UInt64 {
        var hasher = StableHasher()
        hasher.combine(bankCode)
        hasher.combine(accountNumber)
        hasher.combine(currency.code)
        return hasher.value
    }

    /// `bank/number/CNY`.
    public var description: String { "\(bankCode)/\(accountNumber)/\(currency.code)" }
}

/// The id of one instruction (查控措施) as the court assigned it; unique across the network.
public struct LedgerInstructionID: Hashable, Sendable, CustomStringConvertible {
    /// The id text.
    public let value: String

    /// An id from its text; it may not be empty.
    public init(_ value: String) {
        precondition(!value.isEmpty, "an instruction id may not be empty")
        self.value = value
    }

    public var description: String { value }
}

/// A court's code in the hub's registry (法院代码).
public struct LedgerCourt: Hashable, Sendable, CustomStringConvertible {
    /// The code text.
    public let value: String

    /// A court code from its text; it may not be empty.
    public init(_ value: String) {
        precondition(!value.isEmpty, "a court code may not be empty")
        self.value = value
    }

    public var description: String { value }
}

/// A case number (案号), e.g. `(2026)京0105执1234号`.
public struct LedgerCase: Hashable, Sendable, CustomStringConvertible {
    /// The case number text.
    public let value: String

    /// A case number from its text; it may not be empty.
    public init(_ value: String) {
        precondition(!value.isEmpty, "a case number may not be empty")
        self.value = value
    }

    /// A hash stable across processes and runs (see ``AccountKey/stableHash``).
    public var stableHash: UInt64 {
        var hasher = StableHasher()
        hasher.combine(value)
        return hasher.value
    }

    public var description: String { value }
}

/// A court's registered special account (执行款专户, R-B5): where deducted money goes (R-B17).
public struct LedgerSpecialAccount: Hashable, Sendable, CustomStringConvertible {
    /// The bank where the special account is held (开户行).
    public let bankName: String
    /// The special account's number.
    public let accountNumber: String
    /// The account name (户名).
    public let accountName: String

    /// A special account from its registered details.
    public init(bankName: String, accountNumber: String, accountName: String) {
        self.bankName = bankName
        self.accountNumber = accountNumber
        self.accountName = accountName
    }

    public var description: String { "\(accountName) \(accountNumber) at \(bankName)" }
}

/// FNV-1a, 64 bits: small, fast, and the same everywhere. Not for hostile inputs' sake (keys come
/// from authenticated courts and banks), only for an even, reproducible spread over shards.
struct StableHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        // A separator byte so that ("ab", "c") and ("a", "bc") hash differently.
        value ^= 0xff
        value &*= 0x0000_0100_0000_01b3
    }
}
