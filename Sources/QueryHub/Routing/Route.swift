/// How one measure reaches one counterpart: the adapter that will carry it out, the channel, and
/// the hops on the way. Kept with the instruction as the record of where it went.
public struct Route: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of link the route uses.
    public enum Channel: String, Hashable, Sendable, Codable {
        /// 总对总: the hub to a bank's head office (R-B2).
        case totalToTotal
        /// 点对点: a high court to a bank's provincial branch (R-B3).
        case pointToPoint
        /// The hub to the police.
        case police
    }

    /// The adapter whose queue receives the work item.
    public let adapterID: AdapterID
    /// The bank reached, or nil for a police route.
    public let bankCode: String?
    /// The kind of link.
    public let channel: Channel
    /// The hops from the court to the counterpart, in order; the last is the counterpart.
    public let hops: [RouteHop]

    /// A route from its parts.
    public init(adapterID: AdapterID, bankCode: String?, channel: Channel, hops: [RouteHop]) {
        precondition(!hops.isEmpty, "a route has at least the counterpart as a hop")
        precondition(bankCode == adapterID.bankCode, "a route's bank is its adapter's")
        self.adapterID = adapterID
        self.bankCode = bankCode
        self.channel = channel
        self.hops = hops
    }

    /// `bank:ICBC via hub → ICBC head office`.
    public var description: String {
        "\(adapterID) via " + hops.map(\.description).joined(separator: " → ")
    }
}
