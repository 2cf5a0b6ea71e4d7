import HubProtocol
import Logging
import Metrics
import Synchronization

/// The control ledger inside the running hub (steps 3 and 7 of the flow in ARCHITECTURE.md): it
/// refuses at intake what must not reach a bank, checks each bank's receipt and flags the ones
/// that break the rules, lapses freezes and warns before they end (R-E7).
///
/// It wraps a ``ControlLedger`` built with the registry's special accounts (R-B5, R-B17) and the
/// working-day calendar. The ledger lives in memory; ``rebuild(from:throughAuditSequence:)``
/// restores it from the store after a start. The day of every operation is the China Standard
/// Time calendar day of the hub's clock reading (``LedgerDay/init(unixMillisecondsInChina:)``):
/// courts, banks and the periods in their documents keep Beijing time.
///
/// The core calls it through ``LedgerHook`` in acceptance order (see the hook's documentation and
/// `docs/ledger-sharding.md`, "The ledger in the hub").
///
/// The case-level guard never lets a freeze out with less than the court sealed: the bank would
/// read the court's amount. When the guard would reduce a freeze, the gate refuses it (422) and
/// states the amount the case still allows, so that the court can issue a sealed freeze for that.
public final class LedgerGate: LedgerHook, Sendable {
    /// The ledger itself.
    public let ledger: ControlLedger
    let clock: @Sendable () -> Int64
    let logger: Logger
    let watch = Mutex(LedgerWatch())

    /// The day the ledger's clock starts from, before any hub's history: 2000-01-01 (day 10,957
    /// since 1970). Operations name later days; the ledger's clock only moves forward.
    static let startDay = LedgerDay(daysSinceEpoch: 10_957)

    /// A gate over an empty ledger with the registry's special accounts. `clock` is Unix
    /// milliseconds (the hub's clock).
    public init(
        registry: Registry, configuration: LedgerConfiguration = LedgerConfiguration(),
        calendar: WorkingDayCalendar = .china, logger: Logger, clock: @escaping @Sendable () -> Int64
    ) {
        ledger = ControlLedger(
            configuration: configuration, calendar: calendar, specialAccounts: LedgerTranslation.specialAccounts(of: registry),
            startDay: LedgerGate.startDay)
        self.logger = logger
        self.clock = clock
    }

    /// Today in China Standard Time, by the hub's clock.
    public func today() -> LedgerDay {
        LedgerDay(unixMillisecondsInChina: clock())
    }

    // MARK: - LedgerHook

    /// Dispatches the submission's measure on the day of its service time; throws the court's 422
    /// when the ledger refuses it, or when the case guard would reduce a freeze.
    public func admit(_ submission: Submission, serviceTimeMilliseconds: Int64) throws {
        guard let instruction = submission.ledgerInstruction else { return }
        let day = LedgerDay(unixMillisecondsInChina: serviceTimeMilliseconds)
        let outcome = ledger.dispatch(instruction, today: day)
        observe(outcome.events, logging: true)
        switch outcome.decision {
        case .refused(let refusal):
            throw refused(instruction, refusal: refusal, allowed: refusal.caseGuardHeadroom)
        case .accepted(let granted?, let reduction?):
            // The court sealed a larger amount than the case allows; the bank would read it.
            let withdrawn = ledger.withdraw(instruction, today: day)
            assert(withdrawn, "a freeze the ledger just accepted is waiting for its receipt")
            throw refused(instruction, refusal: reduction, allowed: granted)
        case .accepted:
            return
        }
    }

    /// Takes the submission's measure back out of the ledger: its commit failed.
    public func withdraw(_ submission: Submission, serviceTimeMilliseconds: Int64) {
        guard let instruction = submission.ledgerInstruction else { return }
        let withdrawn = ledger.withdraw(instruction, today: LedgerDay(unixMillisecondsInChina: serviceTimeMilliseconds))
        logger.warning(
            "measure withdrawn from the control ledger: it was not stored",
            metadata: ["instructionId": "\(instruction.header.instructionId)", "withdrawn": "\(withdrawn)"])
    }

    /// Applies what the answer tells the ledger on the day it arrived; returns the flag (the rule
    /// and what was wrong), which is also kept for the operator and counted.
    public func answered(
        _ answer: AnswerSubmission, court: String, instructionID: String, adapterID: String,
        receivedAtMilliseconds: Int64
    ) -> String? {
        guard let report = answer.ledgerReport else { return nil }
        let (reason, account) = apply(report, today: LedgerDay(unixMillisecondsInChina: receivedAtMilliseconds))
        guard let reason else { return nil }
        flag(
            FlaggedReceipt(
                court: court, instructionID: instructionID, adapterID: adapterID, account: account, reason: reason,
                receivedAtMilliseconds: receivedAtMilliseconds), logging: true)
        return reason
    }

    // MARK: - Time

    /// Brings every account with something due up to today: freezes past their end lapse and the
    /// next in line takes over (R-B13, R-B14); warnings of freezes about to end fall due (R-E7).
    @discardableResult
    public func advance() -> [LedgerEvent] {
        let events = ledger.advance(to: today())
        observe(events, logging: true)
        return events
    }

    // MARK: - Refusals

    /// The 422 a court gets, naming the rule and the field; counted per rule.
    private func refused(_ instruction: LedgerInstruction, refusal: LedgerRefusal, allowed: Money?) -> ProblemError {
        let rule = refusal.rule(for: instruction)
        Counter(label: "hub_ledger_refusals_total", dimensions: [("rule", rule)]).increment()
        return ProblemError.ledgerRefusal(clarified(refusal, instruction: instruction), instruction: instruction, allowed: allowed)
    }

    /// A freeze the court names that the ledger cannot find under the court's own ids may be
    /// another court's with the same id: say whose it is.
    private func clarified(_ refusal: LedgerRefusal, instruction: LedgerInstruction) -> LedgerRefusal {
        guard case .freezeNotFound(let id) = refusal, let snapshot = ledger.snapshot(of: instruction.header.account) else {
            return refusal
        }
        let named = LedgerTranslation.parts(of: id).id
        guard let other = snapshot.freezes.first(where: { LedgerTranslation.parts(of: $0.id).id == named }) else {
            return refusal
        }
        return .freezeOwnedByAnotherCourt(freeze: id, owner: other.court)
    }
}
