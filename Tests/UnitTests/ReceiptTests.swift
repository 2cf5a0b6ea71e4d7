import Foundation
import HubProtocol
import Testing

@Suite("Receipts")
struct ReceiptTests {
    @Test("every receipt kind has a fixture")
    func everyKindCovered() {
        #expect(Set(WireFixtures.receipts.map(\.kind)) == Set(ReceiptKind.allRawValues))
        #expect(WireFixtures.receipts.count == ReceiptKind.allCases.count)
    }

    @Test("each kind decodes, validates and round-trips through its canonical bytes", arguments: WireFixtures.receipts.map(\.kind))
    func roundTrip(kind: String) throws {
        let text = WireFixtures.receipt(kind)
        let receipt = try StrictJSONDecoder().decode(ReceiptDocument.self, from: Array(text.utf8))
        #expect(receipt.kind.rawValue == kind)
        let canonical = try CanonicalJSON.encode(receipt)
        #expect(try StrictJSONDecoder().decode(ReceiptDocument.self, from: canonical) == receipt)
        #expect(try CanonicalJSON.canonicalize(Array(text.utf8)) == canonical)
    }

    @Test("R-B8: a query result account carries every field", arguments: [
        "openingDate", "branch", "accountName", "accountNumber", "accountType", "status", "balance", "availableBalance",
        "contactPhone", "existingFreezes", "priorityClaims",
    ])
    func queryResultFields(field: String) throws {
        let tree = try parsed(WireFixtures.receipt("bank.queryResult")).replacing(["accounts", 0, .key(field)], with: nil)
        #expect(refusal(ReceiptDocument.self, tree) == WireError(path: "$.accounts[0].\(field)", reason: .missingField))
    }

    @Test("R-B8: existing freezes name authority, document, amount and period; assets name their fund account and manager")
    func queryResultNestedFields() throws {
        let tree = try parsed(WireFixtures.receipt("bank.queryResult"))
        for field in ["authority", "documentNumber", "amount", "period"] {
            let missing = tree.replacing(["accounts", 0, "existingFreezes", 0, .key(field)], with: nil)
            #expect(refusal(ReceiptDocument.self, missing) == WireError(path: "$.accounts[0].existingFreezes[0].\(field)", reason: .missingField))
        }
        for field in ["linkedFundAccount", "assetManager"] {
            let missing = tree.replacing(["otherAssets", 0, .key(field)], with: nil)
            #expect(refusal(ReceiptDocument.self, missing) == WireError(path: "$.otherAssets[0].\(field)", reason: .missingField))
        }
        let decoded = try StrictJSONDecoder().decode(BankQueryResult.self, from: CanonicalJSON.serialize(tree))
        #expect(decoded.accounts[1].status == .closed)  // R-B8: closed accounts are reported
        #expect(decoded.accounts[1].priorityClaims.first?.kind == .margin)
    }

    @Test("R-B8: a closed account states its closing date, and only a closed one does")
    func closingDate() throws {
        let tree = try parsed(WireFixtures.receipt("bank.queryResult"))
        #expect(refusal(ReceiptDocument.self, tree.replacing(["accounts", 1, "closingDate"], with: nil))?.path == "$.accounts[1].closingDate")
        #expect(refusal(ReceiptDocument.self, tree.replacing(["accounts", 0, "closingDate"], with: .string("2026-01-01")))?.path == "$.accounts[0].closingDate")
    }

    @Test("R-P1: a pension account states its protected minimum in its currency, not negative; no other account has one")
    func protectedMinimum() throws {
        let tree = try parsed(WireFixtures.receipt("bank.queryResult"))
        let decoded = try StrictJSONDecoder().decode(BankQueryResult.self, from: CanonicalJSON.serialize(tree))
        #expect(decoded.accounts.map(\.protectedMinimum) == [nil, nil, Money(minorUnits: 200_000, currency: .cny)])
        let path = "$.accounts[2].protectedMinimum"
        let absent = refusal(ReceiptDocument.self, tree.replacing(["accounts", 2, "protectedMinimum"], with: nil))
        #expect(absent?.rule == "R-P1" && absent?.path == path, "\(String(describing: absent))")
        #expect(refusal(ReceiptDocument.self, tree.replacing(["accounts", 2, "protectedMinimum"], with: .null)) == WireError(path: path, reason: .nullNotAllowed))
        #expect(refusal(ReceiptDocument.self, tree.replacing(["accounts", 2, "protectedMinimum"], with: money("-1.00")))?.path == path)
        #expect(refusal(ReceiptDocument.self, tree.replacing(["accounts", 2, "protectedMinimum"], with: money("2000.00", "USD")))?.path
                == path + ".currency")
        #expect(refusal(ReceiptDocument.self, tree.replacing(["accounts", 2, "protectedMinimum"], with: .string("2000.00")))?.path == path)
        let onCurrent = refusal(ReceiptDocument.self, tree.replacing(["accounts", 0, "protectedMinimum"], with: money("0.00")))
        #expect(onCurrent?.rule == "R-P1" && onCurrent?.path == "$.accounts[0].protectedMinimum", "\(String(describing: onCurrent))")
        // Zero is a statement too (the local standard protects nothing), and more than the balance is allowed.
        #expect(refusal(ReceiptDocument.self, tree.replacing(["accounts", 2, "protectedMinimum"], with: money("0.00"))) == nil)
        #expect(refusal(ReceiptDocument.self, tree.replacing(["accounts", 2, "protectedMinimum"], with: money("9000.00"))) == nil)
    }

    @Test("R-B8: no account found is an explicit answer, never an empty result")
    func noAccountFound() throws {
        let empty = try parsed(WireFixtures.receipt("bank.queryResult"))
            .replacing(["accounts"], with: .array([])).replacing(["otherAssets"], with: .array([]))
        let error = refusal(ReceiptDocument.self, empty)
        #expect(error?.rule == "R-B8")
        let explicit = try StrictJSONDecoder().decode(ReceiptDocument.self, from: Array(WireFixtures.receipt("bank.noAccountFound").utf8))
        #expect(explicit.kind == .bankNoAccountFound)
        #expect(explicit.header.responder.text == "C1030511000045")
    }

    @Test("R-B11: held and not held add up to the requested amount")
    func freezeArithmetic() throws {
        let tree = try parsed(WireFixtures.receipt("bank.freezeResult"))
        let error = refusal(ReceiptDocument.self, tree.replacing(["notHeld"], with: money("83500.01")))
        #expect(error?.rule == "R-B11")
        #expect(error?.path == "$.notHeld")
        let exact = tree.replacing(["held"], with: money("120000.00")).replacing(["notHeld"], with: money("0.00"))
            .replacing(["uncountedClaimFunds"], with: nil)  // all counted: no claimed funds uncounted (R-B16)
        #expect(refusal(ReceiptDocument.self, exact)?.rule == "R-B12")  // all held, yet marked limited
        #expect(refusal(ReceiptDocument.self, exact.replacing(["limited"], with: .bool(false))) == nil)
    }

    @Test("R-B13: the queue position follows the earlier freezes listed, in their currency")
    func queuePosition() throws {
        let tree = try parsed(WireFixtures.receipt("bank.freezeResult"))
        let error = refusal(ReceiptDocument.self, tree.replacing(["queuePosition"], with: .integer(1)))
        #expect(error?.rule == "R-B13")
        let first = tree.replacing(["queuePosition"], with: .integer(1)).replacing(["earlierFreezes"], with: .array([]))
        #expect(refusal(ReceiptDocument.self, first) == nil)
        #expect(refusal(ReceiptDocument.self, tree.replacing(["earlierFreezes", 0, "amount"], with: money("50000.00", "USD")))?.path
            == "$.earlierFreezes[0].amount.currency")
        for field in ["requested", "held", "notHeld", "limited", "period", "queuePosition", "earlierFreezes"] {
            #expect(refusal(ReceiptDocument.self, tree.replacing([.key(field)], with: nil)) == WireError(path: "$.\(field)", reason: .missingField))
        }
    }

    @Test("R-B14: a renewal reports amounts, period and the freezes before and after")
    func renewFields() throws {
        let tree = try parsed(WireFixtures.receipt("bank.renewResult"))
        for field in ["requested", "held", "period", "freezesBefore", "freezesAfter"] {
            #expect(refusal(ReceiptDocument.self, tree.replacing([.key(field)], with: nil)) == WireError(path: "$.\(field)", reason: .missingField))
        }
        #expect(refusal(ReceiptDocument.self, tree.replacing(["held"], with: money("120000.01")))?.path == "$.held")
    }

    @Test("R-B19: deducted plus not deducted is the requested amount")
    func deductArithmetic() throws {
        let tree = try parsed(WireFixtures.receipt("bank.deductResult"))
        let error = refusal(ReceiptDocument.self, tree.replacing(["notDeducted"], with: money("39999.99")))
        #expect(error?.rule == "R-B19")
        #expect(error?.path == "$.notDeducted")
    }

    @Test("R-B19: what stays frozen is the hold less what was deducted")
    func deductRemainingHeld() throws {
        let tree = try parsed(WireFixtures.receipt("bank.deductResult"))
        let wrong = refusal(ReceiptDocument.self, tree.replacing(["remainingHeld"], with: money("100000.00")))
        #expect(wrong?.rule == "R-B19")
        #expect(wrong?.path == "$.remainingHeld")
        let noFreeze = tree.replacing(["freezeInstructionId"], with: nil).replacing(["heldBefore"], with: nil).replacing(["remainingHeld"], with: nil)
        #expect(refusal(ReceiptDocument.self, noFreeze) == nil)
        #expect(refusal(ReceiptDocument.self, noFreeze.replacing(["heldBefore"], with: money("1.00")))?.path == "$.heldBefore")
        let decoded = try StrictJSONDecoder().decode(BankDeductResult.self, from: CanonicalJSON.serialize(tree))
        #expect(try decoded.heldBefore!.subtracting(decoded.deducted) == decoded.remainingHeld)
    }

    @Test("R-B19: notDeducted is requested − deducted; remainingHeld, what stays frozen, is heldBefore less what was deducted from it")
    func deductNotDeductedAndRemainingHeld() throws {
        // The court asks 100,000.00 of a freeze holding 30,000.00, unheld funds allowed: the bank
        // takes the 30,000.00 held and 20,000.00 unheld. 50,000.00 of the request is not deducted;
        // nothing of the freeze is left to stay frozen.
        let tree = try parsed(WireFixtures.receipt("bank.deductResult"))
            .replacing(["deducted"], with: money("50000.00")).replacing(["notDeducted"], with: money("50000.00"))
            .replacing(["heldBefore"], with: money("30000.00")).replacing(["remainingHeld"], with: money("0.00"))
            .replacing(["creditedAmount"], with: money("50000.00"))
        #expect(refusal(ReceiptDocument.self, tree) == nil)
        // Reading R-B19's "not deducted, stays frozen" as the wire's notDeducted is refused.
        let confused = refusal(ReceiptDocument.self, tree.replacing(["remainingHeld"], with: money("50000.00")))
        #expect(confused?.rule == "R-B19" && confused?.path == "$.remainingHeld")
        #expect(confused?.description.contains("heldBefore 30000.00 CNY less the 30000.00 CNY deducted from it is 0.00 CNY") == true,
                "\(String(describing: confused))")
        let short = refusal(ReceiptDocument.self, tree.replacing(["notDeducted"], with: money("0.00")))
        #expect(short?.rule == "R-B19" && short?.path == "$.notDeducted")
        #expect(short?.description.contains("notDeducted") == true, "the error names the wire's field: \(String(describing: short))")
    }

    @Test("R-B16: a freeze result reports claimed funds frozen but not counted: positive, in the account's currency, within notHeld")
    func freezeUncountedClaimFunds() throws {
        let tree = try parsed(WireFixtures.receipt("bank.freezeResult"))
        let decoded = try StrictJSONDecoder().decode(BankFreezeResult.self, from: CanonicalJSON.serialize(tree))
        #expect(decoded.uncountedClaimFunds == Money(minorUnits: 2_000_000, currency: .cny))
        #expect(decoded.held == Money(minorUnits: 3_650_000, currency: .cny), "claimed funds are not part of held")
        #expect(refusal(ReceiptDocument.self, tree.replacing(["uncountedClaimFunds"], with: nil)) == nil, "absent: no claimed funds")
        let zero = refusal(ReceiptDocument.self, tree.replacing(["uncountedClaimFunds"], with: money("0.00")))
        #expect(zero?.rule == "R-B16" && zero?.path == "$.uncountedClaimFunds")
        #expect(refusal(ReceiptDocument.self, tree.replacing(["uncountedClaimFunds"], with: money("83500.00"))) == nil, "all of notHeld")
        let beyond = refusal(ReceiptDocument.self, tree.replacing(["uncountedClaimFunds"], with: money("83500.01")))
        #expect(beyond?.rule == "R-B16" && beyond?.path == "$.uncountedClaimFunds")
        #expect(refusal(ReceiptDocument.self, tree.replacing(["uncountedClaimFunds"], with: money("10.00", "USD")))?.path
            == "$.uncountedClaimFunds.currency")
    }

    @Test("R-B13: a freeze result lists up to 2,047 earlier freezes, the queue of a full account, within the document size limit; 2,048 are refused")
    func earlierFreezesBound() throws {
        #expect(ExistingFreeze.maximumFreezesPerAccount == 2_048)
        let tree = try parsed(WireFixtures.receipt("bank.freezeResult"))
        let earlier = tree.value(at: ["earlierFreezes", 0])
        func queue(_ count: Int) -> JSONValue {
            tree.replacing(["earlierFreezes"], with: .array(Array(repeating: earlier, count: count)))
                .replacing(["queuePosition"], with: .integer(Int64(count + 1)))
        }
        let full = queue(ExistingFreeze.maximumFreezesPerAccount - 1)
        let bytes = CanonicalJSON.serialize(full)
        #expect(bytes.count < 1_048_576, "\(bytes.count) bytes")
        let decoded = try StrictJSONDecoder().decode(BankFreezeResult.self, from: bytes)
        #expect(decoded.earlierFreezes.count == 2_047 && decoded.queuePosition == 2_048)
        let over = refusal(ReceiptDocument.self, queue(ExistingFreeze.maximumFreezesPerAccount))
        #expect(over?.rule == "R-B13" && over?.path == "$.earlierFreezes", "\(String(describing: over))")
    }

    @Test("R-B13: a renewal lists at most 2,047 freezes before and after the renewed one")
    func renewQueueBound() throws {
        let tree = try parsed(WireFixtures.receipt("bank.freezeResult"))
        let freeze = tree.value(at: ["earlierFreezes", 0])
        let renewal = try parsed(WireFixtures.receipt("bank.renewResult"))
        func around(_ before: Int, _ after: Int) -> JSONValue {
            renewal.replacing(["freezesBefore"], with: .array(Array(repeating: freeze, count: before)))
                .replacing(["freezesAfter"], with: .array(Array(repeating: freeze, count: after)))
        }
        #expect(refusal(ReceiptDocument.self, around(1_024, 1_023)) == nil)
        let over = refusal(ReceiptDocument.self, around(1_024, 1_024))
        #expect(over?.rule == "R-B13" && over?.path == "$.freezesAfter", "\(String(describing: over))")
    }

    @Test("R-B17: converted foreign currency is credited in CNY as converted")
    func deductForeignExchange() throws {
        let usd: JSONValue = .string("USD")
        let tree = try parsed(WireFixtures.receipt("bank.deductResult"))
            .replacing(["account", "currency"], with: usd)
            .replacing(["requested"], with: money("1000.00", "USD")).replacing(["deducted"], with: money("1000.00", "USD"))
            .replacing(["notDeducted"], with: money("0.00", "USD"))
            .replacing(["heldBefore"], with: money("1000.00", "USD")).replacing(["remainingHeld"], with: money("0.00", "USD"))
            .replacing(["creditedAmount"], with: money("7123.40"))
            .replacing(["foreignExchange"], with: .object([
                "rate": .string("7.1234"), "rateDate": .string("2027-03-01"),
                "sourceAmount": money("1000.00", "USD"), "convertedAmount": money("7123.40"),
            ]))
        #expect(refusal(ReceiptDocument.self, tree) == nil)
        #expect(refusal(ReceiptDocument.self, tree.replacing(["creditedAmount"], with: money("7123.41")))?.rule == "R-B17")
        #expect(refusal(ReceiptDocument.self, tree.replacing(["foreignExchange", "rate"], with: .string("7.")))?.path == "$.foreignExchange.rate")
        #expect(refusal(ReceiptDocument.self, tree.replacing(["foreignExchange"], with: nil))?.rule == "R-B17")
    }

    @Test("R-B21: a cannot-assist reason comes from the closed list")
    func cannotAssistReason() throws {
        let tree = try parsed(WireFixtures.receipt("cannotAssist"))
        #expect(refusal(ReceiptDocument.self, tree.replacing(["reason"], with: .string("busy")))
            == WireError(path: "$.reason", reason: .unknownKind("busy", expected: CannotAssistReason.allRawValues)))
        #expect(refusal(ReceiptDocument.self, tree.replacing(["reason"], with: nil)) == WireError(path: "$.reason", reason: .missingField))
        #expect(refusal(ReceiptDocument.self, tree.replacing(["detail"], with: nil)) == nil)
    }

    @Test("R-B21: a reason of other needs its detail text")
    func cannotAssistOther() throws {
        let tree = try parsed(WireFixtures.receipt("cannotAssist")).replacing(["reason"], with: .string("other"))
        #expect(refusal(ReceiptDocument.self, tree) == nil)
        let error = refusal(ReceiptDocument.self, tree.replacing(["detail"], with: nil))
        #expect(error?.rule == "R-B21")
        #expect(error?.path == "$.detail")
    }

    @Test("R-G2: the police identity result carries every field", arguments: [
        "name", "formerNames", "birthDate", "householdRegistration", "address", "idNumber", "photo",
    ])
    func identityFields(field: String) throws {
        let tree = try parsed(WireFixtures.receipt("police.identityResult")).replacing([.key(field)], with: nil)
        #expect(refusal(ReceiptDocument.self, tree) == WireError(path: "$.\(field)", reason: .missingField))
    }

    @Test("R-G2: the birth date agrees with the ID number")
    func identityBirthDate() throws {
        let tree = try parsed(WireFixtures.receipt("police.identityResult")).replacing(["birthDate"], with: .string("1949-12-30"))
        let error = refusal(ReceiptDocument.self, tree)
        #expect(error?.rule == "R-G2")
        #expect(error?.path == "$.birthDate")
    }

    @Test("R-G2: exit-entry records, vehicles and hotel stays carry their fields", arguments: [
        ("police.exitEntryResult", ["records", 0] as [PathStep], ["time", "destination", "registeredPhone"]),
        ("police.vehiclesResult", ["vehicles", 0], ["plateNumber", "brand", "model", "vehicleType", "vin", "registeringOffice", "registeredOn", "seizures"]),
        ("police.hotelStaysResult", ["stays", 0], ["checkIn", "hotelName", "hotelAddress", "registeredPhone"]),
    ])
    func policeResultFields(kind: String, prefix: [PathStep], fields: [String]) throws {
        let tree = try parsed(WireFixtures.receipt(kind))
        let prefixText = prefix.map { step -> String in
            switch step {
            case .key(let key): return "." + key
            case .index(let index): return "[\(index)]"
            }
        }.joined()
        for field in fields {
            let missing = tree.replacing(prefix + [.key(field)], with: nil)
            #expect(refusal(ReceiptDocument.self, missing) == WireError(path: "$" + prefixText + "." + field, reason: .missingField))
        }
    }

    @Test("R-G4, R-G5: later events are tied to their instruction and not dated after the report")
    func laterEvents() throws {
        let sighted = try StrictJSONDecoder().decode(PoliceVehicleSighted.self, from: Array(WireFixtures.receipt("police.vehicleSighted").utf8))
        #expect(sighted.header.instructionId.text == "BJ0105-2026-000141")
        let late = try parsed(WireFixtures.receipt("police.vehicleSighted")).replacing(["sightedAt"], with: .string("2027-01-15T02:30:01Z"))
        #expect(refusal(ReceiptDocument.self, late)?.path == "$.sightedAt")
        let found = try parsed(WireFixtures.receipt("police.personFound")).replacing(["header", "instructionId"], with: nil)
        #expect(refusal(ReceiptDocument.self, found) == WireError(path: "$.header.instructionId", reason: .missingField))
        let acknowledgement = try parsed(WireFixtures.receipt("police.measureAcknowledged"))
        #expect(refusal(ReceiptDocument.self, acknowledgement.replacing(["controlUntil"], with: nil))?.path == "$.controlUntil")
        #expect(refusal(ReceiptDocument.self, acknowledgement.replacing(["measure"], with: .string("bank.freeze")))?.path == "$.measure")
    }
}
