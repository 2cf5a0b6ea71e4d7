import ArgumentParser
import BankAdapter
import Dispatch
import HubProtocol

/// `hubd nation`: generates a synthetic nation and reports how long it took.
struct NationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nation",
        abstract: "Generate a seeded synthetic nation (courts, banks, accounts) and time it.",
        discussion: """
            Courts with the real code structure, the 21 national banks on T2T and provincial banks on P2P, \
            and accounts held by people and companies with valid ID numbers and credit codes. Prints the \
            generation time, then checks a sample of identities and materialises the largest bank's ledger.
            """
    )

    @Option(help: "Banks (at least 21).")
    var banks = 4_000

    @Option(help: "Accounts.")
    var accounts = 1_000_000

    @Option(help: "Seed; the same seed gives the same nation.")
    var seed: UInt64 = 1

    @Option(help: "Owners whose identity numbers are validated after generation.")
    var sample = 10_000

    func validate() throws {
        guard (21...SyntheticNation.maximumBanks).contains(banks) else { throw ValidationError("banks: 21…\(SyntheticNation.maximumBanks)") }
        guard (1...SyntheticNation.maximumAccounts).contains(accounts) else { throw ValidationError("accounts: 1…\(SyntheticNation.maximumAccounts)") }
        guard sample >= 0 else { throw ValidationError("sample must not be negative") }
    }

    func run() throws {
        #if DEBUG
            let build = "debug"
        #else
            let build = "release"
        #endif
        print("build: \(build); banks \(banks), accounts \(accounts), seed \(seed)")
        let started = DispatchTime.now().uptimeNanoseconds
        let nation = SyntheticNation.generate(seed: seed, bankCount: banks, accountCount: accounts)
        let generated = DispatchTime.now().uptimeNanoseconds
        print(
            "generated: \(nation.courts.count) courts, \(nation.bankCount) banks, \(nation.ownerCount) owners, "
                + "\(nation.accountCount) accounts in \(Self.seconds(generated - started)) s")
        try checkSample(of: nation)
        let ledgerStart = DispatchTime.now().uptimeNanoseconds
        let ledger = nation.ledger(forBank: 0, start: Timestamp(millisecondsSinceEpoch: 1_796_083_200_000))
        print("ledger of \(nation.banks[0].code): \(ledger.accounts.count) accounts in \(Self.seconds(DispatchTime.now().uptimeNanoseconds - ledgerStart)) s")
    }

    private func checkSample(of nation: SyntheticNation) throws {
        var random = SeededRandom(seed: seed ^ 0x5A5A)
        var invalid = 0
        for _ in 0..<min(sample, nation.ownerCount) {
            let owner = Int(random.next(below: UInt64(nation.ownerCount)))
            let number = nation.ownerDocumentNumber(owner)
            let valid = nation.ownerIsCompany(owner) ? (try? UnifiedSocialCreditCode(number)) != nil : (try? ResidentIDNumber(number)) != nil
            if !valid { invalid += 1 }
        }
        print("identity sample: \(min(sample, nation.ownerCount)) checked, \(invalid) invalid")
        if invalid > 0 { throw ExitCode.failure }
    }

    private static func seconds(_ nanoseconds: UInt64) -> String {
        let milliseconds = nanoseconds / 1_000_000
        return "\(milliseconds / 1_000).\(String(milliseconds % 1_000 + 1_000).dropFirst())"
    }
}
