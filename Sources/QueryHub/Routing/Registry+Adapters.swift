import HubProtocol

extension Registry {
    /// Every adapter that can receive work, in registry order: each T2T bank's head office, each
    /// P2P branch of a bank without T2T (a T2T bank's P2P links have stopped, R-B3), each police
    /// office.
    public var adapters: [AdapterID] {
        bankAdapters + policeOffices.map { AdapterID.police(officeID: $0.id) }
    }

    /// True when the adapter can receive work now (see ``adapters``): the check for an adapter
    /// that asks for its queue.
    public func isRegistered(_ adapter: AdapterID) -> Bool {
        switch adapter {
        case .bankHeadOffice(let code):
            return bank(code: code)?.t2tLinked == true
        case .bankBranch(let code, let province):
            guard let bank = bank(code: code) else { return false }
            return !bank.t2tLinked && bank.p2pProvinces.contains(province)
        case .police(let officeID):
            return policeOffice(id: officeID) != nil
        }
    }

    /// Every adapter a query naming no bank may reach: the bank adapters of ``adapters``. One
    /// query reaches exactly one of them per bank — which branch of a P2P bank depends on the
    /// issuing court's province; ``broadcastAdapterIDs(from:)`` gives the exact set.
    public var broadcastAdapterIDs: [AdapterID] {
        bankAdapters
    }

    /// The adapters a query naming no bank reaches from this court: one per connected bank, in
    /// registry order (the adapters of ``Router/targets(kind:court:bankCode:)``).
    public func broadcastAdapterIDs(from court: CourtCode) throws(RoutingError) -> [AdapterID] {
        try Router(registry: self).targets(kind: .bankQuery, court: court, bankCode: nil).map(\.adapterID)
    }

    private var bankAdapters: [AdapterID] {
        banks.flatMap { bank -> [AdapterID] in
            if bank.t2tLinked { return [.bankHeadOffice(bankCode: bank.code)] }
            return bank.p2pProvinces.map { AdapterID.bankBranch(bankCode: bank.code, province: $0) }
        }
    }
}
