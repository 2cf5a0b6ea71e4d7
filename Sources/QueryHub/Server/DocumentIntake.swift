import Crypto
import Foundation
import HubPKI
import HubProtocol

/// The real intake (steps 1–5 of the flow in ARCHITECTURE.md): the court from the certificate,
/// the seal over the exact bytes with that court's registered key, strict decoding and the
/// protocol's rules, authority (R-A1, R-B4), the route (R-B2, R-B3, R-B22), a deduct's special
/// account (R-B17). A measure on an account leaves with its ledger form
/// (``Submission/ledgerInstruction``), which the control ledger checks when the core accepts it,
/// in acceptance order.
public struct DocumentIntake: InstructionIntake {
    public let registry: Registry
    public let clock: @Sendable () -> Int64

    public init(registry: Registry, clock: @escaping @Sendable () -> Int64) {
        self.registry = registry
        self.clock = clock
    }

    public func check(body: [UInt8], from principal: PrincipalIdentity) async throws -> Submission {
        let now = clock()
        let sealed: SealedDocument
        do {
            sealed = try StrictJSONDecoder().decode(SealedDocument.self, from: body)
        } catch {
            throw ProblemError(.malformed, "the envelope is not a sealed document: \(error)", field: error.path)
        }
        let court: CourtCode
        do { court = try CourtCode(principal.id) } catch {
            throw ProblemError(.forbidden, "\(principal) is not a registered court: \(error)")
        }
        try verifySeal(sealed, court: court, at: now)
        let document: InstructionDocument
        do {
            document = try StrictJSONDecoder().decode(InstructionDocument.self, from: sealed.document)
        } catch {
            throw ProblemError(.malformed, error.description, field: error.path)
        }
        guard document.header.court == court else {
            throw ProblemError(
                .forbidden, "the document is issued by \(document.header.court), the certificate is \(court)",
                field: "$.header.court")
        }
        let kind = document.kind
        try authorise(document, kind: kind, court: court, at: now)
        try checkOfficerCredential(document.header.officer)
        let targets = try route(document, kind: kind, court: court)
        if case .bankDeduct(let deduct) = document { try checkSpecialAccount(deduct, court: court) }
        var submission = Submission(
            court: court.description, instructionID: document.header.instructionId.description, kind: kind.rawValue,
            contentHash: Array(SHA256.hash(data: sealed.document)), document: sealed.document,
            sealJSON: String(decoding: (try? JSONEncoder().encode(sealed.seal)) ?? Data(), as: UTF8.self),
            targets: targets, ledgerInstruction: LedgerTranslation.instruction(document))
        if case .policeRelease(let release) = document {
            submission.releasedInstructionID = release.releasedInstructionId.description
        }
        return submission
    }

    /// R-B17, R-B18: a deduct sends the money to the issuing court's registered special account —
    /// the renminbi one when it converts foreign currency, else the one of the account's currency.
    /// Checked here for every deduct, also one that names no freeze (which the control ledger does
    /// not track); the ledger checks the same for the deducts it does.
    private func checkSpecialAccount(_ deduct: BankDeduct, court: CourtCode) throws {
        let currency = deduct.convertForeignCurrency ? Currency.cny : deduct.account.currency
        let registered: SpecialAccount
        do {
            registered = try registry.specialAccount(court: court, currency: currency)
        } catch {
            throw ProblemError(
                .ruleViolation, "R-B5, R-B17: court \(court) has no registered special account for \(currency.code)",
                field: "$.specialAccount")
        }
        let expected = LedgerTranslation.specialAccount(registered)
        let named = LedgerTranslation.specialAccount(deduct.specialAccount)
        guard named == expected else {
            throw ProblemError(
                .ruleViolation, "R-B17: deduct target \(named) is not the court's registered special account \(expected)",
                field: "$.specialAccount")
        }
    }

    /// R-B4: the officer the measure names is the registered one — name, credential number and
    /// the digest of the credential scan that goes with every measure.
    private func checkOfficerCredential(_ officer: HubProtocol.Officer) throws {
        guard let registered = registry.officer(id: officer.id.description) else {
            throw ProblemError(.notAuthorised, "R-B4: officer \(officer.id) is not registered", field: "$.header.officer.id")
        }
        let mismatches = [
            registered.name == officer.name ? nil : "name",
            registered.credentialNumber == officer.credentialNumber.description ? nil : "credentialNumber",
            registered.credentialScanSHA256 == officer.credentialScanSHA256.description ? nil : "credentialScanSHA256",
        ].compactMap { $0 }
        if let first = mismatches.first {
            throw ProblemError(
                .notAuthorised, "R-B4: the officer's \(mismatches.joined(separator: ", ")) differ from the registry",
                field: "$.header.officer.\(first)")
        }
    }

    private func verifySeal(_ sealed: SealedDocument, court: CourtCode, at now: Int64) throws {
        let record: SealKeyRecord
        do {
            record = try registry.sealKey(owner: .court(court), keyId: sealed.seal.keyId, atUnixMilliseconds: now)
        } catch {
            throw ProblemError(.badSeal, error.description, field: "$.seal.keyId")
        }
        do {
            try Seal.verify(sealed.document, seal: sealed.seal, publicKey: record.publicKey)
        } catch {
            throw ProblemError(.badSeal, error.description, field: "$.seal.signature")
        }
    }

    /// R-A1, R-B4: the issuing officer, the judge who signed the decision the measure carries out
    /// (its `signedBy`) and, for a detention decision, the president who approved it (its
    /// `approvedBy`), each against the registry. The refusal names the field that failed.
    private func authorise(_ document: InstructionDocument, kind: InstructionKind, court: CourtCode, at now: Int64) throws {
        let header = document.header
        let decisionIndex = header.legalDocumentIndex(of: document.kind.decisionDocumentKind ?? .ruling)
        let approvalIndex = header.legalDocumentIndex(of: .detentionDecision)
        do {
            try Authority(registry: registry).check(
                kind: kind, court: court, officerID: header.officer.id.description,
                rulingJudgeID: decisionIndex.flatMap { header.legalDocuments[$0].signedBy?.description },
                approvingPresidentID: approvalIndex.flatMap { header.legalDocuments[$0].approvedBy?.description },
                atUnixMilliseconds: now)
        } catch {
            throw ProblemError(
                .notAuthorised, error.description,
                field: DocumentIntake.field(of: error, decisionIndex: decisionIndex, approvalIndex: approvalIndex))
        }
    }

    /// The JSON path of what an authority refusal is about: the officer, the decision's signer or
    /// the detention decision's approver (the documents list when the document is missing).
    static func field(of error: AuthorityError, decisionIndex: Int?, approvalIndex: Int?) -> String {
        let signatory: AuthorityError.Signatory
        switch error {
        case .unknownCourt: return "$.header.court"
        case .unregisteredOfficer, .officerOfAnotherCourt, .officerInactive, .roleNotAllowed: return "$.header.officer.id"
        case .signatoryMissing(let named, _), .signatoryUnregistered(let named, _), .signatoryLacksRole(let named, _, _),
             .signatoryOfAnotherCourt(let named, _, _, _), .signatoryInactive(let named, _):
            signatory = named
        }
        switch signatory {
        case .rulingJudge:
            return decisionIndex.map { "$.header.legalDocuments[\($0)].signedBy" } ?? "$.header.legalDocuments"
        case .approvingPresident:
            return approvalIndex.map { "$.header.legalDocuments[\($0)].approvedBy" } ?? "$.header.legalDocuments"
        }
    }


    /// The targets, and for a measure on an account the ordering key that keeps it in line.
    private func route(_ document: InstructionDocument, kind: InstructionKind, court: CourtCode) throws -> Submission.Targets {
        let (bankCode, orderingKey) = DocumentIntake.accountOf(document)
        if kind == .bankQuery && bankCode == nil { return .everyBank }
        let routes: [Route]
        do {
            routes = try Router(registry: registry).targets(kind: kind, court: court, bankCode: bankCode)
        } catch {
            throw ProblemError(.unroutable, error.description, field: bankCode == nil ? "$.kind" : "$.account.bank")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return .adapters(routes.map { route in
            Submission.DirectedTarget(
                adapterID: route.adapterID.description, orderingKey: orderingKey,
                routeJSON: String(decoding: (try? encoder.encode(route)) ?? Data(), as: UTF8.self))
        })
    }

    /// The bank a document names and, for measures on one account, its (bank, account, currency) key.
    static func accountOf(_ document: InstructionDocument) -> (bank: String?, orderingKey: String?) {
        switch document {
        case .bankQuery(let query): return (query.bank?.description, nil)
        case .bankFreeze(let measure): return (measure.account.bank.description, key(measure.account))
        case .bankRenew(let measure): return (measure.account.bank.description, key(measure.account))
        case .bankUnfreeze(let measure): return (measure.account.bank.description, key(measure.account))
        case .bankDeduct(let measure): return (measure.account.bank.description, key(measure.account))
        default: return (nil, nil)
        }
    }

    private static func key(_ account: AccountReference) -> String {
        "\(account.bank)/\(account.number)/\(account.currency.code)"
    }
}
