import HubProtocol
import QueryHub
import Testing

/// Who may issue which measure (R-A1, R-B4), against the sample registry: each refusal names
/// exactly what failed.
@Suite("Authority")
struct AuthorityTests {
    private static let time: Int64 = 1_780_000_000_000
    private static let controlKinds = InstructionKind.allCases.filter(\.requiresRuling)
    private static let queryKinds = InstructionKind.allCases.filter(\.isQuery)

    private let registry: Registry
    private let chaoyang: CourtCode
    private let haidian: CourtCode

    init() throws {
        registry = try Registry.sample()
        chaoyang = try CourtCode("京0105")
        haidian = try CourtCode("京0108")
    }

    private func id(_ court: CourtCode, _ role: OfficerRole) -> String {
        Registry.sampleOfficerID(court: court, role: role)
    }

    @Test("R-A1: a control measure by an enforcement officer under a ruling of a judge of the same court is accepted",
          arguments: controlKinds)
    func acceptedControl(kind: InstructionKind) throws {
        let president = kind.requiresPresidentApproval ? id(chaoyang, .president) : nil
        let accepted = try Authority(registry: registry).check(
            kind: kind, court: chaoyang, officerID: id(chaoyang, .enforcementOfficer), rulingJudgeID: id(chaoyang, .judge),
            approvingPresidentID: president, atUnixMilliseconds: Self.time)
        #expect(accepted.officer.id == id(chaoyang, .enforcementOfficer))
        #expect(accepted.rulingJudge?.id == id(chaoyang, .judge))
        #expect(accepted.approvingPresident?.id == president)
        // R-B4: the officer's name, phone and credential travel with the measure.
        #expect(accepted.officer.matchesCredentialScan(Registry.sampleCredentialScan(officerID: accepted.officer.id)))
        #expect(!accepted.officer.matchesCredentialScan(Registry.sampleCredentialScan(officerID: id(chaoyang, .judge))))
    }

    @Test("R-A1: queries need no ruling; judges and enforcement officers may issue them, judicial police may not",
          arguments: queryKinds)
    func queries(kind: InstructionKind) throws {
        let authority = Authority(registry: registry)
        for role in [OfficerRole.judge, .enforcementOfficer] {
            let accepted = try authority.check(
                kind: kind, court: haidian, officerID: id(haidian, role), rulingJudgeID: nil, atUnixMilliseconds: Self.time)
            #expect(accepted.rulingJudge == nil)
        }
        #expect(throws: AuthorityError.roleNotAllowed(
            officerID: id(haidian, .judicialPolice), roles: [.judicialPolice], kind: kind, allowedRoles: [.judge, .enforcementOfficer])) {
            try authority.check(kind: kind, court: haidian, officerID: id(haidian, .judicialPolice), rulingJudgeID: nil,
                                atUnixMilliseconds: Self.time)
        }
    }

    @Test("R-A1: judicial police carry out control measures under a judge's ruling", arguments: controlKinds)
    func judicialPoliceCarryOut(kind: InstructionKind) throws {
        let accepted = try Authority(registry: registry).check(
            kind: kind, court: haidian, officerID: id(haidian, .judicialPolice), rulingJudgeID: id(haidian, .judge),
            approvingPresidentID: kind.requiresPresidentApproval ? id(haidian, .president) : nil, atUnixMilliseconds: Self.time)
        #expect(accepted.officer.roles == [.judicialPolice])
    }

    @Test("R-B4: an unregistered officer is refused")
    func unregisteredOfficer() {
        #expect(throws: AuthorityError.unregisteredOfficer(officerID: "110105-nobody")) {
            try Authority(registry: registry).check(kind: .bankQuery, court: chaoyang, officerID: "110105-nobody",
                                                    rulingJudgeID: nil, atUnixMilliseconds: Self.time)
        }
    }

    @Test("R-A1: an officer of another court is refused, even a higher one")
    func officerOfAnotherCourt() throws {
        let highCourt = try CourtCode("京")
        for other in [haidian, highCourt] {
            #expect(throws: AuthorityError.officerOfAnotherCourt(officerID: id(other, .enforcementOfficer), officerCourt: other, issuingCourt: chaoyang)) {
                try Authority(registry: registry).check(kind: .bankFreeze, court: chaoyang, officerID: id(other, .enforcementOfficer),
                                                        rulingJudgeID: id(chaoyang, .judge), atUnixMilliseconds: Self.time)
            }
        }
    }

    @Test("R-A1: an officer whose roles do not include an allowed one is refused; the president role alone issues nothing")
    func wrongRole() throws {
        var registry = registry
        try registry.apply(.setOfficerRoles(officerID: id(chaoyang, .president), roles: [.president]),
                           by: "operator-1", atUnixMilliseconds: Self.time, reason: "the president no longer hears cases")
        #expect(throws: AuthorityError.roleNotAllowed(
            officerID: id(chaoyang, .president), roles: [.president], kind: .bankFreeze,
            allowedRoles: [.judge, .enforcementOfficer, .judicialPolice])) {
            try Authority(registry: registry).check(kind: .bankFreeze, court: chaoyang, officerID: id(chaoyang, .president),
                                                    rulingJudgeID: id(chaoyang, .judge), atUnixMilliseconds: Self.time)
        }
    }

    @Test("an officer deactivated at or before the time of the measure is refused; before it, accepted")
    func inactiveOfficer() throws {
        var registry = registry
        let officer = id(chaoyang, .enforcementOfficer)
        try registry.apply(.deactivateOfficer(officerID: officer), by: "operator-1", atUnixMilliseconds: Self.time, reason: "retired")
        let authority = Authority(registry: registry)
        #expect(throws: AuthorityError.officerInactive(officerID: officer)) {
            try authority.check(kind: .bankQuery, court: chaoyang, officerID: officer, rulingJudgeID: nil, atUnixMilliseconds: Self.time)
        }
        try authority.check(kind: .bankQuery, court: chaoyang, officerID: officer, rulingJudgeID: nil, atUnixMilliseconds: Self.time - 1)
    }

    @Test("R-A1: a control measure without a ruling judge is refused", arguments: controlKinds)
    func rulingMissing(kind: InstructionKind) {
        #expect(throws: AuthorityError.signatoryMissing(.rulingJudge, kind: kind)) {
            try Authority(registry: registry).check(kind: kind, court: chaoyang, officerID: id(chaoyang, .enforcementOfficer),
                                                    rulingJudgeID: nil, approvingPresidentID: id(chaoyang, .president),
                                                    atUnixMilliseconds: Self.time)
        }
    }

    @Test("R-A1: a ruling by a non-judge is refused", arguments: [OfficerRole.enforcementOfficer, .judicialPolice])
    func rulingByNonJudge(role: OfficerRole) {
        #expect(throws: AuthorityError.signatoryLacksRole(.rulingJudge, officerID: id(chaoyang, role), roles: [role])) {
            try Authority(registry: registry).check(kind: .bankDeduct, court: chaoyang, officerID: id(chaoyang, .enforcementOfficer),
                                                    rulingJudgeID: id(chaoyang, role), atUnixMilliseconds: Self.time)
        }
    }

    @Test("R-A1: a ruling by another court's judge is refused, even the higher court's")
    func rulingByAnotherCourtsJudge() throws {
        let appealCourt = try CourtCode("京03")
        for other in [haidian, appealCourt] {
            #expect(throws: AuthorityError.signatoryOfAnotherCourt(
                .rulingJudge, officerID: id(other, .judge), officerCourt: other, issuingCourt: chaoyang)) {
                try Authority(registry: registry).check(kind: .bankFreeze, court: chaoyang, officerID: id(chaoyang, .enforcementOfficer),
                                                        rulingJudgeID: id(other, .judge), atUnixMilliseconds: Self.time)
            }
        }
    }

    @Test("R-A1: a ruling by an unregistered or deactivated judge is refused")
    func rulingByUnregisteredOrInactiveJudge() throws {
        var registry = registry
        let judge = id(chaoyang, .judge)
        #expect(throws: AuthorityError.signatoryUnregistered(.rulingJudge, officerID: "110105-ghost")) {
            try Authority(registry: registry).check(kind: .bankRenew, court: chaoyang, officerID: id(chaoyang, .enforcementOfficer),
                                                    rulingJudgeID: "110105-ghost", atUnixMilliseconds: Self.time)
        }
        try registry.apply(.deactivateOfficer(officerID: judge), by: "operator-1", atUnixMilliseconds: Self.time, reason: "transferred")
        #expect(throws: AuthorityError.signatoryInactive(.rulingJudge, officerID: judge)) {
            try Authority(registry: registry).check(kind: .bankRenew, court: chaoyang, officerID: id(chaoyang, .enforcementOfficer),
                                                    rulingJudgeID: judge, atUnixMilliseconds: Self.time + 1)
        }
    }

    @Test("R-A1: locating a person rests on detention and needs the court's president's approval")
    func presidentApproval() throws {
        let authority = Authority(registry: registry)
        let officer = id(chaoyang, .enforcementOfficer)
        let judge = id(chaoyang, .judge)
        #expect(throws: AuthorityError.signatoryMissing(.approvingPresident, kind: .policeLocatePerson)) {
            try authority.check(kind: .policeLocatePerson, court: chaoyang, officerID: officer, rulingJudgeID: judge,
                                atUnixMilliseconds: Self.time)
        }
        #expect(throws: AuthorityError.signatoryLacksRole(.approvingPresident, officerID: judge, roles: [.judge])) {
            try authority.check(kind: .policeLocatePerson, court: chaoyang, officerID: officer, rulingJudgeID: judge,
                                approvingPresidentID: judge, atUnixMilliseconds: Self.time)
        }
        #expect(throws: AuthorityError.signatoryOfAnotherCourt(
            .approvingPresident, officerID: id(haidian, .president), officerCourt: haidian, issuingCourt: chaoyang)) {
            try authority.check(kind: .policeLocatePerson, court: chaoyang, officerID: officer, rulingJudgeID: judge,
                                approvingPresidentID: id(haidian, .president), atUnixMilliseconds: Self.time)
        }
        // An exit restriction is not on R-A1's list: a judge's ruling suffices.
        try authority.check(kind: .policeRestrictExit, court: chaoyang, officerID: officer, rulingJudgeID: judge,
                            atUnixMilliseconds: Self.time)
    }

    @Test("a measure from an unregistered court is refused")
    func unknownCourt() throws {
        let court = try CourtCode("京0199")
        #expect(throws: AuthorityError.unknownCourt(court)) {
            try Authority(registry: registry).check(kind: .bankQuery, court: court, officerID: id(court, .judge),
                                                    rulingJudgeID: nil, atUnixMilliseconds: Self.time)
        }
    }
}
