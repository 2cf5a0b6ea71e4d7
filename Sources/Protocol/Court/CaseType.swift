/// The type marker (类型代字) of a case number, for the case types that reach the enforcement
/// network: enforcement and its side proceedings, property preservation, and bankruptcy review.
///
/// The raw value is the Chinese marker as it stands in the case number (`执恢`).
public enum CaseType: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// 首次执行: first enforcement.
    case enforcement = "执"
    /// 财产保全执行: enforcement of a preservation ruling.
    case preservationEnforcement = "执保"
    /// 恢复执行: enforcement resumed after it ended for the time being (终本).
    case resumedEnforcement = "执恢"
    /// 执行异议: objection to an enforcement act.
    case enforcementObjection = "执异"
    /// 执行复议: reconsideration of an objection ruling.
    case enforcementReconsideration = "执复"
    /// 执行监督: supervision by a higher court.
    case enforcementSupervision = "执监"
    /// 执行协调: coordination between courts.
    case enforcementCoordination = "执协"
    /// 其他执行: other enforcement matters (requests, instructions).
    case otherEnforcement = "执他"
    /// 参与分配: distribution among several creditors.
    case distribution = "执配"
    /// 非诉财产保全审查: review of a property preservation application before suit.
    case propertyPreservationReview = "财保"
    /// 破产审查: review of a bankruptcy application, including enforcement cases moved to
    /// bankruptcy (R-K1).
    case bankruptcyApplicationReview = "破申"

    /// The Chinese marker (`执恢`).
    public var marker: String { rawValue }

    /// The English name (`"resumed enforcement"`).
    public var englishName: String {
        switch self {
        case .enforcement: return "enforcement"
        case .preservationEnforcement: return "preservation enforcement"
        case .resumedEnforcement: return "resumed enforcement"
        case .enforcementObjection: return "enforcement objection"
        case .enforcementReconsideration: return "enforcement reconsideration"
        case .enforcementSupervision: return "enforcement supervision"
        case .enforcementCoordination: return "enforcement coordination"
        case .otherEnforcement: return "other enforcement"
        case .distribution: return "distribution"
        case .propertyPreservationReview: return "property preservation review"
        case .bankruptcyApplicationReview: return "bankruptcy application review"
        }
    }

    /// The marker.
    public var description: String { rawValue }
}

/// On the wire: the Chinese marker (`"执恢"`); decoding names an unknown marker.
extension CaseType: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let marker = try container.decode(String.self)
        guard let type = CaseType(rawValue: marker) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: CaseNumberError.unknownCaseType(text: marker, marker: marker).description)
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
