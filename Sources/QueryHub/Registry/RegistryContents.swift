/// Everything a registry holds, as the registry file has it:
///
/// ```json
/// {"formatVersion": 1, "courts": [...], "banks": [...], "policeOffices": [...],
///  "officers": [...], "specialAccounts": [...], "sealKeys": [...]}
/// ```
///
/// Decoding refuses unknown keys at every level, naming where (`banks[2].capabilities.onlineDeduct`).
/// The registry checks consistency when built from it (``Registry/init(contents:)``).
public struct RegistryContents: Hashable, Sendable {
    /// The file format this code reads and writes.
    public static let currentFormatVersion = 1

    /// The file's format version; only ``currentFormatVersion`` is read.
    public var formatVersion: Int
    /// Courts, in any order (a parent may come after its children).
    public var courts: [RegisteredCourt]
    /// Banks; their P2P provinces' high courts must be among the courts.
    public var banks: [RegisteredBank]
    /// Police offices (at most ``Registry/maximumPoliceOffices``).
    public var policeOffices: [PoliceOffice]
    /// Officers of the courts above; deactivated ones are kept.
    public var officers: [Officer]
    /// Special accounts of the courts above, approved by their presidents.
    public var specialAccounts: [SpecialAccount]
    /// Seal keys of the courts, banks and police offices above; revoked ones are kept.
    public var sealKeys: [SealKeyRecord]

    /// Contents from their parts.
    public init(
        formatVersion: Int = RegistryContents.currentFormatVersion, courts: [RegisteredCourt], banks: [RegisteredBank],
        policeOffices: [PoliceOffice], officers: [Officer], specialAccounts: [SpecialAccount], sealKeys: [SealKeyRecord]
    ) {
        self.formatVersion = formatVersion
        self.courts = courts
        self.banks = banks
        self.policeOffices = policeOffices
        self.officers = officers
        self.specialAccounts = specialAccounts
        self.sealKeys = sealKeys
    }
}

extension RegistryContents: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case formatVersion, courts, banks, policeOffices, officers, specialAccounts, sealKeys
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == RegistryContents.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "format version \(version) is not supported; this hub reads version \(RegistryContents.currentFormatVersion)")
        }
        self.init(
            formatVersion: version,
            courts: try container.decode([RegisteredCourt].self, forKey: .courts),
            banks: try container.decode([RegisteredBank].self, forKey: .banks),
            policeOffices: try container.decode([PoliceOffice].self, forKey: .policeOffices),
            officers: try container.decode([Officer].self, forKey: .officers),
            specialAccounts: try container.decode([SpecialAccount].self, forKey: .specialAccounts),
            sealKeys: try container.decode([SealKeyRecord].self, forKey: .sealKeys))
    }
}
