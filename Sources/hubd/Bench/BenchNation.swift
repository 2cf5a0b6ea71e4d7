import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub

/// The network the end-to-end bench runs: the sample courts (with their officers and special
/// accounts) and `bankCount` banks — the sample's five plus generated head offices linked
/// total-to-total —, a seal key for every court and bank, and a development PKI with a client
/// certificate for each, all in memory.
struct BenchNation: Sendable {
    let registry: Registry
    /// Seal keys of the courts, by court.
    let courtKeys: [CourtCode: SealPrivateKey]
    /// Seal keys of the banks, by bank code.
    let bankKeys: [String: SealPrivateKey]
    let pki: DevelopmentPKIMaterial
    /// The courts that submit (every sample court).
    let courts: [CourtCode]
    /// Banks holding accounts for measures (the T2T head offices).
    let accountBanks: [String]
    /// The bank adapters that poll (every bank adapter of the registry).
    let bankAdapters: [String]

    /// The most banks: what the registry allows, with room in the development PKI (one
    /// certificate per bank) for the courts and operators.
    static let maximumBanks = min(Registry.maximumBanks, DevelopmentPKI.maximumPrincipals - 100)

    /// Builds the nation. Court seals use `courtSeal` (SM2 in the real network); banks seal with `bankSeal`.
    static func make(bankCount: Int, courtSeal: SealAlgorithm, bankSeal: SealAlgorithm) throws -> BenchNation {
        precondition(bankCount >= 5 && bankCount <= maximumBanks, "5…\(maximumBanks) banks")
        let sample = try Registry.sample()
        var contents = sample.contents
        var banks = contents.banks
        let national = BankCapabilities(onlineDeduct: true, historyQuery: true)
        for index in 0..<(bankCount - banks.count) {
            banks.append(
                RegisteredBank(
                    code: bankCode(index), name: "模拟商业银行第\(index + 1)号", t2tLinked: true, p2pProvinces: [], capabilities: national))
        }
        contents.banks = banks
        var courtKeys: [CourtCode: SealPrivateKey] = [:]
        var bankKeys: [String: SealPrivateKey] = [:]
        var records: [SealKeyRecord] = []
        for court in contents.courts {
            let key = try SealPrivateKey.generate(courtSeal)
            courtKeys[court.code] = key
            records.append(record(.court(court.code), key))
        }
        for bank in banks {
            let key = try SealPrivateKey.generate(bankSeal)
            bankKeys[bank.code] = key
            records.append(record(.bank(code: bank.code), key))
        }
        contents.sealKeys = records
        let registry = try Registry(contents: contents)
        let pki = try DevelopmentPKI.makeInMemory(principals: try DevelopmentSetup.principals(of: registry) + DevelopmentSetup.hubPrincipals(HubConfiguration()))
        let bankAdapters = registry.adapters.map(\.description).filter { $0.hasPrefix("bank:") }
        return BenchNation(
            registry: registry, courtKeys: courtKeys, bankKeys: bankKeys, pki: pki, courts: contents.courts.map(\.code),
            accountBanks: banks.filter(\.t2tLinked).map(\.code), bankAdapters: bankAdapters)
    }

    /// A generated bank's code: `SB` and five digits.
    static func bankCode(_ index: Int) -> String {
        let digits = String(index + 1)
        return "SB" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    private static func record(_ owner: SealKeyOwner, _ key: SealPrivateKey) -> SealKeyRecord {
        SealKeyRecord(
            owner: owner, keyId: Registry.sampleSealKeyID(for: owner), publicKey: key.publicKey,
            validFromUnixMilliseconds: Registry.sampleKeysValidFromUnixMilliseconds,
            validUntilUnixMilliseconds: Registry.sampleKeysValidUntilUnixMilliseconds)
    }

    /// The bank code of an adapter id (`bank:ICBC`, `bank:BJRCB@京` → `ICBC`, `BJRCB`).
    static func bankCode(ofAdapter adapter: String) -> String {
        String(adapter.dropFirst("bank:".count).prefix { $0 != "@" })
    }

    /// A client with `principal`'s certificate against the hub at `baseURL`.
    func client(_ principal: PrincipalIdentity, baseURL: String, connections: Int) throws -> HubHTTPClient {
        let tls = try makeClientTLSConfiguration(client: pki.client(principal), trustRootsPEM: pki.authority.certificatePEM)
        return try HubHTTPClient(baseURL: baseURL, tlsConfiguration: tls, connectionPoolSize: connections, requestTimeout: .seconds(90))
    }
}
