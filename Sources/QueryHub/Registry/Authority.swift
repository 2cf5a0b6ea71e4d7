import HubProtocol

/// Who may issue which measure (R-A1, R-B4): the hub accepts a measure only from an active,
/// registered officer of the issuing court, with a role allowed for the kind, and — for every
/// measure that controls a person or asset — under a ruling by an active judge of that same court.
///
/// The table (``allowedRoles(for:)``):
///
/// | kinds | may issue | ruling by a judge of the court | president's approval |
/// |---|---|---|---|
/// | `bank.query`, `police.identity`, `police.exitEntry`, `police.vehicles`, `police.hotelStays` | judge, enforcement officer | no | no |
/// | `bank.freeze`, `bank.renew`, `bank.unfreeze`, `bank.deduct` | judge, enforcement officer, judicial police | yes | no |
/// | `police.restrictExit`, `police.seizeVehicle`, `police.release` | judge, enforcement officer, judicial police | yes | no |
/// | `police.locatePerson` | judge, enforcement officer, judicial police | yes | yes |
///
/// Why: queries are asset investigation (财产调查), the work of judges and enforcement officers;
/// R-A1 has rulings made by judges and carried out by enforcement officers and judicial police;
/// locating a person rests on a detention decision, and R-A1 puts detention under the president's
/// approval. The president role alone issues nothing: a president who issues measures is also
/// registered as a judge. A ruling or approval given where none is needed is still checked, so a
/// wrong reference never passes silently.
public struct Authority: Sendable {
    /// The registry checked against.
    public let registry: Registry

    /// An authority check over a registry snapshot.
    public init(registry: Registry) {
        self.registry = registry
    }

    /// The roles that may issue a kind of measure (any one of them suffices).
    public static func allowedRoles(for kind: InstructionKind) -> [OfficerRole] {
        kind.isQuery ? [.judge, .enforcementOfficer] : [.judge, .enforcementOfficer, .judicialPolice]
    }

    /// Accepts the measure or says exactly what failed.
    ///
    /// - Parameters:
    ///   - kind: the measure.
    ///   - court: the issuing court.
    ///   - officerID: the officer who issues it.
    ///   - rulingJudgeID: the judge who made the ruling it carries out; required when
    ///     ``InstructionKind/requiresRuling``.
    ///   - approvingPresidentID: the president who approved the ruling; required when
    ///     ``InstructionKind/requiresPresidentApproval``.
    ///   - time: when the measure is accepted, Unix milliseconds: officers deactivated at or
    ///     before it are refused.
    /// - Returns: the officers the measure names, for the record and for R-B4 (the issuing
    ///   officer's name, phone and credential go with the measure).
    @discardableResult
    public func check(
        kind: InstructionKind, court: CourtCode, officerID: String, rulingJudgeID: String?,
        approvingPresidentID: String? = nil, atUnixMilliseconds time: Int64
    ) throws(AuthorityError) -> AuthorizedMeasure {
        guard registry.court(court) != nil else { throw .unknownCourt(court) }
        guard let officer = registry.officer(id: officerID) else { throw .unregisteredOfficer(officerID: officerID) }
        guard officer.court == court else {
            throw .officerOfAnotherCourt(officerID: officerID, officerCourt: officer.court, issuingCourt: court)
        }
        guard officer.isActive(atUnixMilliseconds: time) else { throw .officerInactive(officerID: officerID) }
        let allowed = Authority.allowedRoles(for: kind)
        guard officer.roles.contains(where: allowed.contains) else {
            throw .roleNotAllowed(officerID: officerID, roles: officer.roles, kind: kind, allowedRoles: allowed)
        }
        let judge = try signatory(.rulingJudge, id: rulingJudgeID, required: kind.requiresRuling, kind: kind, court: court, at: time)
        let president = try signatory(
            .approvingPresident, id: approvingPresidentID, required: kind.requiresPresidentApproval, kind: kind, court: court, at: time)
        return AuthorizedMeasure(kind: kind, court: court, officer: officer, rulingJudge: judge, approvingPresident: president)
    }

    /// Checks the judge of a ruling or the president who approved it: registered, of the issuing
    /// court, holding the role, active.
    private func signatory(
        _ signatory: AuthorityError.Signatory, id: String?, required: Bool, kind: InstructionKind, court: CourtCode, at time: Int64
    ) throws(AuthorityError) -> Officer? {
        guard let id else {
            if required { throw .signatoryMissing(signatory, kind: kind) }
            return nil
        }
        guard let officer = registry.officer(id: id) else { throw .signatoryUnregistered(signatory, officerID: id) }
        guard officer.hasRole(signatory.role) else {
            throw .signatoryLacksRole(signatory, officerID: id, roles: officer.roles)
        }
        guard officer.court == court else {
            throw .signatoryOfAnotherCourt(signatory, officerID: id, officerCourt: officer.court, issuingCourt: court)
        }
        guard officer.isActive(atUnixMilliseconds: time) else { throw .signatoryInactive(signatory, officerID: id) }
        return officer
    }
}

/// A measure the authority check accepted, with the officers it names.
public struct AuthorizedMeasure: Hashable, Sendable {
    /// The measure.
    public let kind: InstructionKind
    /// The issuing court.
    public let court: CourtCode
    /// The issuing officer: name, phone and credential go with the measure (R-B4).
    public let officer: Officer
    /// The judge whose ruling the measure carries out, when it names one.
    public let rulingJudge: Officer?
    /// The president who approved the ruling, when the measure names one.
    public let approvingPresident: Officer?
}
