import Crypto
import Foundation
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// The intake's steps 1–5 without HTTP: the court from the certificate, the seal with that court's
/// registered key, strict decoding and the protocol's rules, authority (R-A1, R-B4) and the route
/// (R-B2). Documents are the wire fixtures with the sample registry's officers and banks put in,
/// sealed with keys generated here.
@Suite("Document intake")
struct DocumentIntakeTests {
    /// 2026-12-01T10:00:00Z, half an hour after the fixtures were issued.
    private static let now: Int64 = 1_796_119_200_000

    private let chaoyang: CourtCode
    private let haidian: CourtCode
    private let chaoyangKey: SealPrivateKey
    private let haidianKey: SealPrivateKey
    private let intake: DocumentIntake

    init() throws {
        chaoyang = try CourtCode("京0105")
        haidian = try CourtCode("京0108")
        chaoyangKey = try SealPrivateKey.generate(.ed25519)
        haidianKey = try SealPrivateKey.generate(.ed25519)
        let registry = try Registry.sample(sealKeys: [
            .court(chaoyang): chaoyangKey.publicKey, .court(haidian): haidianKey.publicKey,
        ])
        intake = DocumentIntake(registry: registry, clock: { DocumentIntakeTests.now })
    }

    // MARK: - Building documents

    private func officer(_ court: CourtCode, _ role: OfficerRole) -> JSONValue {
        .string(Registry.sampleOfficerID(court: court, role: role))
    }

    /// A fixture of `kind` issued by an enforcement officer of Chaoyang, its decision signed by
    /// Chaoyang's judge (and a detention decision approved by its president), on an ICBC account.
    private func document(_ kind: String) throws -> JSONValue {
        // R-B4: the measure carries the registered officer's particulars.
        let registered = try #require(intake.registry.officer(id: Registry.sampleOfficerID(court: chaoyang, role: .enforcementOfficer)))
        var tree = try parsed(WireFixtures.instruction(kind))
            .replacing(["header", "officer", "id"], with: officer(chaoyang, .enforcementOfficer))
            .replacing(["header", "officer", "name"], with: JSONValue.string(registered.name.description))
            .replacing(["header", "officer", "credentialNumber"], with: .string(registered.credentialNumber))
            .replacing(["header", "officer", "credentialScanSHA256"], with: .string(registered.credentialScanSHA256))
        if case .object(let members) = tree.value(at: ["header", "legalDocuments", 0]), members["signedBy"] != nil {
            tree = tree.replacing(["header", "legalDocuments", 0, "signedBy"], with: officer(chaoyang, .judge))
        }
        if case .object(let members) = tree.value(at: ["header", "legalDocuments", 0]), members["approvedBy"] != nil {
            tree = tree.replacing(["header", "legalDocuments", 0, "approvedBy"], with: officer(chaoyang, .president))
        }
        if case .object(let members) = tree, members["account"] != nil {
            tree = tree.replacing(["account", "bank"], with: .string("ICBC"))
        }
        return tree
    }

    /// The request body: the document's canonical bytes sealed with `key` under `keyOwner`'s key id.
    private func body(_ tree: JSONValue, key: SealPrivateKey, keyOwner: CourtCode) throws -> [UInt8] {
        let sealed = try SealedDocument.seal(
            CanonicalJSON.serialize(tree), with: key, keyId: Registry.sampleSealKeyID(for: .court(keyOwner)))
        return Array(try JSONEncoder().encode(sealed))
    }

    private func court(_ code: CourtCode) throws -> PrincipalIdentity {
        try PrincipalIdentity(kind: .court, id: code.description)
    }

    /// Runs the intake as Chaoyang and returns its refusal (the test fails if it accepts).
    private func refused(
        _ tree: JSONValue, key: SealPrivateKey? = nil, keyOwner: CourtCode? = nil, principal: PrincipalIdentity? = nil
    ) async throws -> ProblemError {
        let bytes = try body(tree, key: key ?? chaoyangKey, keyOwner: keyOwner ?? chaoyang)
        return try await refused(bytes, principal: principal ?? court(chaoyang))
    }

    private func refused(_ bytes: [UInt8], principal: PrincipalIdentity) async throws -> ProblemError {
        do {
            let submission = try await intake.check(body: bytes, from: principal)
            Issue.record("accepted \(submission.instructionID), expected a refusal")
            throw CancellationError()
        } catch let problem as ProblemError {
            return problem
        }
    }

    // MARK: - Accepted

    @Test("R-A1, R-B2: a freeze by an enforcement officer under a ruling signed by a judge of the same court goes T2T to bank:ICBC")
    func acceptedFreeze() async throws {
        let tree = try document("bank.freeze")
        let bytes = try body(tree, key: chaoyangKey, keyOwner: chaoyang)
        let submission = try await intake.check(body: bytes, from: court(chaoyang))
        #expect(submission.court == "京0105")
        #expect(submission.instructionID == "BJ0105-2026-000123")
        #expect(submission.kind == "bank.freeze")
        #expect(submission.document == CanonicalJSON.serialize(tree))
        #expect(submission.contentHash == Array(SHA256.hash(data: CanonicalJSON.serialize(tree))))
        guard case .adapters(let targets) = submission.targets else {
            Issue.record("a freeze goes to one bank, not to every bank")
            return
        }
        #expect(targets.map(\.adapterID) == ["bank:ICBC"])
        #expect(targets.first?.orderingKey == "ICBC/6222020200112233445/CNY")
        let route = try JSONDecoder().decode(Route.self, from: Data((targets.first?.routeJSON ?? "").utf8))
        #expect(route.channel == .totalToTotal)
        #expect(route.adapterID.description == "bank:ICBC")
        let seal = try JSONDecoder().decode(Seal.self, from: Data(submission.sealJSON.utf8))
        #expect(seal.keyId == "court:京0105#1")
    }

    @Test("R-A1: locating a person under a detention decision signed by a judge and approved by the president goes to the police")
    func acceptedLocatePerson() async throws {
        let submission = try await intake.check(
            body: try body(try document("police.locatePerson"), key: chaoyangKey, keyOwner: chaoyang), from: court(chaoyang))
        guard case .adapters(let targets) = submission.targets else {
            Issue.record("a police measure goes to the police adapter")
            return
        }
        #expect(targets.map(\.adapterID) == ["police:MPS"])
        #expect(targets.first?.orderingKey == nil)
    }

    @Test("a query naming no bank goes to every bank, and needs no ruling")
    func acceptedBroadcastQuery() async throws {
        let submission = try await intake.check(
            body: try body(try document("bank.query"), key: chaoyangKey, keyOwner: chaoyang), from: court(chaoyang))
        #expect(submission.targets == .everyBank)
    }

    // MARK: - R-A1 refusals

    @Test("R-A1: a ruling signed by someone who is not a judge is refused at its signedBy",
          arguments: [OfficerRole.enforcementOfficer, .judicialPolice])
    func rulingByNonJudge(role: OfficerRole) async throws {
        let tree = try document("bank.freeze").replacing(["header", "legalDocuments", 0, "signedBy"], with: officer(chaoyang, role))
        let problem = try await refused(tree)
        #expect(problem.problem == .notAuthorised)
        #expect(problem.field == "$.header.legalDocuments[0].signedBy")
        #expect(problem.detail.contains("is not a judge"))
    }

    @Test("R-A1: a ruling signed by another court's judge is refused, even the higher court's")
    func rulingByAnotherCourtsJudge() async throws {
        for other in [haidian, try CourtCode("京03")] {
            let tree = try document("bank.deduct").replacing(["header", "legalDocuments", 0, "signedBy"], with: officer(other, .judge))
            let problem = try await refused(tree)
            #expect(problem.problem == .notAuthorised)
            #expect(problem.field == "$.header.legalDocuments[0].signedBy")
            #expect(problem.detail.contains("belongs to \(other)"))
        }
    }

    @Test("R-A1: a ruling signed by an unregistered officer is refused")
    func rulingByUnregisteredJudge() async throws {
        let tree = try document("bank.freeze").replacing(["header", "legalDocuments", 0, "signedBy"], with: .string("BJ0105-0007"))
        let problem = try await refused(tree)
        #expect(problem.problem == .notAuthorised)
        #expect(problem.field == "$.header.legalDocuments[0].signedBy")
    }

    @Test("R-A1: locating a person without the president's approval is refused, on the wire and at the registry")
    func locatePersonWithoutApproval() async throws {
        let unapproved = try document("police.locatePerson").replacing(["header", "legalDocuments", 0, "approvedBy"], with: nil)
        let missing = try await refused(unapproved)
        #expect(missing.problem == .malformed)
        #expect(missing.field == "$.header.legalDocuments[0].approvedBy")
        #expect(missing.detail.contains("R-A1"))
        // Approved by a judge who is not the president: the registry refuses it.
        let byJudge = try document("police.locatePerson")
            .replacing(["header", "legalDocuments", 0, "approvedBy"], with: officer(chaoyang, .judge))
        let notPresident = try await refused(byJudge)
        #expect(notPresident.problem == .notAuthorised)
        #expect(notPresident.field == "$.header.legalDocuments[0].approvedBy")
        #expect(notPresident.detail.contains("is not a president"))
    }

    @Test("R-A1: an officer of another court may not issue Chaoyang's measure; R-B4: an unregistered one neither")
    func issuingOfficer() async throws {
        for id in [officer(haidian, .enforcementOfficer), .string("BJ0105-0042")] {
            let problem = try await refused(try document("bank.freeze").replacing(["header", "officer", "id"], with: id))
            #expect(problem.problem == .notAuthorised)
            #expect(problem.field == "$.header.officer.id")
        }
    }

    // MARK: - Seal, court, route

    @Test("a document changed after sealing does not verify")
    func tamperedDocument() async throws {
        var bytes = CanonicalJSON.serialize(try document("bank.freeze"))
        let sealed = try SealedDocument.seal(bytes, with: chaoyangKey, keyId: Registry.sampleSealKeyID(for: .court(chaoyang)))
        // 120000.00 becomes 920000.00: still valid JSON, but not what the court sealed.
        let position = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("120000.00".utf8)) })
        bytes[position] = UInt8(ascii: "9")
        let tampered = SealedDocument(document: bytes, seal: sealed.seal)
        let problem = try await refused(Array(try JSONEncoder().encode(tampered)), principal: court(chaoyang))
        #expect(problem.problem == .badSeal)
        #expect(problem.field == "$.seal.signature")
    }

    @Test("a seal made with another key than the one registered under its key id does not verify")
    func wrongKey() async throws {
        let problem = try await refused(try document("bank.freeze"), key: haidianKey, keyOwner: chaoyang)
        #expect(problem.problem == .badSeal)
        #expect(problem.field == "$.seal.signature")
    }

    @Test("a seal naming another court's key id is refused: the key is looked up under the certificate's court")
    func anotherCourtsKeyID() async throws {
        let problem = try await refused(try document("bank.freeze"), key: haidianKey, keyOwner: haidian)
        #expect(problem.problem == .badSeal)
        #expect(problem.field == "$.seal.keyId")
    }

    @Test("a document whose header names another court than the certificate is forbidden")
    func headerCourtDiffers() async throws {
        // Haidian's certificate and Haidian's valid seal over a document issued in Chaoyang's name.
        let problem = try await refused(try document("bank.freeze"), key: haidianKey, keyOwner: haidian, principal: court(haidian))
        #expect(problem.problem == .forbidden)
        #expect(problem.field == "$.header.court")
    }

    @Test("a caller whose certificate names no registered court code is forbidden")
    func notACourt() async throws {
        let bytes = try body(try document("bank.freeze"), key: chaoyangKey, keyOwner: chaoyang)
        let problem = try await refused(bytes, principal: try PrincipalIdentity(kind: .bank, id: "ICBC"))
        #expect(problem.problem == .forbidden)
    }

    @Test("R-B2: a measure on an account at an unknown bank is unroutable")
    func unknownBank() async throws {
        let problem = try await refused(try document("bank.freeze").replacing(["account", "bank"], with: .string("C1010211000012")))
        #expect(problem.problem == .unroutable)
        #expect(problem.field == "$.account.bank")
        #expect(problem.detail.contains("C1010211000012"))
    }

    @Test("an envelope that is not a sealed document, and a document that breaks a rule, are malformed")
    func malformed() async throws {
        let envelope = try await refused(Array(#"{"document": "not base64!"}"#.utf8), principal: court(chaoyang))
        #expect(envelope.problem == .malformed)
        let rule = try await refused(try document("bank.freeze").replacing(["amountLimit"], with: money("600000.00")))
        #expect(rule.problem == .malformed)
        #expect(rule.field == "$.amountLimit")
    }
}
