import HubProtocol

/// Why a measure was not accepted from its officer (R-A1, R-B4). Each case names what failed.
public enum AuthorityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Who, besides the issuing officer, a measure names.
    public enum Signatory: String, Hashable, Sendable, CustomStringConvertible {
        /// The judge who made the ruling (R-A1).
        case rulingJudge = "ruling judge"
        /// The president who approved the ruling (R-A1).
        case approvingPresident = "approving president"

        /// The role the signatory must hold.
        public var role: OfficerRole {
            switch self {
            case .rulingJudge: return .judge
            case .approvingPresident: return .president
            }
        }

        /// `ruling judge`, `approving president`.
        public var description: String { rawValue }
    }

    /// The issuing court is not registered.
    case unknownCourt(CourtCode)
    /// No officer is registered under this id (R-B4).
    case unregisteredOfficer(officerID: String)
    /// The officer belongs to another court than the one issuing the measure (R-A1).
    case officerOfAnotherCourt(officerID: String, officerCourt: CourtCode, issuingCourt: CourtCode)
    /// The officer has been deactivated.
    case officerInactive(officerID: String)
    /// None of the officer's roles may issue this kind of measure.
    case roleNotAllowed(officerID: String, roles: [OfficerRole], kind: InstructionKind, allowedRoles: [OfficerRole])
    /// The measure needs a ruling judge (or the president's approval) and names none.
    case signatoryMissing(Signatory, kind: InstructionKind)
    /// The named judge or president is not registered.
    case signatoryUnregistered(Signatory, officerID: String)
    /// The named judge is no judge, or the named president no president.
    case signatoryLacksRole(Signatory, officerID: String, roles: [OfficerRole])
    /// The named judge or president belongs to another court.
    case signatoryOfAnotherCourt(Signatory, officerID: String, officerCourt: CourtCode, issuingCourt: CourtCode)
    /// The named judge or president has been deactivated.
    case signatoryInactive(Signatory, officerID: String)

    public var description: String {
        switch self {
        case .unknownCourt(let court):
            return "court \(court) is not registered"
        case .unregisteredOfficer(let id):
            return "officer \(id) is not registered (R-B4)"
        case .officerOfAnotherCourt(let id, let officerCourt, let issuingCourt):
            return "officer \(id) belongs to \(officerCourt), not to the issuing court \(issuingCourt) (R-A1)"
        case .officerInactive(let id):
            return "officer \(id) is inactive"
        case .roleNotAllowed(let id, let roles, let kind, let allowed):
            return "officer \(id) (\(Self.list(roles))) may not issue \(kind); allowed: \(Self.list(allowed)) (R-A1)"
        case .signatoryMissing(let signatory, let kind):
            return signatory == .rulingJudge
                ? "\(kind) carries out a ruling and must name the judge who made it (R-A1)"
                : "\(kind) needs the president's approval and must name the approving president (R-A1)"
        case .signatoryUnregistered(let signatory, let id):
            return "\(signatory) \(id) is not registered"
        case .signatoryLacksRole(let signatory, let id, let roles):
            return "\(signatory) \(id) is not a \(signatory.role.rawValue) (\(Self.list(roles))) (R-A1)"
        case .signatoryOfAnotherCourt(let signatory, let id, let officerCourt, let issuingCourt):
            return "\(signatory) \(id) belongs to \(officerCourt), not to the issuing court \(issuingCourt) (R-A1)"
        case .signatoryInactive(let signatory, let id):
            return "\(signatory) \(id) is inactive"
        }
    }

    private static func list(_ roles: [OfficerRole]) -> String {
        roles.map(\.rawValue).joined(separator: ", ")
    }
}
