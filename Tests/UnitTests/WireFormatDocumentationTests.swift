import Foundation
import HubProtocol
import Testing

/// docs/wire-format.md is generated from the fixtures, so the examples integrators read are the
/// documents the tests decode. Regenerate with `QUERYHUB_WRITE_WIRE_DOCS=1 swift test --filter WireFormat`.
@Suite("Wire format documentation")
struct WireFormatDocumentationTests {
    static let documentationURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/wire-format.md")

    static let instructionTitles: [String: String] = [
        "bank.query": "查询 — query a bank, or every bank (R-B7)",
        "bank.freeze": "冻结 — freeze one account (R-B10 … R-B13)",
        "bank.renew": "续冻 — renew a freeze (R-B14)",
        "bank.unfreeze": "解冻 — release a freeze, wholly or in part",
        "bank.deduct": "扣划 — deduct to the court's special account (R-B17, R-B18)",
        "police.identity": "身份信息查询 — identity (R-G2)",
        "police.exitEntry": "出入境信息查询 — exit-entry documents and records (R-G2)",
        "police.vehicles": "车辆信息查询 — vehicles (R-G2)",
        "police.hotelStays": "旅馆住宿信息查询 — hotel stays (R-G2)",
        "police.restrictExit": "限制出境 — restrict exit (R-G3)",
        "police.seizeVehicle": "查封车辆 — seize a vehicle (R-G4)",
        "police.locatePerson": "协查布控 — locate a person (R-G5)",
        "police.release": "解除措施 — release a police measure (R-G6)",
    ]

    static let receiptTitles: [String: String] = [
        "bank.queryResult": "查询结果 — accounts and assets found (R-B8)",
        "bank.noAccountFound": "无账户 — no account found (R-B8)",
        "bank.freezeResult": "冻结结果 — freeze result (R-B11 … R-B13)",
        "bank.renewResult": "续冻结果 — renew result (R-B14)",
        "bank.unfreezeResult": "解冻结果 — unfreeze result",
        "bank.deductResult": "扣划结果 — deduct result (R-B18, R-B19)",
        "cannotAssist": "无法协助 — cannot assist (R-B21)",
        "police.identityResult": "身份信息 — identity (R-G2)",
        "police.exitEntryResult": "出入境信息 — exit-entry (R-G2)",
        "police.vehiclesResult": "车辆信息 — vehicles (R-G2)",
        "police.hotelStaysResult": "旅馆住宿信息 — hotel stays (R-G2)",
        "police.measureAcknowledged": "措施已执行 — measure in force (R-G3 … R-G6)",
        "police.vehicleSighted": "发现车辆 — a seized vehicle was seen (R-G4)",
        "police.personFound": "发现人员 — the person was found (R-G5)",
    ]

    static let rangeReceiptTitles: [String: String] = [
        "bank.noAccountFoundRange": "批量无账户 — no account found for a run of queries to every bank (R-B7, R-B8)",
    ]

    static let rangeIntroduction = """

        A range receipt answers a contiguous run of the hub's broadcast items (`B<n>` … `B<m>`, at
        most 1,000) at once; it is posted in `ranges` of `POST /v1/adapters/{adapter}/receipts`
        (openapi.yaml) under the same batch seal as per-item receipts. `instructions` lists, in item
        order, the `{court, instructionId}` each item is, so a court finds its own query in the
        sealed bytes; the hub refuses a range whose list is not its broadcast log's.

        """

    static let introduction = """
        # QueryHub wire format

        Generated from `Tests/UnitTests/WireFixtures.swift` by `WireFormatDocumentationTests`; do not
        edit by hand. Every example below is decoded, validated and round-tripped by the tests.

        ## Rules for every document

        - **JSON, strictly (RFC 8259).** UTF-8 without a byte-order mark; at most 1 MiB and 64 levels
          of nesting. Duplicate keys are refused (also when spelled with escapes).
        - **Exact fields.** An unknown field, a missing field or a value of the wrong JSON type is
          refused. `null` is never accepted: leave an absent optional field out.
        - **No floating point.** Amounts are decimal strings beside a currency:
          `{"amount": "1200.50", "currency": "CNY"}` (no exponent, no `+`, at most the currency's
          minor digits). Integers (only `queuePosition` today) lie within ±(2^53 − 1); `1.0` and `1e3`
          are refused.
        - **Dates** are `YYYY-MM-DD`, days in China Standard Time (UTC+8): an instruction's day is
          the Beijing date of its `issuedAt`, so from 16:00 UTC it is the next UTC day (a freeze issued
          at `2026-12-01T16:30:00Z` starts on `2026-12-02` at the earliest). **Instants** are RFC 3339
          UTC with seconds, `2026-12-01T09:30:00Z`, or exactly three fraction digits when the
          milliseconds are not zero.
        - **`kind`** selects the document type; unknown kinds are refused with the list of kinds.
        - **Who decided (R-A1).** A legal document names its signer in `signedBy` (签发人) and its
          approver in `approvedBy` (批准人), officer ids of the issuing court. A `ruling`, a
          `detentionDecision` and an `exitRestrictionDecision` must name the judge who signed them,
          and so must the `releaseNotice` of a `police.release`; a `detentionDecision` must also
          name the president who approved it. The hub checks them against its registry.
        - **Closed lists** (`accountType`, `status`, `reason`, `legalDocuments[].kind` …) refuse any
          value not listed in the types' documentation.
        - **Pension accounts (R-P1).** In a `bank.queryResult`, an account of type `pension` states
          `protectedMinimum`, the living-expense minimum the bank leaves untouched (`0.00` when none),
          in the account's currency; no other account has the field. The hub holds at most the
          balance less this minimum (and less priority claims) on the account.
        - **Deducting a pension (R-P1).** Pensions are taken only when the debtor's other assets are
          not enough. A `bank.deduct` states the court's finding in `otherAssetsInsufficient`
          (optional; absent or `false`: no such finding). A deduct from a pension account without
          `true` is refused by the hub (422 naming R-P1) once a query result has shown the account
          to be a pension account, and otherwise by the bank: `cannotAssist` with reason
          `pensionNeedsOtherAssetsInsufficient`. Other accounts ignore the field.
        - **Claimed funds in a freeze (R-B16).** Funds under a priority claim (pledge, margin, a
          co-owner's share) may be frozen but do not count toward `held` while the claim lasts. A
          `bank.freezeResult` reports the claimed funds the freeze holds without counting them in
          `uncountedClaimFunds`: present exactly when positive, in the account's currency, and part
          of `notHeld` (`held` + `uncountedClaimFunds` ≤ `requested`).
        - **Deduct receipts (R-B19).** In a `bank.deductResult`, `deducted` is the amount actually
          deducted and `notDeducted` the rest of the request: `deducted` + `notDeducted` =
          `requested`, exactly. When a freeze is named, the bank draws its hold first, and
          `remainingHeld` is R-B19's not-deducted amount that stays frozen: `heldBefore` less what
          was deducted from it, `heldBefore` − min(`heldBefore`, `deducted`). The two are the same
          amount when the request was the whole hold; in general they differ.
        - **Queues (R-B13).** An account carries at most 2,048 freezes in force; every list of
          freezes (`existingFreezes`, `earlierFreezes`, `freezesBefore` + `freezesAfter`) is bounded
          by it, so a `bank.freezeResult` lists at most 2,047 earlier freezes.
        - **Canonical bytes** (for hashes, seals and duplicate detection): RFC 8785 style — keys
          sorted by UTF-16 code units, no whitespace, minimal escaping. The same logical document
          always has the same canonical bytes. The examples below are shown indented with keys in
          canonical order.
        - **Errors** name the JSON path and the reason, e.g.
          `$.accounts[2].balance.amount: "35.1.0" is not a decimal amount: only one decimal point is allowed`,
          and rule refusals name the rule: `$.historyPeriod: R-B7: a query for transaction history must state the period`.

        """

    static func render() throws -> String {
        var text = introduction
        text += "\n## Instructions (sealed by a court)\n"
        for (kind, json) in WireFixtures.instructions {
            text += try section(kind: kind, title: instructionTitles[kind]!, json: json)
        }
        text += "\n## Receipts (sealed by a bank or a police office)\n"
        for (kind, json) in WireFixtures.receipts {
            text += try section(kind: kind, title: receiptTitles[kind]!, json: json)
        }
        text += "\n## Range receipts (sealed by a bank)\n" + rangeIntroduction
        for (kind, json) in WireFixtures.rangeReceipts {
            text += try section(kind: kind, title: rangeReceiptTitles[kind]!, json: json)
        }
        return text
    }

    static func section(kind: String, title: String, json: String) throws -> String {
        let tree = try StrictJSONDecoder().parse(Array(json.utf8))
        return "\n### `\(kind)` — \(title)\n\n```json\n\(tree.indentedText)\n```\n"
    }

    @Test("docs/wire-format.md matches the fixtures")
    func documentationIsCurrent() throws {
        let expected = try WireFormatDocumentationTests.render()
        if ProcessInfo.processInfo.environment["QUERYHUB_WRITE_WIRE_DOCS"] == "1" {
            try expected.write(to: WireFormatDocumentationTests.documentationURL, atomically: true, encoding: .utf8)
        }
        let current = try String(contentsOf: WireFormatDocumentationTests.documentationURL, encoding: .utf8)
        #expect(current == expected, "regenerate with QUERYHUB_WRITE_WIRE_DOCS=1 swift test --filter WireFormat")
    }

    @Test("every kind has a title in the documentation")
    func titles() {
        #expect(Set(WireFormatDocumentationTests.instructionTitles.keys) == Set(InstructionKind.allRawValues))
        #expect(Set(WireFormatDocumentationTests.receiptTitles.keys) == Set(ReceiptKind.allRawValues))
        #expect(Set(WireFormatDocumentationTests.rangeReceiptTitles.keys) == Set(RangeReceiptKind.allRawValues))
    }
}
