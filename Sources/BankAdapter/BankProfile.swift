import HubProtocol

/// How a bank is linked to the hub (R-B2, R-B3).
public enum BankLink: Hashable, Sendable, CustomStringConvertible {
    /// 总对总: the head office, linked to the SPC hub; answers in seconds.
    case totalToTotal
    /// 点对点: a provincial branch linked to that province's high court; slower.
    case pointToPoint(Province)

    /// `t2t`, or `p2p:<province>` (`p2p:hebei`).
    public var description: String {
        switch self {
        case .totalToTotal: return "t2t"
        case .pointToPoint(let province): return "p2p:\(province.rawValue)"
        }
    }
}

/// A bank's identity, link and behaviour as data: what the poller needs to simulate timing and
/// failures, and what the ledger needs to decide what the bank can do.
///
/// Delays and failures are drawn from ``seed`` and the instruction id, not from a clock or a
/// shared generator, so that any task may ask in any order and get the same answer.
public struct BankProfile: Hashable, Sendable {
    /// The bank's short code as the hub's registry knows it (`ICBC`, `HEBRCU0012`).
    public let code: String
    /// The financial institution code that signs receipts (`C1020000000018`), the receipt's responder.
    public let institutionCode: InstitutionCode
    /// The bank's name (`中国工商银行`).
    public let name: String
    /// Its link to the hub.
    public let link: BankLink
    /// Whether it deducts over the network; when false a deduct is answered with
    /// ``CannotAssistReason/deductNotSupportedOnline``.
    public let onlineDeduct: Bool
    /// The typical time from taking an item to answering it.
    public let medianDelayMilliseconds: Int
    /// How far a delay may stray from the median, either way.
    public let delaySpreadMilliseconds: Int
    /// Items per thousand on which the bank's link fails transiently (no answer; the lease lapses
    /// and the hub delivers again).
    public let transientFailuresPerMille: Int
    /// The seed of this bank's draws.
    public let seed: UInt64

    /// The longest delay a profile may declare: ten minutes.
    public static let maximumDelayMilliseconds = 600_000

    /// A profile; the delays and the failure rate must be within their bounds.
    public init(
        code: String, institutionCode: InstitutionCode, name: String, link: BankLink, onlineDeduct: Bool,
        medianDelayMilliseconds: Int, delaySpreadMilliseconds: Int, transientFailuresPerMille: Int, seed: UInt64
    ) {
        precondition(!code.isEmpty && !name.isEmpty, "a bank has a code and a name")
        precondition((0...BankProfile.maximumDelayMilliseconds).contains(medianDelayMilliseconds), "median delay out of range")
        precondition((0...medianDelayMilliseconds).contains(delaySpreadMilliseconds), "the spread may not exceed the median")
        precondition((0...1_000).contains(transientFailuresPerMille), "failures are per mille")
        self.code = code
        self.institutionCode = institutionCode
        self.name = name
        self.link = link
        self.onlineDeduct = onlineDeduct
        self.medianDelayMilliseconds = medianDelayMilliseconds
        self.delaySpreadMilliseconds = delaySpreadMilliseconds
        self.transientFailuresPerMille = transientFailuresPerMille
        self.seed = seed
    }

    /// A national bank's head office on T2T: about a second, rare failures.
    public static func nationalHeadOffice(code: String, institutionCode: InstitutionCode, name: String, seed: UInt64) -> BankProfile {
        BankProfile(
            code: code, institutionCode: institutionCode, name: name, link: .totalToTotal, onlineDeduct: true,
            medianDelayMilliseconds: 1_500, delaySpreadMilliseconds: 1_000, transientFailuresPerMille: 2, seed: seed)
    }

    /// A provincial branch on P2P: tens of seconds, more failures; some cannot deduct online.
    public static func provincialBranch(
        code: String, institutionCode: InstitutionCode, name: String, province: Province, onlineDeduct: Bool, seed: UInt64
    ) -> BankProfile {
        BankProfile(
            code: code, institutionCode: institutionCode, name: name, link: .pointToPoint(province),
            onlineDeduct: onlineDeduct, medianDelayMilliseconds: 30_000, delaySpreadMilliseconds: 25_000,
            transientFailuresPerMille: 20, seed: seed)
    }

    /// How long the bank takes to answer this instruction on this attempt, in milliseconds:
    /// median ± spread, the same every time it is asked.
    public func responseDelayMilliseconds(for instructionId: InstructionID, attempt: Int = 1) -> Int {
        precondition(attempt >= 1, "attempts count from 1")
        var random = SeededRandom(seed: SeededRandom.hash(instructionId.text, seed: seed &+ UInt64(attempt)))
        let offset = random.next(in: 0...(2 * delaySpreadMilliseconds)) - delaySpreadMilliseconds
        let delay = medianDelayMilliseconds + offset
        assert(delay >= 0 && delay <= 2 * medianDelayMilliseconds)
        return delay
    }

    /// How long the bank takes to answer, as a `Duration` for a poller that sleeps on it.
    public func responseDelay(for instructionId: InstructionID, attempt: Int = 1) -> Duration {
        .milliseconds(responseDelayMilliseconds(for: instructionId, attempt: attempt))
    }

    /// Whether the link fails on this attempt at this instruction (the poller then does not
    /// answer, as a bank whose link dropped). A later attempt draws again.
    public func failsTransiently(on instructionId: InstructionID, attempt: Int = 1) -> Bool {
        precondition(attempt >= 1, "attempts count from 1")
        let draw = SeededRandom.hash(instructionId.text, seed: seed ^ 0xFA11_0000 &+ UInt64(attempt)) % 1_000
        return draw < UInt64(transientFailuresPerMille)
    }
}
