import Foundation
import HubProtocol

/// Real-looking wire documents, one per instruction kind and one per receipt kind, written as an
/// integrator would send them. Tests decode them, mutate them and check the refusals; the
/// documentation (docs/wire-format.md) is generated from them.
enum WireFixtures {
    static let digestA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    static let digestB = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
    static let digestC = "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"

    static let person = #"{"name": "张三", "document": {"type": "residentID", "number": "11010519491231002X"}}"#
    static let account = #"{"bank": "C1010211000012", "number": "6222020200112233445", "currency": "CNY"}"#
    static let freezePeriod = #"{"from": "2026-12-01", "to": "2027-11-30"}"#

    /// The judge of the Chaoyang court who signs the fixtures' rulings and decisions (R-A1).
    static let judge = "BJ0105-0007"
    /// The Chaoyang court's president, who approves the detention decision (R-A1).
    static let president = "BJ0105-0001"

    /// A legal document reference, with its signer and approver when given.
    static func document(_ kind: String, _ number: String, _ digest: String, signedBy: String? = nil, approvedBy: String? = nil) -> String {
        var members = [#""kind": "\#(kind)""#, #""number": "\#(number)""#, #""sha256": "\#(digest)""#]
        if let signedBy { members.append(#""signedBy": "\#(signedBy)""#) }
        if let approvedBy { members.append(#""approvedBy": "\#(approvedBy)""#) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    static let ruling = document("ruling", "（2026）京0105执1234号之一", digestB, signedBy: judge)
    static let assistanceNotice = document("assistanceNotice", "（2026）京0105执1234号协助执行通知书", digestC)

    /// An instruction header of the Chaoyang court (京0105) in case （2026）京0105执1234号.
    static func header(_ id: String, issuedAt: String = "2026-12-01T09:30:00Z", documents: [String]) -> String {
        """
        {"instructionId": "\(id)", "court": "京0105",
         "case": {"number": "（2026）京0105执1234号", "filingDate": "2026-03-02",
                  "amountOwed": {"amount": "500000.00", "currency": "CNY"}},
         "officer": {"id": "BJ0105-0042", "name": "李明", "phone": "010-65550123",
                     "credentialNumber": "京法执证字第0105042号", "credentialScanSHA256": "\(digestA)"},
         "issuedAt": "\(issuedAt)",
         "legalDocuments": [\(documents.joined(separator: ", "))]}
        """
    }

    /// One instruction of every kind, keyed by its `kind`.
    static let instructions: [(kind: String, json: String)] = [
        ("bank.query", """
        {"kind": "bank.query", "header": \(header("BJ0105-2026-000120", documents: [assistanceNotice])),
         "party": \(person), "includeTransactionHistory": true,
         "historyPeriod": {"from": "2026-01-01", "to": "2026-11-30"}}
        """),
        ("bank.freeze", """
        {"kind": "bank.freeze", "header": \(header("BJ0105-2026-000123", documents: [ruling, assistanceNotice])),
         "party": \(person), "account": \(account),
         "amountLimit": {"amount": "120000.00", "currency": "CNY"},
         "period": \(freezePeriod), "allowLimitedFreeze": true}
        """),
        ("bank.renew", """
        {"kind": "bank.renew", "header": \(header("BJ0105-2027-000311", issuedAt: "2027-11-20T02:00:00Z", documents: [ruling, assistanceNotice])),
         "freezeInstructionId": "BJ0105-2026-000123", "account": \(account),
         "amountLimit": {"amount": "120000.00", "currency": "CNY"}, "newEndDate": "2028-11-29"}
        """),
        ("bank.unfreeze", """
        {"kind": "bank.unfreeze", "header": \(header("BJ0105-2027-000042", issuedAt: "2027-02-10T06:00:00Z", documents: [ruling, assistanceNotice])),
         "freezeInstructionId": "BJ0105-2026-000123", "account": \(account),
         "scope": "partial", "amount": {"amount": "20000.00", "currency": "CNY"}}
        """),
        ("bank.deduct", """
        {"kind": "bank.deduct", "header": \(header("BJ0105-2027-000057", issuedAt: "2027-03-01T01:15:00Z", documents: [ruling, assistanceNotice])),
         "party": \(person), "freezeInstructionId": "BJ0105-2026-000123", "account": \(account),
         "amount": {"amount": "100000.00", "currency": "CNY"},
         "specialAccount": {"bank": "C1010211000099", "number": "0200001409200012345",
                            "name": "北京市朝阳区人民法院", "currency": "CNY"},
         "convertForeignCurrency": false, "includeUnheldAvailableFunds": false, "otherAssetsInsufficient": false}
        """),
        ("police.identity", """
        {"kind": "police.identity", "header": \(header("BJ0105-2026-000130", documents: [assistanceNotice])), "party": \(person)}
        """),
        ("police.exitEntry", """
        {"kind": "police.exitEntry", "header": \(header("BJ0105-2026-000131", documents: [assistanceNotice])),
         "party": \(person), "role": "debtor", "includeRecords": true}
        """),
        ("police.vehicles", """
        {"kind": "police.vehicles", "header": \(header("BJ0105-2026-000132", documents: [assistanceNotice])), "party": \(person)}
        """),
        ("police.hotelStays", """
        {"kind": "police.hotelStays", "header": \(header("BJ0105-2026-000133", documents: [assistanceNotice])),
         "party": \(person), "period": {"from": "2026-06-01", "to": "2026-11-30"}}
        """),
        ("police.restrictExit", """
        {"kind": "police.restrictExit",
         "header": \(header("BJ0105-2026-000140", documents: [document("exitRestrictionDecision", "（2026）京0105执1234号限制出境决定书", digestB, signedBy: judge), assistanceNotice])),
         "party": \(person), "period": \(freezePeriod), "requirements": "禁止出境；发现其出境时予以阻止并通知执行法官"}
        """),
        ("police.seizeVehicle", """
        {"kind": "police.seizeVehicle", "header": \(header("BJ0105-2026-000141", documents: [ruling, assistanceNotice])),
         "party": \(person), "plateNumber": "京A12345", "vin": "LSVAU2180N2123456"}
        """),
        ("police.locatePerson", """
        {"kind": "police.locatePerson",
         "header": \(header("BJ0105-2026-000142", documents: [document("detentionDecision", "（2026）京0105司惩12号", digestB, signedBy: judge, approvedBy: president), assistanceNotice])),
         "party": \(person), "lastKnownAddress": "北京市朝阳区建国路88号"}
        """),
        ("police.release", """
        {"kind": "police.release",
         "header": \(header("BJ0105-2027-000200", issuedAt: "2027-05-06T08:00:00Z", documents: [document("releaseNotice", "（2026）京0105执1234号解除限制出境通知书", digestB, signedBy: judge)])),
         "releasedInstructionId": "BJ0105-2026-000140", "releasedKind": "police.restrictExit", "party": \(person)}
        """),
    ]

    static func receiptHeader(_ id: String, _ responder: String = "C1010211000012", at time: String) -> String {
        #"{"instructionId": "\#(id)", "responder": "\#(responder)", "respondedAt": "\#(time)"}"#
    }

    static let haidianFreeze = """
        {"authority": "北京市海淀区人民法院", "documentNumber": "（2026）京0108执567号",
         "amount": {"amount": "50000.00", "currency": "CNY"}, "period": {"from": "2026-05-01", "to": "2027-04-30"}}
        """

    static let specialAccount = """
        {"bank": "C1010211000099", "number": "0200001409200012345", "name": "北京市朝阳区人民法院", "currency": "CNY"}
        """

    /// One receipt of every kind, keyed by its `kind`.
    static let receipts: [(kind: String, json: String)] = [
        ("bank.queryResult", """
        {"kind": "bank.queryResult", "header": \(receiptHeader("BJ0105-2026-000120", at: "2026-12-01T09:31:05Z")),
         "accounts": [
           {"openingDate": "2015-06-18", "branch": "中国工商银行北京朝阳支行", "accountName": "张三",
            "accountNumber": "6222020200112233445", "accountType": "current", "status": "active",
            "balance": {"amount": "86500.00", "currency": "CNY"}, "availableBalance": {"amount": "36500.00", "currency": "CNY"},
            "contactPhone": "13800138000", "existingFreezes": [\(haidianFreeze)], "priorityClaims": []},
           {"openingDate": "2009-03-11", "closingDate": "2021-07-30", "branch": "中国工商银行北京建国门支行", "accountName": "张三",
            "accountNumber": "0200004501012345678", "accountType": "margin", "status": "closed",
            "balance": {"amount": "0.00", "currency": "CNY"}, "availableBalance": {"amount": "0.00", "currency": "CNY"},
            "contactPhone": "13800138000", "existingFreezes": [],
            "priorityClaims": [{"kind": "margin", "holder": "北京某融资担保有限公司",
                                "amount": {"amount": "10000.00", "currency": "CNY"}, "underReview": false}]},
           {"openingDate": "2018-03-01", "branch": "中国工商银行北京朝阳支行", "accountName": "张三",
            "accountNumber": "6222020200177889900", "accountType": "pension", "status": "active",
            "balance": {"amount": "8000.00", "currency": "CNY"}, "availableBalance": {"amount": "6000.00", "currency": "CNY"},
            "protectedMinimum": {"amount": "2000.00", "currency": "CNY"},
            "contactPhone": "13800138000", "existingFreezes": [], "priorityClaims": []}
         ],
         "otherAssets": [
           {"assetType": "wealthManagement", "productName": "工银理财·恒睿日日鑫", "assetManager": "工银理财有限责任公司",
            "linkedFundAccount": "6222020200112233445", "value": {"amount": "20000.00", "currency": "CNY"}}
         ]}
        """),
        ("bank.noAccountFound", """
        {"kind": "bank.noAccountFound", "header": \(receiptHeader("BJ0105-2026-000120", "C1030511000045", at: "2026-12-01T09:30:41Z"))}
        """),
        ("bank.freezeResult", """
        {"kind": "bank.freezeResult", "header": \(receiptHeader("BJ0105-2026-000123", at: "2026-12-01T09:32:10Z")),
         "account": \(account),
         "requested": {"amount": "120000.00", "currency": "CNY"}, "held": {"amount": "36500.00", "currency": "CNY"},
         "notHeld": {"amount": "83500.00", "currency": "CNY"}, "limited": true,
         "uncountedClaimFunds": {"amount": "20000.00", "currency": "CNY"},
         "period": \(freezePeriod), "queuePosition": 2, "earlierFreezes": [\(haidianFreeze)]}
        """),
        ("bank.renewResult", """
        {"kind": "bank.renewResult", "header": \(receiptHeader("BJ0105-2027-000311", at: "2027-11-20T02:01:30Z")),
         "account": \(account), "freezeInstructionId": "BJ0105-2026-000123",
         "requested": {"amount": "120000.00", "currency": "CNY"}, "held": {"amount": "120000.00", "currency": "CNY"},
         "period": {"from": "2026-12-01", "to": "2028-11-29"}, "freezesBefore": [], "freezesAfter": []}
        """),
        ("bank.unfreezeResult", """
        {"kind": "bank.unfreezeResult", "header": \(receiptHeader("BJ0105-2027-000042", at: "2027-02-10T06:00:45Z")),
         "account": \(account), "freezeInstructionId": "BJ0105-2026-000123",
         "released": {"amount": "20000.00", "currency": "CNY"}, "remainingHeld": {"amount": "100000.00", "currency": "CNY"}}
        """),
        ("bank.deductResult", """
        {"kind": "bank.deductResult", "header": \(receiptHeader("BJ0105-2027-000057", at: "2027-03-01T01:16:02Z")),
         "account": \(account), "freezeInstructionId": "BJ0105-2026-000123",
         "requested": {"amount": "100000.00", "currency": "CNY"}, "deducted": {"amount": "60000.00", "currency": "CNY"},
         "notDeducted": {"amount": "40000.00", "currency": "CNY"},
         "heldBefore": {"amount": "100000.00", "currency": "CNY"}, "remainingHeld": {"amount": "40000.00", "currency": "CNY"},
         "specialAccount": \(specialAccount), "creditedAmount": {"amount": "60000.00", "currency": "CNY"}}
        """),
        ("cannotAssist", """
        {"kind": "cannotAssist", "header": \(receiptHeader("BJ0105-2026-000123", "C1030511000045", at: "2026-12-01T09:33:00Z")),
         "reason": "accountDormant", "detail": "久悬账户，需至柜面激活后办理"}
        """),
        ("police.identityResult", """
        {"kind": "police.identityResult", "header": \(receiptHeader("BJ0105-2026-000130", "GA110105", at: "2026-12-01T09:34:00Z")),
         "name": "张三", "formerNames": ["张小三"], "birthDate": "1949-12-31",
         "householdRegistration": "北京市朝阳区建外街道", "address": "北京市朝阳区建国路88号",
         "idNumber": "11010519491231002X", "photo": {"reference": "GA110105/photo/2026/000130", "sha256": "\(digestA)"}}
        """),
        ("police.exitEntryResult", """
        {"kind": "police.exitEntryResult", "header": \(receiptHeader("BJ0105-2026-000131", "GA110000", at: "2026-12-01T09:35:00Z")),
         "documents": [{"type": "passport", "number": "E12345678", "issuedOn": "2019-04-02", "expiresOn": "2029-04-01"}],
         "records": [
           {"time": "2026-08-01T08:15:00Z", "direction": "exit", "port": "北京首都国际机场", "destination": "泰国曼谷", "registeredPhone": "13800138000"},
           {"time": "2026-08-09T14:40:00Z", "direction": "entry", "port": "北京首都国际机场", "destination": "泰国曼谷", "registeredPhone": "13800138000"}
         ]}
        """),
        ("police.vehiclesResult", """
        {"kind": "police.vehiclesResult", "header": \(receiptHeader("BJ0105-2026-000132", "GA110000", at: "2026-12-01T09:36:00Z")),
         "vehicles": [
           {"plateNumber": "京A12345", "brand": "大众", "model": "帕萨特 2021款 330TSI", "vehicleType": "小型轿车",
            "vin": "LSVAU2180N2123456", "registeringOffice": "北京市公安局公安交通管理局车辆管理所", "registeredOn": "2021-09-15",
            "mortgagee": "中国工商银行股份有限公司北京朝阳支行",
            "seizures": [{"authority": "北京市海淀区人民法院", "documentNumber": "（2026）京0108执567号"}]}
         ]}
        """),
        ("police.hotelStaysResult", """
        {"kind": "police.hotelStaysResult", "header": \(receiptHeader("BJ0105-2026-000133", "GA110000", at: "2026-12-01T09:37:00Z")),
         "stays": [
           {"checkIn": "2026-10-02T14:05:00Z", "checkOut": "2026-10-05T03:40:00Z", "hotelName": "如家酒店（上海虹桥店）",
            "hotelAddress": "上海市长宁区虹桥路1号", "registeredPhone": "13800138000"}
         ]}
        """),
        ("police.measureAcknowledged", """
        {"kind": "police.measureAcknowledged", "header": \(receiptHeader("BJ0105-2026-000140", "GA110000", at: "2026-12-01T10:05:00Z")),
         "measure": "police.restrictExit", "effectiveAt": "2026-12-01T10:04:12Z", "controlUntil": "2027-11-30"}
        """),
        ("police.vehicleSighted", """
        {"kind": "police.vehicleSighted", "header": \(receiptHeader("BJ0105-2026-000141", "GA110000", at: "2027-01-15T02:30:00Z")),
         "sightedAt": "2027-01-15T02:20:00Z", "occasion": "patrol", "location": "北京市朝阳区东三环中路国贸桥", "plateNumber": "京A12345"}
        """),
        ("police.personFound", """
        {"kind": "police.personFound", "header": \(receiptHeader("BJ0105-2026-000142", "GA310000", at: "2027-02-03T11:00:00Z")),
         "foundAt": "2027-02-03T10:40:00Z", "location": "上海市长宁区虹桥路1号", "custody": "heldForCourt",
         "contactPhone": "021-62001234"}
        """),
    ]

    /// Range receipts: one sealed document answering a run of items (R-B7, R-B8).
    static let rangeReceipts: [(kind: String, json: String)] = [
        ("bank.noAccountFoundRange", """
        {"kind": "bank.noAccountFoundRange", "responder": "C1030511000045", "respondedAt": "2026-12-01T09:30:41Z",
         "firstItemId": "B118", "lastItemId": "B120",
         "instructions": [
           {"court": "京0105", "instructionId": "BJ0105-2026-000118"},
           {"court": "沪0101", "instructionId": "SH0101-2026-000042"},
           {"court": "京0105", "instructionId": "BJ0105-2026-000120"}
         ]}
        """),
    ]

    /// The fixture of a kind (the test fails loudly on an unknown kind).
    static func instruction(_ kind: String) -> String { instructions.first { $0.kind == kind }!.json }
    static func receipt(_ kind: String) -> String { receipts.first { $0.kind == kind }!.json }
}

// MARK: - Editing parsed documents

/// One step in a path through a parsed document.
enum PathStep: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)
    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }
}

extension JSONValue {
    /// This document with the value at `path` replaced (or removed when `newValue` is nil).
    func replacing(_ path: [PathStep], with newValue: JSONValue?) -> JSONValue {
        guard let step = path.first else { return newValue ?? self }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.object(var members), .key(let key)):
            if rest.isEmpty {
                members[key] = newValue
            } else {
                members[key] = members[key]!.replacing(rest, with: newValue)
            }
            return .object(members)
        case (.array(var elements), .index(let index)):
            if rest.isEmpty, newValue == nil {
                elements.remove(at: index)
            } else {
                elements[index] = elements[index].replacing(rest, with: newValue)
            }
            return .array(elements)
        default:
            preconditionFailure("the path does not fit the document")
        }
    }

    /// The value at `path`.
    func value(at path: [PathStep]) -> JSONValue {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.object(let members), .key(let key)): return members[key]!.value(at: Array(path.dropFirst()))
        case (.array(let elements), .index(let index)): return elements[index].value(at: Array(path.dropFirst()))
        default: preconditionFailure("the path does not fit the document")
        }
    }
}

/// A money object for edits.
func money(_ amount: String, _ currency: String = "CNY") -> JSONValue {
    .object(["amount": .string(amount), "currency": .string(currency)])
}

/// Parses fixture text strictly.
func parsed(_ text: String) throws -> JSONValue {
    try StrictJSONDecoder().parse(Array(text.utf8))
}

/// Decodes a tree as `Value` (with validation) and returns the refusal, or nil when accepted.
func refusal<Value: Decodable>(_ type: Value.Type, _ tree: JSONValue) -> WireError? {
    do {
        _ = try StrictJSONDecoder().decode(type, from: CanonicalJSON.serialize(tree))
        return nil
    } catch {
        return error
    }
}
