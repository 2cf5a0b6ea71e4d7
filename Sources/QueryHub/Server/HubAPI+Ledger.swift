import Foundation
import HubProtocol
import Hummingbird

/// One account as the control ledger holds it (issue 4: the operator sees an account's ledger).
struct LedgerAccountView: Codable {
    struct FreezeView: Codable {
        var id: String
        var court: String
        var caseNumber: String
        var state: String
        var requested: Money
        var limit: Money
        var held: Money
        var uncountedHeld: Money
        var deducted: Money
        var start: String
        var end: String
        var warningDay: String?
        var priorityClaimNoticeDue: String?
    }
    var bank: String
    var number: String
    var currency: String
    var balance: Money
    var priorityClaimFunds: Money
    var protectedFunds: Money
    var held: Money
    var unheld: Money
    var deducted: Money
    var freezes: [FreezeView]
}

/// A freeze about to lapse (R-E7).
struct LapseWarningView: Codable {
    var account: String
    var freezeId: String
    var court: String
    var end: String
    var estimated: Bool
}

/// A receipt stored with a flag.
struct FlaggedReceiptView: Codable {
    var court: String
    var instructionId: String
    var adapter: String
    var account: String?
    var reason: String
    var receivedAt: String
}

struct LedgerView: Codable {
    var today: String
    var account: LedgerAccountView?
    var lapsingSoon: [LapseWarningView]
    var flagged: [FlaggedReceiptView]
}

extension HubAPI {
    /// GET /v1/operator/ledger[?bank=&account=&currency=]: freezes about to lapse and flagged
    /// receipts, and with the three parameters the ledger of that one account.
    func ledgerView(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        _ = try HubAPI.require(context, kind: .operator)
        guard let ledger else { throw ProblemError(.notFound, "this hub runs without a control ledger") }
        let key = try HubAPI.accountKey(request)
        var account: LedgerAccountView?
        if let key {
            guard let snapshot = ledger.ledger.snapshot(of: key) else {
                throw ProblemError(.notFound, "the control ledger holds nothing on \(key)", field: "account")
            }
            account = LedgerAccountView(snapshot)
        }
        let view = LedgerView(
            today: ledger.today().description, account: account,
            lapsingSoon: ledger.lapsingSoon(account: key).map(LapseWarningView.init),
            flagged: ledger.flaggedReceipts(account: key).map(FlaggedReceiptView.init))
        return try HubAPI.json(view)
    }

    /// The account the query names: all of bank, account and currency, or none of them.
    static func accountKey(_ request: Request) throws -> AccountKey? {
        let parameters = request.uri.queryParameters
        let values = ["bank", "account", "currency"].map { name in parameters[name[...]].map(String.init) }
        guard values.contains(where: { $0 != nil }) else { return nil }
        guard let bank = values[0], let number = values[1], let code = values[2], !bank.isEmpty, !number.isEmpty else {
            throw ProblemError(.badRequest, "name an account with all of bank, account and currency", field: "account")
        }
        let currency: Currency
        do { currency = try Currency(code: code) } catch {
            throw ProblemError(.badRequest, "currency: \(error)", field: "currency")
        }
        return AccountKey(bankCode: bank, accountNumber: number, currency: currency)
    }
}

extension LedgerAccountView {
    init(_ snapshot: AccountSnapshot) {
        bank = snapshot.key.bankCode
        number = snapshot.key.accountNumber
        currency = snapshot.key.currency.code
        balance = snapshot.balance
        priorityClaimFunds = snapshot.priorityClaimFunds
        protectedFunds = snapshot.protectedFunds
        held = snapshot.heldTotal
        unheld = snapshot.unheld
        deducted = snapshot.deductedTotal
        freezes = snapshot.freezes.map { freeze in
            FreezeView(
                id: LedgerTranslation.parts(of: freeze.id).id, court: freeze.court.value, caseNumber: freeze.caseNumber.value,
                state: freeze.state.rawValue, requested: freeze.requested, limit: freeze.limit, held: freeze.held,
                uncountedHeld: freeze.uncountedHeld, deducted: freeze.deducted, start: freeze.start.description,
                end: freeze.end.description, warningDay: freeze.warningDay?.description,
                priorityClaimNoticeDue: freeze.noticeDue?.description)
        }
    }
}

extension LapseWarningView {
    init(_ warning: LapseWarning) {
        account = warning.account.description
        freezeId = LedgerTranslation.parts(of: warning.freeze).id
        court = warning.court.value
        end = warning.end.description
        estimated = warning.estimated
    }
}

extension FlaggedReceiptView {
    init(_ flagged: FlaggedReceipt) {
        court = flagged.court
        instructionId = flagged.instructionID
        adapter = flagged.adapterID
        account = flagged.account?.description
        reason = flagged.reason
        receivedAt = Timestamps.rfc3339(milliseconds: flagged.receivedAtMilliseconds)
    }
}
