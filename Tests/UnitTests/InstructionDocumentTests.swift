import Foundation
import HubProtocol
import Testing

@Suite("Instruction documents")
struct InstructionDocumentTests {
    @Test("every instruction kind has a fixture")
    func everyKindCovered() {
        #expect(Set(WireFixtures.instructions.map(\.kind)) == Set(InstructionKind.allRawValues))
        #expect(WireFixtures.instructions.count == InstructionKind.allCases.count)
    }

    @Test("each kind decodes, validates and round-trips through its canonical bytes",
          arguments: WireFixtures.instructions.map(\.kind))
    func roundTrip(kind: String) throws {
        let text = WireFixtures.instruction(kind)
        let document = try StrictJSONDecoder().decode(InstructionDocument.self, from: Array(text.utf8))
        #expect(document.kind.rawValue == kind)
        let canonical = try CanonicalJSON.encode(document)
        #expect(try StrictJSONDecoder().decode(InstructionDocument.self, from: canonical) == document)
        // The fixture, whatever its layout, has exactly these canonical bytes: nothing was lost or added.
        #expect(try CanonicalJSON.canonicalize(Array(text.utf8)) == canonical)
    }

    @Test("the concrete types decode directly, and refuse a document of another kind")
    func concreteTypes() throws {
        let freeze = try StrictJSONDecoder().decode(BankFreeze.self, from: Array(WireFixtures.instruction("bank.freeze").utf8))
        #expect(freeze.amountLimit == Money(minorUnits: 12_000_000, currency: .cny))
        #expect(freeze.period.dayCount == 365)
        #expect(freeze.header.officer.name.text == "李明")
        let renew = try parsed(WireFixtures.instruction("bank.renew"))
        #expect(refusal(BankUnfreeze.self, renew.replacing(["kind"], with: .string("bank.unfreeze"))) != nil)
        #expect(refusal(BankRenew.self, renew.replacing(["kind"], with: .string("bank.unfreeze")))
            == WireError(path: "$.kind", reason: .unknownKind("bank.unfreeze", expected: ["bank.renew"])))
    }

    @Test("an unknown kind is refused with the list of kinds")
    func unknownKind() throws {
        let tree = try parsed(WireFixtures.instruction("bank.freeze")).replacing(["kind"], with: .string("bank.seize"))
        #expect(refusal(InstructionDocument.self, tree)
            == WireError(path: "$.kind", reason: .unknownKind("bank.seize", expected: InstructionKind.allRawValues)))
    }

    @Test("unknown and missing fields are refused with their path")
    func strictFields() throws {
        let tree = try parsed(WireFixtures.instruction("bank.freeze"))
        #expect(refusal(InstructionDocument.self, tree.replacing(["header", "officer", "badge"], with: .string("x")))
            == WireError(path: "$.header.officer.badge", reason: .unknownField))
        #expect(refusal(InstructionDocument.self, tree.replacing(["account", "number"], with: nil))
            == WireError(path: "$.account.number", reason: .missingField))
        #expect(refusal(InstructionDocument.self, tree.replacing(["allowLimitedFreeze"], with: .string("yes")))
            == WireError(path: "$.allowLimitedFreeze", reason: .wrongType(expected: "a boolean", found: "a string")))
    }

    @Test("a floating-point amount is refused where a decimal string is expected")
    func floatAmount() {
        let text = WireFixtures.instruction("bank.freeze").replacingOccurrences(of: #""amount": "120000.00""#, with: #""amount": 120000.00"#)
        #expect(throws: WireError(path: "$.amountLimit.amount", reason: .nonIntegerNumber("120000.00"))) {
            try StrictJSONDecoder().decode(InstructionDocument.self, from: Array(text.utf8))
        }
    }

    @Test("R-B4: every officer field is required", arguments: ["id", "name", "phone", "credentialNumber", "credentialScanSHA256"])
    func officerFields(field: String) throws {
        let tree = try parsed(WireFixtures.instruction("bank.freeze")).replacing(["header", "officer", .key(field)], with: nil)
        #expect(refusal(InstructionDocument.self, tree) == WireError(path: "$.header.officer.\(field)", reason: .missingField))
    }

    @Test("R-B4: the credential scan hash must be 64 lower-case hex digits")
    func credentialDigest() throws {
        let tree = try parsed(WireFixtures.instruction("bank.freeze"))
            .replacing(["header", "officer", "credentialScanSHA256"], with: .string(WireFixtures.digestA.uppercased()))
        #expect(refusal(InstructionDocument.self, tree)?.path == "$.header.officer.credentialScanSHA256")
    }

    @Test("R-B7: a history query without a period is refused")
    func historyNeedsPeriod() throws {
        let tree = try parsed(WireFixtures.instruction("bank.query")).replacing(["historyPeriod"], with: nil)
        let error = refusal(InstructionDocument.self, tree)
        #expect(error?.rule == "R-B7")
        #expect(error?.path == "$.historyPeriod")
        let withoutHistory = tree.replacing(["includeTransactionHistory"], with: .bool(false))
        #expect(refusal(InstructionDocument.self, withoutHistory) == nil)
    }

    @Test("R-B7: a query needs the party's name and typed document; the ID check character is verified")
    func queryParty() throws {
        let tree = try parsed(WireFixtures.instruction("bank.query"))
        #expect(refusal(InstructionDocument.self, tree.replacing(["party", "name"], with: nil))
            == WireError(path: "$.party.name", reason: .missingField))
        #expect(refusal(InstructionDocument.self, tree.replacing(["party", "document", "type"], with: nil))
            == WireError(path: "$.party.document.type", reason: .missingField))
        let wrongCheck = tree.replacing(["party", "document", "number"], with: .string("110105194912310021"))
        #expect(refusal(InstructionDocument.self, wrongCheck)?.path == "$.party.document.number")
    }

    @Test("R-B7: a query without an assistance notice is refused")
    func queryNeedsNotice() throws {
        let tree = try parsed(WireFixtures.instruction("bank.query"))
            .replacing(["header", "legalDocuments", 0], with: try parsed(WireFixtures.ruling))
        #expect(refusal(InstructionDocument.self, tree)
            == WireError(path: "$.header.legalDocuments", reason: .ruleViolation(rule: "R-B7", "a legal document of kind assistanceNotice is required")))
    }

    @Test("R-B10: freeze, renew, unfreeze and deduct without a ruling or an assistance notice are refused",
          arguments: ["bank.freeze", "bank.renew", "bank.unfreeze", "bank.deduct"], [0, 1])
    func measureDocuments(kind: String, droppedIndex: Int) throws {
        let tree = try parsed(WireFixtures.instruction(kind)).replacing(["header", "legalDocuments", .index(droppedIndex)], with: nil)
        let error = refusal(InstructionDocument.self, tree)
        #expect(error?.rule == "R-B10")
        #expect(error?.path == "$.header.legalDocuments")
    }

    @Test("R-B10: a measure names one account and an amount", arguments: [
        ("bank.freeze", "account"), ("bank.freeze", "amountLimit"), ("bank.renew", "account"), ("bank.renew", "amountLimit"),
        ("bank.unfreeze", "account"), ("bank.deduct", "account"), ("bank.deduct", "amount"), ("bank.deduct", "specialAccount"),
    ])
    func measureNamesAccountAndAmount(kind: String, field: String) throws {
        let tree = try parsed(WireFixtures.instruction(kind)).replacing([.key(field)], with: nil)
        #expect(refusal(InstructionDocument.self, tree) == WireError(path: "$.\(field)", reason: .missingField))
    }

    @Test("R-B10: a partial unfreeze states its amount; a whole one does not")
    func unfreezeAmount() throws {
        let tree = try parsed(WireFixtures.instruction("bank.unfreeze"))
        #expect(refusal(InstructionDocument.self, tree.replacing(["amount"], with: nil))?.rule == "R-B10")
        #expect(refusal(InstructionDocument.self, tree.replacing(["scope"], with: .string("whole")))?.path == "$.amount")
        #expect(refusal(InstructionDocument.self, tree.replacing(["scope"], with: .string("whole")).replacing(["amount"], with: nil)) == nil)
    }

    @Test("a freeze lasts at most one year: 365 days from 2026-12-01 pass, 366 do not")
    func freezeAtMostOneYear() throws {
        let tree = try parsed(WireFixtures.instruction("bank.freeze"))
        #expect(refusal(InstructionDocument.self, tree) == nil)
        let tooLong = tree.replacing(["period", "to"], with: .string("2027-12-01"))
        #expect(refusal(InstructionDocument.self, tooLong)?.path == "$.period.to")
        let backwards = tree.replacing(["period", "to"], with: .string("2026-11-30"))
        #expect(refusal(InstructionDocument.self, backwards)?.path == "$.period.to")
        let leapStart = tree.replacing(["period"], with: .object(["from": .string("2027-03-01"), "to": .string("2028-02-29")]))
        #expect(refusal(InstructionDocument.self, leapStart) == nil)
    }

    @Test("freeze amounts: positive, in the account's currency, within the amount owed", arguments: [
        (money("0.00"), "$.amountLimit"),
        (money("-5.00"), "$.amountLimit"),
        (money("120000.00", "USD"), "$.amountLimit.currency"),
        (money("500000.01"), "$.amountLimit"),
    ])
    func freezeAmounts(amount: JSONValue, path: String) throws {
        let tree = try parsed(WireFixtures.instruction("bank.freeze")).replacing(["amountLimit"], with: amount)
        #expect(refusal(InstructionDocument.self, tree)?.path == path)
    }

    @Test("R-B17: a deduct's special account matches the funds' currency, or CNY when converted")
    func deductSpecialAccountCurrency() throws {
        let tree = try parsed(WireFixtures.instruction("bank.deduct"))
        let usdAccount = tree.replacing(["account", "currency"], with: .string("USD")).replacing(["amount"], with: money("100.00", "USD"))
        #expect(refusal(InstructionDocument.self, usdAccount)?.rule == "R-B17")
        let converted = usdAccount.replacing(["convertForeignCurrency"], with: .bool(true))
        #expect(refusal(InstructionDocument.self, converted) == nil)
        let usdSpecial = usdAccount.replacing(["specialAccount", "currency"], with: .string("USD"))
        #expect(refusal(InstructionDocument.self, usdSpecial) == nil)
        #expect(refusal(InstructionDocument.self, tree.replacing(["convertForeignCurrency"], with: .bool(true)))?.path == "$.convertForeignCurrency")
    }

    @Test("R-P1: a deduct states the court's finding that other assets are not enough, or leaves it out for none; null and text are refused")
    func deductOtherAssetsFinding() throws {
        let tree = try parsed(WireFixtures.instruction("bank.deduct"))
        func decoded(_ tree: JSONValue) throws -> BankDeduct {
            try StrictJSONDecoder().decode(BankDeduct.self, from: CanonicalJSON.serialize(tree))
        }
        let stated = try decoded(tree.replacing(["otherAssetsInsufficient"], with: .bool(true)))
        #expect(stated.otherAssetsInsufficient == true && stated.courtFoundOtherAssetsInsufficient)
        let denied = try decoded(tree)
        #expect(denied.otherAssetsInsufficient == false && !denied.courtFoundOtherAssetsInsufficient)
        let absent = try decoded(tree.replacing(["otherAssetsInsufficient"], with: nil))
        #expect(absent.otherAssetsInsufficient == nil && !absent.courtFoundOtherAssetsInsufficient, "no finding stated is no finding")
        #expect(try CanonicalJSON.encode(absent) == CanonicalJSON.serialize(tree.replacing(["otherAssetsInsufficient"], with: nil)),
                "an absent finding stays absent on the wire")
        #expect(refusal(InstructionDocument.self, tree.replacing(["otherAssetsInsufficient"], with: .null))
            == WireError(path: "$.otherAssetsInsufficient", reason: .nullNotAllowed))
        #expect(refusal(InstructionDocument.self, tree.replacing(["otherAssetsInsufficient"], with: .string("true")))?.path
            == "$.otherAssetsInsufficient")
    }

    @Test("R-G2: exit-entry records are asked for debtors only")
    func exitEntryRecords() throws {
        let tree = try parsed(WireFixtures.instruction("police.exitEntry")).replacing(["role"], with: .string("preservationRespondent"))
        #expect(refusal(InstructionDocument.self, tree)?.rule == "R-G2")
        #expect(refusal(InstructionDocument.self, tree.replacing(["includeRecords"], with: .bool(false))) == nil)
    }

    @Test("police person measures refuse an organisation", arguments: ["police.identity", "police.exitEntry", "police.restrictExit", "police.locatePerson"])
    func personOnly(kind: String) throws {
        let company: JSONValue = .object([
            "name": .string("北京某科技有限公司"),
            "document": .object(["type": .string("unifiedSocialCreditCode"), "number": .string("91350100M000100Y43")]),
        ])
        let tree = try parsed(WireFixtures.instruction(kind)).replacing(["party"], with: company)
        #expect(refusal(InstructionDocument.self, tree)?.path == "$.party.document.type")
    }

    @Test("R-G3, R-G4, R-G5, R-G6: police measures carry their decision documents", arguments: [
        ("police.restrictExit", "R-G3"), ("police.seizeVehicle", "R-G4"), ("police.locatePerson", "R-G5"), ("police.release", "R-G6"),
    ])
    func policeDocuments(kind: String, rule: String) throws {
        let tree = try parsed(WireFixtures.instruction(kind))
            .replacing(["header", "legalDocuments"], with: .array([try parsed(WireFixtures.document("delegationLetter", "委托函1号", WireFixtures.digestC))]))
        #expect(refusal(InstructionDocument.self, tree)?.rule == rule)
    }

    @Test("R-G4: a seizure names a plate or a VIN; R-G6: only police measures are released")
    func seizeAndRelease() throws {
        let seize = try parsed(WireFixtures.instruction("police.seizeVehicle"))
        #expect(refusal(InstructionDocument.self, seize.replacing(["plateNumber"], with: nil)) == nil)
        #expect(refusal(InstructionDocument.self, seize.replacing(["plateNumber"], with: nil).replacing(["vin"], with: nil))?.path == "$.plateNumber")
        #expect(refusal(InstructionDocument.self, seize.replacing(["vin"], with: .string("LSVAU2180N212345O")))?.path == "$.vin")
        let release = try parsed(WireFixtures.instruction("police.release")).replacing(["releasedKind"], with: .string("bank.freeze"))
        #expect(refusal(InstructionDocument.self, release)?.path == "$.releasedKind")
    }

    @Test("instruction ids: 1–64 of [A-Za-z0-9._-]", arguments: ["", "has space", "冻结1", String(repeating: "a", count: 65), "a/b"])
    func instructionIds(id: String) throws {
        let tree = try parsed(WireFixtures.instruction("police.vehicles")).replacing(["header", "instructionId"], with: .string(id))
        #expect(refusal(InstructionDocument.self, tree)?.path == "$.header.instructionId")
    }

    @Test("an instruction issued before its case was filed is refused; the days are Beijing's (UTC+8)")
    func issuedBeforeFiling() throws {
        let fixture = try parsed(WireFixtures.instruction("police.vehicles"))
        // 23:59:59 on 1 March in Beijing: the day before the filing (2 March).
        let before = fixture.replacing(["header", "issuedAt"], with: .string("2026-03-01T15:59:59Z"))
        #expect(refusal(InstructionDocument.self, before)?.path == "$.header.issuedAt")
        // 00:00 on 2 March in Beijing, still 1 March in UTC: the filing day, so not before it.
        let filingDay = fixture.replacing(["header", "issuedAt"], with: .string("2026-03-01T16:00:00Z"))
        #expect(refusal(InstructionDocument.self, filingDay)?.path != "$.header.issuedAt")
    }

    // MARK: - Signer and approver of the legal documents (R-A1)

    /// Every control measure, the kind of the document that carries the judge's decision, and
    /// where it sits in the fixture.
    static let decisions: [(kind: String, document: String)] = [
        ("bank.freeze", "ruling"), ("bank.renew", "ruling"), ("bank.unfreeze", "ruling"), ("bank.deduct", "ruling"),
        ("police.seizeVehicle", "ruling"), ("police.restrictExit", "exitRestrictionDecision"),
        ("police.locatePerson", "detentionDecision"), ("police.release", "releaseNotice"),
    ]

    @Test("R-A1: a ruling, a decision or a release notice without the judge who signed it is refused", arguments: decisions)
    func decisionNeedsSigner(kind: String, document: String) throws {
        let tree = try parsed(WireFixtures.instruction(kind)).replacing(["header", "legalDocuments", 0, "signedBy"], with: nil)
        #expect(refusal(InstructionDocument.self, tree)
            == WireError(path: "$.header.legalDocuments[0].signedBy",
                         reason: .ruleViolation(rule: "R-A1", "a \(document) names the judge who signed it")))
    }

    @Test("R-A1: each control measure's decision document is the one the fixture signs; queries rest on none",
          arguments: InstructionKind.allCases)
    func decisionDocumentKind(kind: InstructionKind) throws {
        let document = try StrictJSONDecoder().decode(
            InstructionDocument.self, from: Array(WireFixtures.instruction(kind.rawValue).utf8))
        let expected = Self.decisions.first { $0.kind == kind.rawValue }?.document
        #expect(kind.decisionDocumentKind?.rawValue == expected)
        guard let decisionKind = kind.decisionDocumentKind else { return }
        let index = try #require(document.header.legalDocumentIndex(of: decisionKind))
        #expect(document.header.legalDocuments[index].signedBy?.description == WireFixtures.judge)
    }

    @Test("R-A1: a detention decision without the president's approval is refused")
    func detentionNeedsApproval() throws {
        let tree = try parsed(WireFixtures.instruction("police.locatePerson"))
        let decoded = try StrictJSONDecoder().decode(InstructionDocument.self, from: CanonicalJSON.serialize(tree))
        #expect(decoded.header.legalDocuments[0].approvedBy?.description == WireFixtures.president)
        #expect(refusal(InstructionDocument.self, tree.replacing(["header", "legalDocuments", 0, "approvedBy"], with: nil))
            == WireError(path: "$.header.legalDocuments[0].approvedBy",
                         reason: .ruleViolation(rule: "R-A1", "a detentionDecision names the court's president who approved it")))
        // A ruling needs no approval: the freeze's ruling has none and passes.
        let freeze = try StrictJSONDecoder().decode(InstructionDocument.self, from: Array(WireFixtures.instruction("bank.freeze").utf8))
        #expect(freeze.header.legalDocuments[0].kind == .ruling)
        #expect(freeze.header.legalDocuments[0].approvedBy == nil)
    }

    @Test("R-A1: signer and approver are optional on other documents, travel when given, and are officer ids")
    func optionalSignerElsewhere() throws {
        let tree = try parsed(WireFixtures.instruction("bank.query"))
        let signed = tree.replacing(["header", "legalDocuments", 0, "signedBy"], with: .string("BJ0105-0042"))
        #expect(refusal(InstructionDocument.self, signed) == nil)
        let document = try StrictJSONDecoder().decode(InstructionDocument.self, from: CanonicalJSON.serialize(signed))
        #expect(document.header.legalDocuments[0].signedBy?.description == "BJ0105-0042")
        #expect(document.header.legalDocuments[0].approvedBy == nil)
        #expect(try StrictJSONDecoder().decode(InstructionDocument.self, from: CanonicalJSON.encode(document)) == document)
        #expect(refusal(InstructionDocument.self, tree.replacing(["header", "legalDocuments", 0, "signedBy"], with: .string("王法官")))?.path
            == "$.header.legalDocuments[0].signedBy")
        #expect(refusal(InstructionDocument.self, tree.replacing(["header", "legalDocuments", 0, "approvedBy"], with: .null))
            == WireError(path: "$.header.legalDocuments[0].approvedBy", reason: .nullNotAllowed))
    }
}
