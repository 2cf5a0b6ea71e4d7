import HubProtocol

/// Decides where a measure goes (R-B2, R-B3, R-B22), from a registry snapshot. Pure and
/// deterministic: the same registry and measure give the same routes in the same order.
///
/// Rules:
/// - A bank with a T2T link is reached at its head office, from every court, and never over P2P:
///   T2T supersedes P2P (R-B2, R-B3).
/// - A bank without one is reached at a provincial branch: through the court's own high court
///   when the court's province links to the bank; otherwise the hub relays to the first province
///   in the bank's ``RegisteredBank/p2pProvinces`` (R-B3). No region limit applies (R-B22).
/// - A query naming no bank goes to every connected bank, one route per bank, in registry order.
/// - Police measures go to the police office's adapter, through the hub.
public struct Router: Sendable {
    /// The registry routed against.
    public let registry: Registry

    /// A router over a registry snapshot.
    public init(registry: Registry) {
        self.registry = registry
    }

    /// The routes for one measure from one court.
    ///
    /// - Parameters:
    ///   - kind: the measure.
    ///   - court: the issuing court; must be registered.
    ///   - bankCode: the bank, for a bank measure; nil only for a query to every bank, and for
    ///     police measures.
    /// - Returns: one route, or for a query to every bank one per connected bank.
    public func targets(kind: InstructionKind, court: CourtCode, bankCode: String?) throws(RoutingError) -> [Route] {
        guard registry.court(court) != nil else { throw .unknownCourt(court) }
        switch kind.addressee {
        case .police:
            if let bankCode { throw .bankNotAllowed(kind, bankCode: bankCode) }
            return [try policeRoute()]
        case .bank:
            guard let bankCode else {
                guard kind == .bankQuery else { throw .bankRequired(kind) }
                return try routesToEveryBank(from: court)
            }
            guard let bank = registry.bank(code: bankCode) else { throw .unknownBank(bankCode) }
            if kind == .bankDeduct, !bank.capabilities.onlineDeduct {
                throw .bankLacksCapability(bankCode: bankCode, kind: kind, capability: "onlineDeduct")
            }
            return [try route(to: bank, from: court)]
        }
    }

    /// The route to one bank from one court, by the rules above.
    public func route(to bank: RegisteredBank, from court: CourtCode) throws(RoutingError) -> Route {
        if bank.t2tLinked {
            return Route(
                adapterID: .bankHeadOffice(bankCode: bank.code), bankCode: bank.code, channel: .totalToTotal,
                hops: [.hub, .bankHeadOffice(bankCode: bank.code)])
        }
        guard let relayProvince = bank.p2pProvinces.first else { throw .bankNotConnected(bank.code) }
        if let province = court.province, bank.p2pProvinces.contains(province) {
            return Route(
                adapterID: .bankBranch(bankCode: bank.code, province: province), bankCode: bank.code, channel: .pointToPoint,
                hops: [.highCourt(.high(province)), .bankBranch(bankCode: bank.code, province: province)])
        }
        return Route(
            adapterID: .bankBranch(bankCode: bank.code, province: relayProvince), bankCode: bank.code, channel: .pointToPoint,
            hops: [.hub, .highCourt(.high(relayProvince)), .bankBranch(bankCode: bank.code, province: relayProvince)])
    }

    private func routesToEveryBank(from court: CourtCode) throws(RoutingError) -> [Route] {
        var routes: [Route] = []
        let banks = registry.banks
        routes.reserveCapacity(banks.count)
        // Bounded by Registry.maximumBanks.
        for bank in banks where bank.isConnected {
            routes.append(try route(to: bank, from: court))
        }
        guard !routes.isEmpty else { throw .noConnectedBank }
        assert(Set(routes.map(\.bankCode)).count == routes.count, "one route per bank")
        return routes
    }

    private func policeRoute() throws(RoutingError) -> Route {
        guard let office = registry.policeOffices.first else { throw .noPoliceOffice }
        assert(registry.policeOffices.count <= Registry.maximumPoliceOffices)
        return Route(
            adapterID: .police(officeID: office.id), bankCode: nil, channel: .police,
            hops: [.hub, .policeOffice(officeID: office.id)])
    }
}
