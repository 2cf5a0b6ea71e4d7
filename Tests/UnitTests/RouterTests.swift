import Foundation
import HubProtocol
import QueryHub
import Testing

/// Where measures go: T2T to head offices, P2P through high courts (relayed by the hub across
/// provinces), fan-out of queries that name no bank, police measures to the police adapter.
@Suite("Router")
struct RouterTests {
    private static let time: Int64 = 1_780_000_000_000
    private static let courtCodes = ["京", "京01", "京03", "京0105", "京0108", "沪", "沪01", "沪0101"]

    private let registry: Registry
    private let router: Router

    init() throws {
        registry = try Registry.sample()
        router = Router(registry: registry)
    }

    @Test("R-B2: every court reaches a T2T bank at its head office through the hub", arguments: courtCodes)
    func totalToTotal(courtText: String) throws {
        for bank in ["ICBC", "CCB", "BOC"] {
            let routes = try router.targets(kind: .bankFreeze, court: CourtCode(courtText), bankCode: bank)
            #expect(routes == [Route(
                adapterID: .bankHeadOffice(bankCode: bank), bankCode: bank, channel: .totalToTotal,
                hops: [.hub, .bankHeadOffice(bankCode: bank)])])
            #expect(routes[0].adapterID.description == "bank:" + bank)
        }
    }

    @Test("R-B3: a court of the bank's P2P province goes through its own high court, not the hub",
          arguments: ["京", "京01", "京0105", "京0108"])
    func pointToPointSameProvince(courtText: String) throws {
        let routes = try router.targets(kind: .bankQuery, court: CourtCode(courtText), bankCode: "BJRCB")
        #expect(routes.count == 1)
        #expect(routes[0].channel == .pointToPoint)
        #expect(routes[0].hops == [.highCourt(.high(.beijing)), .bankBranch(bankCode: "BJRCB", province: .beijing)])
        #expect(routes[0].adapterID.description == "bank:BJRCB@京")
    }

    @Test("R-B3: a court of another province reaches a P2P bank relayed by the hub to the linked high court")
    func pointToPointRelayed() throws {
        let fromShanghai = try router.targets(kind: .bankFreeze, court: CourtCode("沪0101"), bankCode: "BJRCB")
        #expect(fromShanghai.map(\.hops) == [[.hub, .highCourt(.high(.beijing)), .bankBranch(bankCode: "BJRCB", province: .beijing)]])
        #expect(fromShanghai.map(\.adapterID) == [.bankBranch(bankCode: "BJRCB", province: .beijing)])
        let fromBeijing = try router.targets(kind: .bankFreeze, court: CourtCode("京0105"), bankCode: "SHRCB")
        #expect(fromBeijing.map(\.hops) == [[.hub, .highCourt(.high(.shanghai)), .bankBranch(bankCode: "SHRCB", province: .shanghai)]])
    }

    @Test("R-B3: the hub relays to the first province in the bank's link order; a linked province uses its own")
    func relayChoiceIsDeterministic() throws {
        var registry = registry
        try registry.apply(.addCourt(court: RegisteredCourt(code: .high(.guangdong), name: "广东省高级人民法院", parent: nil)),
                           by: "operator-1", atUnixMilliseconds: Self.time, reason: "广东 joins the network")
        try registry.apply(.addCourt(court: RegisteredCourt(code: CourtCode("粤0104"), name: "广州市越秀区人民法院", parent: nil)),
                           by: "operator-1", atUnixMilliseconds: Self.time, reason: "越秀 joins the network")
        try registry.apply(.addBank(bank: RegisteredBank(
            code: "HXB", name: "华夏银行", t2tLinked: false, p2pProvinces: [.shanghai, .beijing],
            capabilities: BankCapabilities(onlineDeduct: true, historyQuery: true))),
            by: "operator-1", atUnixMilliseconds: Self.time, reason: "HXB linked P2P in 沪 and 京")
        let router = Router(registry: registry)
        let fromGuangdong = try router.targets(kind: .bankQuery, court: CourtCode("粤0104"), bankCode: "HXB")
        #expect(fromGuangdong.map(\.adapterID) == [.bankBranch(bankCode: "HXB", province: .shanghai)])
        #expect(fromGuangdong[0].hops.first == .hub)
        let fromBeijing = try router.targets(kind: .bankQuery, court: CourtCode("京0108"), bankCode: "HXB")
        #expect(fromBeijing.map(\.adapterID) == [.bankBranch(bankCode: "HXB", province: .beijing)])
        #expect(fromBeijing[0].hops.first == .highCourt(.high(.beijing)))
    }

    @Test("R-B3: once a P2P bank is linked T2T, everything for it goes T2T and its branches take no work")
    func totalToTotalSupersedesPointToPoint() throws {
        var registry = registry
        try registry.apply(.linkBankT2T(bankCode: "BJRCB"), by: "operator-1", atUnixMilliseconds: Self.time, reason: "BJRCB head office linked")
        let router = Router(registry: registry)
        for courtText in Self.courtCodes {
            let routes = try router.targets(kind: .bankDeduct, court: CourtCode(courtText), bankCode: "BJRCB")
            #expect(routes.map(\.channel) == [.totalToTotal])
            #expect(routes.map(\.hops) == [[.hub, .bankHeadOffice(bankCode: "BJRCB")]])
        }
        let branch = AdapterID.bankBranch(bankCode: "BJRCB", province: .beijing)
        #expect(!registry.adapters.contains(branch))
        #expect(!registry.isRegistered(branch))
        #expect(registry.isRegistered(.bankHeadOffice(bankCode: "BJRCB")))
        #expect(throws: RegistryError.p2pLinkToT2TBank(bankCode: "BJRCB", province: .shanghai)) {
            try registry.apply(.linkBankP2P(bankCode: "BJRCB", province: .shanghai), by: "operator-1",
                               atUnixMilliseconds: Self.time, reason: "no longer possible")
        }
    }

    @Test("R-B22: every basic court reaches every bank, wherever the bank is linked", arguments: ["京0105", "京0108", "沪0101"])
    func noRegionalLimit(courtText: String) throws {
        let court = try CourtCode(courtText)
        for bank in registry.banks {
            let routes = try router.targets(kind: .bankFreeze, court: court, bankCode: bank.code)
            #expect(routes.count == 1)
            #expect(routes[0].bankCode == bank.code)
            #expect(registry.isRegistered(routes[0].adapterID))
        }
    }

    @Test("a query naming no bank fans out to every connected bank exactly once, skipping unconnected ones")
    func fanOut() throws {
        var registry = registry
        try registry.apply(.addBank(bank: RegisteredBank(
            code: "NOLINK", name: "未联网银行", t2tLinked: false, p2pProvinces: [],
            capabilities: BankCapabilities(onlineDeduct: false, historyQuery: false))),
            by: "operator-1", atUnixMilliseconds: Self.time, reason: "registered before its link is built")
        let router = Router(registry: registry)
        let routes = try router.targets(kind: .bankQuery, court: CourtCode("京0105"), bankCode: nil)
        #expect(routes.compactMap(\.bankCode) == ["ICBC", "CCB", "BOC", "BJRCB", "SHRCB"])
        #expect(routes.map(\.adapterID.description) == ["bank:ICBC", "bank:CCB", "bank:BOC", "bank:BJRCB@京", "bank:SHRCB@沪"])
        #expect(try registry.broadcastAdapterIDs(from: CourtCode("京0105")) == routes.map(\.adapterID))
        #expect(Set(registry.broadcastAdapterIDs) == Set(routes.map(\.adapterID)))
        #expect(throws: RoutingError.bankNotConnected("NOLINK")) {
            try router.targets(kind: .bankQuery, court: CourtCode("京0105"), bankCode: "NOLINK")
        }
    }

    @Test("an unknown bank or court is refused before anything is stored")
    func unknownBankOrCourt() throws {
        #expect(throws: RoutingError.unknownBank("XYZ")) {
            try router.targets(kind: .bankFreeze, court: CourtCode("京0105"), bankCode: "XYZ")
        }
        #expect(throws: RoutingError.unknownCourt(try CourtCode("京0199"))) {
            try router.targets(kind: .bankQuery, court: CourtCode("京0199"), bankCode: "ICBC")
        }
    }

    @Test("bank measures on an account must name the bank; only bank.query fans out",
          arguments: [InstructionKind.bankFreeze, .bankRenew, .bankUnfreeze, .bankDeduct])
    func bankRequired(kind: InstructionKind) throws {
        #expect(throws: RoutingError.bankRequired(kind)) {
            try router.targets(kind: kind, court: CourtCode("京0105"), bankCode: nil)
        }
    }

    @Test("police measures go to the police adapter through the hub and name no bank",
          arguments: InstructionKind.allCases.filter { $0.addressee == .police })
    func police(kind: InstructionKind) throws {
        let routes = try router.targets(kind: kind, court: CourtCode("沪0101"), bankCode: nil)
        #expect(routes == [Route(adapterID: .police(officeID: "MPS"), bankCode: nil, channel: .police,
                                 hops: [.hub, .policeOffice(officeID: "MPS")])])
        #expect(throws: RoutingError.bankNotAllowed(kind, bankCode: "ICBC")) {
            try router.targets(kind: kind, court: CourtCode("沪0101"), bankCode: "ICBC")
        }
    }

    @Test("a deduct to a bank that cannot deduct online is refused before it is stored")
    func deductCapability() throws {
        #expect(throws: RoutingError.bankLacksCapability(bankCode: "SHRCB", kind: .bankDeduct, capability: "onlineDeduct")) {
            try router.targets(kind: .bankDeduct, court: CourtCode("沪0101"), bankCode: "SHRCB")
        }
        #expect(try router.targets(kind: .bankFreeze, court: CourtCode("沪0101"), bankCode: "SHRCB").count == 1)
    }

    @Test("a route encodes to JSON for the record and decodes back to the same route")
    func routeJSON() throws {
        let route = try router.targets(kind: .bankQuery, court: CourtCode("沪0101"), bankCode: "BJRCB")[0]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(route), as: UTF8.self)
        #expect(text == #"{"adapterID":"bank:BJRCB@京","bankCode":"BJRCB","channel":"pointToPoint","hops":[{"hop":"hub"},{"court":"京","hop":"highCourt"},{"bank":"BJRCB","hop":"bankBranch","province":"beijing"}]}"#)
        #expect(try JSONDecoder().decode(Route.self, from: Data(text.utf8)) == route)
    }

    @Test("adapter ids read back from their text; malformed ones are refused with the reason",
          arguments: ["bank:ICBC", "bank:BJRCB@京", "police:MPS"])
    func adapterIDRoundTrip(text: String) throws {
        #expect(try AdapterID(text).description == text)
    }

    @Test("malformed adapter ids are refused", arguments: ["bank:", "bank:icbc", "bank:BJRCB@X", "bank:AB@京@沪", "court:京", "police:MPS@京"])
    func malformedAdapterID(text: String) {
        #expect(throws: AdapterIDError.self) { try AdapterID(text) }
    }
}
