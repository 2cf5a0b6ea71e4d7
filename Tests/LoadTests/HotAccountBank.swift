import Foundation
import HubProtocol

/// ICBC's books for one account, as small as the hot-account test needs: a fixed balance, and
/// freezes served in the order they arrive (R-B13), each holding what is still available up to its
/// limit (R-B11, R-B12).
struct HotAccountBank {
    /// One freeze on the account, in arrival order.
    struct Freeze {
        let instructionID: String
        let authority: String
        let rulingNumber: String
        let requested: Money
        let held: Money
        let period: DatePeriod
    }

    let account: AccountReference
    let balance: Money
    private(set) var available: Money
    private(set) var freezes: [Freeze] = []
    /// At most this many freezes: a bound on the books.
    static let maximumFreezes = 10_000

    init(account: AccountReference, balance: Money) {
        precondition(balance.currency == account.currency && !balance.isNegative)
        self.account = account
        self.balance = balance
        self.available = balance
    }

    /// Serves a freeze: holds `min(limit, available)` now and reports it (R-B11, R-B12).
    ///
    /// The report lists every earlier freeze in order, those holding nothing too (R-B13: "the
    /// earlier freezes in order"; `queuePosition` follows the list) — the hub's ledger checks the
    /// count against its own and flags a receipt that leaves any out. The wire takes up to
    /// `ExistingFreeze.maximumFreezesPerAccount` − 1 of them.
    mutating func freeze(
        instructionID: String, authority: String, rulingNumber: String, requested: Money, period: DatePeriod, respondedAt: Timestamp
    ) throws -> BankFreezeResult {
        precondition(freezes.count < Self.maximumFreezes)
        precondition(requested.currency == account.currency && requested.isPositive)
        let held = try requested.minimum(available)
        let earlier = freezes.map { freeze in
            ExistingFreeze(
                authority: WireText(stringLiteral: freeze.authority), documentNumber: WireText(stringLiteral: freeze.rulingNumber),
                amount: freeze.requested, period: freeze.period)
        }
        available = try available.subtracting(held)
        freezes.append(
            Freeze(instructionID: instructionID, authority: authority, rulingNumber: rulingNumber, requested: requested, held: held, period: period))
        assert(!available.isNegative, "a freeze never holds more than is available")
        let notHeld = try requested.subtracting(held)
        return BankFreezeResult(
            header: ReceiptHeader(
                instructionId: try InstructionID(instructionID), responder: try InstitutionCode(account.bank.description), respondedAt: respondedAt),
            account: account, requested: requested, held: held, notHeld: notHeld, limited: notHeld.isPositive, period: period,
            queuePosition: earlier.count + 1, earlierFreezes: earlier)
    }

    /// What all freezes hold together.
    var totalHeld: Money {
        get throws {
            try freezes.reduce(Money.zero(account.currency)) { try $0.adding($1.held) }
        }
    }
}
