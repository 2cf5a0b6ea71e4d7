import Foundation
import HubProtocol
import Testing

/// Check characters computed here, independently of the library: weights derived from their
/// definitions (powers modulo the prime) rather than copied tables, and the check found by the
/// defining congruence rather than by the library's formula.
enum ReferenceCheck {
    /// ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18 - i) mod 11, and the check value c
    /// makes sum + c ≡ 1 (mod 11); c = 10 is written X.
    static func residentID(_ body: String) -> Character {
        precondition(body.count == 17)
        var sum = 0
        for (offset, character) in body.enumerated() {
            sum += power(2, 17 - offset, modulo: 11) * (character.wholeNumberValue ?? 0)
        }
        let value = (0...10).first { (sum + $0) % 11 == 1 } ?? 0
        return value == 10 ? "X" : Character(String(value))
    }

    /// GB 32100: weight of position i is 3^(i - 1) mod 31, the check value c makes sum + c ≡ 0 (mod 31).
    static let creditCodeAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    static func creditCode(_ body: String) -> Character {
        precondition(body.count == 17)
        var sum = 0
        for (offset, character) in body.enumerated() {
            guard let value = creditCodeAlphabet.firstIndex(of: character) else { preconditionFailure("\(character)") }
            sum += power(3, offset, modulo: 31) * value
        }
        let value = (0...30).first { (sum + $0) % 31 == 0 } ?? 0
        return creditCodeAlphabet[value]
    }

    /// GB 11714: weights 3 7 9 10 5 8 4 2 (from the standard), letters A = 10 … Z = 35, and the check
    /// value c makes sum + c ≡ 0 (mod 11); c = 10 is written X.
    static func organizationCode(_ body: String) -> Character {
        precondition(body.count == 8)
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (weight, character) in zip(weights, body) {
            let value = character.wholeNumberValue ?? (Int(character.asciiValue ?? 0) - Int(Character("A").asciiValue ?? 0) + 10)
            sum += weight * value
        }
        let value = (0...10).first { (sum + $0) % 11 == 0 } ?? 0
        return value == 10 ? "X" : Character(String(value))
    }

    static func power(_ base: Int, _ exponent: Int, modulo: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result = result * base % modulo }
        return result
    }

    /// A credit code from its first eight characters and an organisation-code body, both checks computed here.
    static func makeCreditCode(prefix: String, organizationBody: String) -> String {
        let body = prefix + organizationBody + String(organizationCode(organizationBody))
        return body + String(creditCode(body))
    }
}

/// Hand-written bodies: area code, birth date, sequence. Valid provinces, real dates from 1900 on.
let residentIDBodies = [
    "11010119800101001", "12010219751215002", "13010419900228013", "14010519880808024",
    "15010219661111035", "21010219591001046", "22010419930615057", "23010219720420068",
    "31010119850315079", "32010219950905081", "33010619781030092", "34010319621212103",
    "35010219990101114", "36010220000229125", "37010219830716136", "41010519960229147",
    "42010619700101158", "43010219901231169", "44030519870520171", "45010219610808182",
    "46010619980303193", "50010319920930204", "51010719860214215", "52010219770707226",
    "53010219690101237", "54010219930505248", "61010319810808259", "62010219740909261",
    "63010219560606272", "64010419910101283", "65010219841224294", "81000019900101305",
    "71000019800101316", "11010119000101327",
]

/// Every valid resident ID used below: the GB 11643 example and the bodies with their checks.
let validResidentIDs = ["11010519491231002X"] + residentIDBodies.map { $0 + String(ReferenceCheck.residentID($0)) }

/// Published credit codes (checks verified by ReferenceCheck in the tests, not assumed).
let publishedCreditCodes = [
    "91350100M000100Y43", // GB 32100's worked example
    "914403001922038216", // 华为技术有限公司
    "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
    "91330100716105852F", // 阿里巴巴（中国）有限公司
    "91110108551385082Q", // 北京小米科技有限责任公司
    "91440300708461136T",
    "91310000607216596U",
    "91110000802100433B",
]

/// Hand-written credit-code pieces: authority + category + area, and an organisation-code body.
let creditCodePieces: [(String, String)] = [
    ("91110105", "MA01ABCD"), ("92320102", "MA1MXT4L"), ("93440300", "MA5EUY7R"), ("11100000", "00001303"),
    ("12110000", "40000583"), ("31110000", "E0001234"), ("51110000", "50000123"), ("52310000", "MA1K3C4B"),
    ("53100000", "50000123"), ("71440300", "MA5G1234"), ("81320500", "MA1N8K2P"), ("N2330102", "MA2AXY9W"),
    ("Y1310000", "MA1FL2WQ"), ("A1110000", "MA00000T"), ("21110000", "MA01K7EJ"), ("41110000", "J1234567"),
    ("61110000", "MA01R8UU"), ("59650100", "MA77LF3J"), ("91540000", "MA6T1234"), ("91640100", "22788045"),
    ("91230100", "MA1BQ9XN"), ("92500000", "L1234567"), ("33460100", "MA5T7Y8K"),
]

let validCreditCodes = publishedCreditCodes
    + creditCodePieces.map { ReferenceCheck.makeCreditCode(prefix: $0.0, organizationBody: $0.1) }

/// Every string that differs from `text` in exactly one position, over `alphabet`.
func singleCharacterMutations(of text: String, alphabet: [Character]) -> [(position: Int, mutant: String)] {
    var characters = Array(text)
    var mutations: [(Int, String)] = []
    for position in characters.indices {
        let original = characters[position]
        for replacement in alphabet where replacement != original {
            characters[position] = replacement
            mutations.append((position + 1, String(characters)))
        }
        characters[position] = original
    }
    return mutations
}

@Suite("Resident ID numbers (GB 11643)")
struct ResidentIDNumberTests {
    @Test("the GB 11643 example 11010519491231002X: check X by the reference, born 1949-12-31, female")
    func standardExample() throws {
        #expect(ReferenceCheck.residentID("11010519491231002") == "X")
        let number = try ResidentIDNumber("11010519491231002X")
        #expect(number.birthDate == (try CalendarDate(year: 1949, month: 12, day: 31)))
        #expect(number.sex == .female)
        #expect(number.areaCode == "110105")
        #expect(number.provinceCode == 11)
        #expect(number.description == "11010519491231002X")
    }

    @Test("the standard's other example 440524188001010014 has a right check but a birth year before 1900")
    func standardExampleBefore1900() {
        #expect(ReferenceCheck.residentID("44052418800101001") == "4")
        #expect(throws: ResidentIDNumberError.birthYearTooEarly(text: "440524188001010014", year: 1880)) {
            try ResidentIDNumber("440524188001010014")
        }
    }

    @Test("R-B6: hand-written bodies with reference check characters are accepted", arguments: validResidentIDs)
    func valid(text: String) throws {
        let number = try ResidentIDNumber(text)
        #expect(number.text == text)
        #expect(ResidentIDNumber.checkCharacter(forFirst17: String(text.prefix(17))) == text.last)
    }

    @Test("R-B6: changing any one character of a valid number is refused", arguments: validResidentIDs)
    func everySingleMutationRefused(text: String) {
        let alphabet = Array("0123456789X")
        let mutations = singleCharacterMutations(of: text, alphabet: alphabet)
        #expect(mutations.count == 18 * 10)
        for (position, mutant) in mutations {
            #expect(throws: ResidentIDNumberError.self, "position \(position): \(mutant)") { try ResidentIDNumber(mutant) }
        }
    }

    @Test("R-L6: birth date and sex come from characters 7-14 and 17", arguments: [
        ("11010119800101001", 1980, 1, 1, Sex.male),
        ("12010219751215002", 1975, 12, 15, Sex.female),
        ("36010220000229125", 2000, 2, 29, Sex.male),
        ("44030519870520171", 1987, 5, 20, Sex.male),
        ("11010119000101327", 1900, 1, 1, Sex.male),
        ("50010319920930204", 1992, 9, 30, Sex.female),
    ])
    func derivedFacts(body: String, year: Int, month: Int, day: Int, sex: Sex) throws {
        let number = try ResidentIDNumber(body + String(ReferenceCheck.residentID(body)))
        #expect(number.birthDate == (try CalendarDate(year: year, month: month, day: day)))
        #expect(number.sex == sex)
    }

    @Test("R-L6: age counts whole years; nil before birth")
    func age() throws {
        let number = try ResidentIDNumber(validResidentIDs[1]) // born 1980-01-01
        #expect(number.age(on: try CalendarDate("2026-01-01")) == 46)
        #expect(number.age(on: try CalendarDate("2025-12-31")) == 45)
        #expect(number.age(on: try CalendarDate("1980-01-01")) == 0)
        #expect(number.age(on: try CalendarDate("1979-12-31")) == nil)
        let december = try ResidentIDNumber("11010519491231002X")
        #expect(december.age(on: try CalendarDate("2026-12-30")) == 76)
        #expect(december.age(on: try CalendarDate("2026-12-31")) == 77)
    }

    @Test("29 February: a birth in a leap year is valid and ages on 1 March in common years")
    func leapDayBirth() throws {
        let number = try ResidentIDNumber("36010220000229" + "125" + String(ReferenceCheck.residentID("36010220000229125")))
        #expect(number.age(on: try CalendarDate("2001-02-28")) == 0)
        #expect(number.age(on: try CalendarDate("2001-03-01")) == 1)
        #expect(number.age(on: try CalendarDate("2004-02-29")) == 4)
        #expect(number.age(on: try CalendarDate("2018-02-28")) == 17) // R-L4: still a minor that day
        #expect(number.age(on: try CalendarDate("2018-03-01")) == 18)
    }

    @Test("29 February in a common year (2001, 1900) is refused even with a right check character",
          arguments: ["36010220010229125", "11010119000229327", "11010119990230001", "11010119991301001", "11010119990100001"])
    func impossibleBirthDates(body: String) {
        let text = body + String(ReferenceCheck.residentID(body))
        let digits = String(Array(body)[6..<14])
        #expect(throws: ResidentIDNumberError.invalidBirthDate(text: text, digits: digits)) { try ResidentIDNumber(text) }
    }

    @Test("a birth date after the reference date is refused only when one is given")
    func futureBirthDate() throws {
        let body = "11010120300101001"
        let text = body + String(ReferenceCheck.residentID(body))
        let today = try CalendarDate("2026-06-01")
        #expect(throws: ResidentIDNumberError.birthDateInFuture(text: text, birthDate: try CalendarDate("2030-01-01"), today: today)) {
            try ResidentIDNumber(text, asOf: today)
        }
        #expect(try ResidentIDNumber(text).birthDate.year == 2030)
        #expect(try ResidentIDNumber(validResidentIDs[0], asOf: today).sex == .female)
    }

    @Test("unknown province codes are refused", arguments: ["00", "10", "16", "24", "30", "47", "55", "66", "70", "80", "84", "99"])
    func unknownProvince(code: String) {
        let body = code + "010119800101001"
        let text = body + String(ReferenceCheck.residentID(body))
        #expect(throws: ResidentIDNumberError.unknownProvince(text: text, code: code)) { try ResidentIDNumber(text) }
    }

    @Test("a lower-case x check character is refused, not upper-cased")
    func lowercaseX() {
        #expect(throws: ResidentIDNumberError.lowercaseCheckCharacter("11010519491231002x")) {
            try ResidentIDNumber("11010519491231002x")
        }
    }

    @Test("length, characters and full-width digits are refused with their position")
    func shapes() {
        #expect(throws: ResidentIDNumberError.wrongLength(text: "11010519491231002", count: 17)) { try ResidentIDNumber("11010519491231002") }
        #expect(throws: ResidentIDNumberError.wrongLength(text: "", count: 0)) { try ResidentIDNumber("") }
        #expect(throws: ResidentIDNumberError.invalidCharacter(text: "1101051949123100X2", position: 17, character: "X")) {
            try ResidentIDNumber("1101051949123100X2")
        }
        #expect(throws: ResidentIDNumberError.invalidCharacter(text: "１1010519491231002X", position: 1, character: "１")) {
            try ResidentIDNumber("１1010519491231002X")
        }
        #expect(throws: ResidentIDNumberError.self) { try ResidentIDNumber(" 11010519491231002X") }
    }

    @Test("a 15-digit number is refused by the normal initialiser and converted by init(legacy15:)")
    func legacyFifteen() throws {
        #expect(throws: ResidentIDNumberError.legacyFifteenDigits("110105491231002")) { try ResidentIDNumber("110105491231002") }
        #expect(try ResidentIDNumber(legacy15: "110105491231002").text == "11010519491231002X")
        let converted = try ResidentIDNumber(legacy15: "440301851030123")
        #expect(converted.text == "44030119851030123" + String(ReferenceCheck.residentID("44030119851030123")))
        #expect(converted.sex == .male)
        #expect(throws: ResidentIDNumberError.invalidBirthDate(text: "110105490229002", digits: "19490229")) {
            try ResidentIDNumber(legacy15: "110105490229002")
        }
        #expect(throws: ResidentIDNumberError.wrongLength(text: "11010519491231002X", count: 18)) {
            try ResidentIDNumber(legacy15: "11010519491231002X")
        }
    }

    @Test("JSON is one string; decoding checks the number and says why it failed")
    func json() throws {
        let number = try ResidentIDNumber("11010519491231002X")
        let data = try JSONEncoder().encode(number)
        #expect(String(decoding: data, as: UTF8.self) == "\"11010519491231002X\"")
        #expect(try JSONDecoder().decode(ResidentIDNumber.self, from: data) == number)
        do {
            _ = try JSONDecoder().decode(ResidentIDNumber.self, from: Data("\"110105194912310021\"".utf8))
            Issue.record("a wrong check character was decoded")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("check character is X"))
        }
    }
}

@Suite("Unified social credit codes (GB 32100)")
struct UnifiedSocialCreditCodeTests {
    @Test("published codes pass the reference checks and are accepted", arguments: publishedCreditCodes)
    func published(text: String) throws {
        let characters = Array(text)
        #expect(ReferenceCheck.creditCode(String(characters[0..<17])) == characters[17])
        #expect(ReferenceCheck.organizationCode(String(characters[8..<16])) == characters[16])
        let code = try UnifiedSocialCreditCode(text)
        #expect(code.description == text)
    }

    @Test("the parts of 91350100M000100Y43")
    func parts() throws {
        let code = try UnifiedSocialCreditCode("91350100M000100Y43")
        #expect(code.registrationAuthority == .marketRegulation)
        #expect(code.organizationCategory == "1")
        #expect(code.areaCode == "350100")
        #expect(code.organizationCode == (try OrganizationCode("M000100Y-4")))
        #expect(code.organizationCode.description == "M000100Y-4")
    }

    @Test("hand-written codes with reference checks are accepted", arguments: validCreditCodes)
    func valid(text: String) throws {
        #expect(try UnifiedSocialCreditCode(text).text == text)
        #expect(UnifiedSocialCreditCode.checkCharacter(forFirst17: String(text.prefix(17))) == text.last)
    }

    @Test("R-B6: changing any one character of a valid code is refused", arguments: validCreditCodes)
    func everySingleMutationRefused(text: String) {
        let alphabet = ReferenceCheck.creditCodeAlphabet
        let mutations = singleCharacterMutations(of: text, alphabet: alphabet)
        #expect(mutations.count == 18 * 30)
        for (position, mutant) in mutations {
            #expect(throws: UnifiedSocialCreditCodeError.self, "position \(position): \(mutant)") {
                try UnifiedSocialCreditCode(mutant)
            }
        }
    }

    @Test("the letters I, O, Z, S and V are refused at every position", arguments: ["I", "O", "Z", "S", "V"])
    func excludedLetters(letter: Character) {
        let text = "91350100M000100Y43"
        for position in 1...18 {
            var characters = Array(text)
            characters[position - 1] = letter
            let mutant = String(characters)
            #expect(throws: UnifiedSocialCreditCodeError.excludedLetter(text: mutant, position: position, character: String(letter))) {
                try UnifiedSocialCreditCode(mutant)
            }
        }
    }

    @Test("lower-case letters are refused, not upper-cased")
    func lowercase() {
        #expect(throws: UnifiedSocialCreditCodeError.lowercaseLetter(text: "91350100m000100Y43", position: 9, character: "m")) {
            try UnifiedSocialCreditCode("91350100m000100Y43")
        }
    }

    @Test("authority, category, area and the embedded organisation code are each checked")
    func structure() {
        let unknownAuthority = ReferenceCheck.makeCreditCode(prefix: "B1350100", organizationBody: "M000100Y")
        #expect(throws: UnifiedSocialCreditCodeError.unknownRegistrationAuthority(text: unknownAuthority, character: "B")) {
            try UnifiedSocialCreditCode(unknownAuthority)
        }
        let wrongCategory = ReferenceCheck.makeCreditCode(prefix: "94350100", organizationBody: "M000100Y")
        #expect(throws: UnifiedSocialCreditCodeError.unknownOrganizationCategory(text: wrongCategory, authority: "9", category: "4")) {
            try UnifiedSocialCreditCode(wrongCategory)
        }
        let badArea = ReferenceCheck.makeCreditCode(prefix: "91990100", organizationBody: "M000100Y")
        #expect(throws: UnifiedSocialCreditCodeError.invalidAreaCode(text: badArea, area: "990100")) {
            try UnifiedSocialCreditCode(badArea)
        }
        let letterArea = ReferenceCheck.makeCreditCode(prefix: "9135A100", organizationBody: "M000100Y")
        #expect(throws: UnifiedSocialCreditCodeError.invalidAreaCode(text: letterArea, area: "35A100")) {
            try UnifiedSocialCreditCode(letterArea)
        }
        // A right MOD 31 check over a wrong organisation-code check (5 instead of 4).
        let body = "91350100M000100Y5"
        let badOrganization = body + String(ReferenceCheck.creditCode(body))
        #expect(throws: UnifiedSocialCreditCodeError.self) { try UnifiedSocialCreditCode(badOrganization) }
        do {
            _ = try UnifiedSocialCreditCode(badOrganization)
        } catch {
            guard case .organizationCode(_, .checkCharacterMismatch(_, let expected, let found)) = error else {
                Issue.record("expected the organisation code's check to fail, got \(error)")
                return
            }
            #expect(expected == "4" && found == "5")
        }
    }

    @Test("length is checked before anything else")
    func length() {
        #expect(throws: UnifiedSocialCreditCodeError.wrongLength(text: "91350100M000100Y4", count: 17)) {
            try UnifiedSocialCreditCode("91350100M000100Y4")
        }
    }

    @Test("JSON is one string; decoding validates")
    func json() throws {
        let code = try UnifiedSocialCreditCode("914403001922038216")
        let data = try JSONEncoder().encode(code)
        #expect(String(decoding: data, as: UTF8.self) == "\"914403001922038216\"")
        #expect(try JSONDecoder().decode(UnifiedSocialCreditCode.self, from: data) == code)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(UnifiedSocialCreditCode.self, from: Data("\"914403001922038217\"".utf8))
        }
    }
}

@Suite("Organisation codes (GB 11714)")
struct OrganizationCodeTests {
    /// Organisation codes embedded in the published credit codes.
    static let published = publishedCreditCodes.map { String(Array($0)[8..<17]) }

    @Test("codes embedded in published credit codes: both forms accepted, one printed form", arguments: published)
    func bothForms(compact: String) throws {
        let hyphenated = String(compact.prefix(8)) + "-" + String(compact.suffix(1))
        let fromCompact = try OrganizationCode(compact)
        let fromHyphenated = try OrganizationCode(hyphenated)
        #expect(fromCompact == fromHyphenated)
        #expect(fromCompact.description == hyphenated)
        #expect(fromCompact.compact == compact)
        #expect(OrganizationCode.checkCharacter(forBody: String(compact.prefix(8))) == compact.last)
    }

    @Test("a check value of 10 is written X, of 11 is written 0")
    func checkSymbols() throws {
        #expect(ReferenceCheck.organizationCode("71526726") == "X")
        #expect(try OrganizationCode("71526726-X").compact == "71526726X")
        // 00000000 sums to 0: check value 11 - 0 = 11, written 0.
        #expect(try OrganizationCode("00000000-0").description == "00000000-0")
        #expect(throws: OrganizationCodeError.checkCharacterMismatch(text: "71526726-1", expected: "X", found: "1")) {
            try OrganizationCode("71526726-1")
        }
    }

    @Test("changing any digit of the body to another digit is refused", arguments: published)
    func digitMutations(compact: String) {
        let mutations = singleCharacterMutations(of: compact, alphabet: Array("0123456789"))
        for (position, mutant) in mutations where Array(compact)[position - 1].isNumber {
            #expect(throws: OrganizationCodeError.self, "position \(position)") { try OrganizationCode(mutant) }
        }
    }

    @Test("MOD 11 cannot see a digit replaced by the letter 11 values away (0 ↔ B): the standard's known blind spot")
    func moduloElevenBlindSpot() throws {
        // B = 11 ≡ 0 (mod 11): the check stays right, as GB 11714 defines it.
        #expect(try OrganizationCode("B0000000-0").compact == "B00000000")
    }

    @Test("shapes and letters are refused with a reason")
    func refusals() {
        #expect(throws: OrganizationCodeError.malformed(
            text: "7152672-6X", reason: "a 10-character code must have a hyphen before the check character")) {
            try OrganizationCode("7152672-6X")
        }
        #expect(throws: OrganizationCodeError.wrongLength(text: "71526726", count: 8)) { try OrganizationCode("71526726") }
        #expect(throws: OrganizationCodeError.lowercaseLetter(text: "71526726-x", character: "x")) { try OrganizationCode("71526726-x") }
        #expect(throws: OrganizationCodeError.lowercaseLetter(text: "m000100Y-4", character: "m")) { try OrganizationCode("m000100Y-4") }
        #expect(throws: OrganizationCodeError.invalidCharacter(text: "M000100Y-A", position: 9, character: "A")) {
            try OrganizationCode("M000100Y-A")
        }
        #expect(throws: OrganizationCodeError.self) { try OrganizationCode("M000100Y-４") }
    }

    @Test("JSON is the hyphenated form; the compact form decodes too")
    func json() throws {
        let code = try OrganizationCode("192203821")
        let data = try JSONEncoder().encode(code)
        #expect(String(decoding: data, as: UTF8.self) == "\"19220382-1\"")
        #expect(try JSONDecoder().decode(OrganizationCode.self, from: Data("\"192203821\"".utf8)) == code)
    }
}

@Suite("Identity documents")
struct IdentityDocumentTests {
    @Test("every kind round-trips through {\"type\", \"number\"} JSON (R-B7)", arguments: [
        ("residentID", "11010519491231002X"),
        ("unifiedSocialCreditCode", "91350100M000100Y43"),
        ("organizationCode", "M000100Y-4"),
        ("passport", "E12345678"),
        ("hongKongMacauPermit", "H12345678"),
        ("hongKongMacauPermit", "M1234567890"),
        ("taiwanPermit", "12345678"),
        ("taiwanPermit", "1234567801"),
        ("foreignPermanentResidenceCard", "USA110078092301"),
        ("foreignPermanentResidenceCard", "91100019850101001X"),
        ("other", "JUN-2019-001"),
    ])
    func roundTrip(type: String, number: String) throws {
        let json = Data("{\"type\":\"\(type)\",\"number\":\"\(number)\"}".utf8)
        let document = try JSONDecoder().decode(IdentityDocument.self, from: json)
        #expect(document.kind.rawValue == type)
        #expect(document.number == number)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(document), as: UTF8.self) == "{\"number\":\"\(number)\",\"type\":\"\(type)\"}")
    }

    @Test("numbers that break their kind's shape are refused", arguments: [
        (IdentityDocumentKind.passport, "E123"), (.passport, "e12345678"), (.passport, "E1234567890123456789X"),
        (.passport, "E 12345678"), (.hongKongMacauPermit, "C12345678"), (.hongKongMacauPermit, "H123456789"),
        (.taiwanPermit, "1234567"), (.taiwanPermit, "A234567890"), (.foreignPermanentResidenceCard, "US1110078092301"),
        (.foreignPermanentResidenceCard, "81100019850101001X"), (.other, ""), (.other, "军字第123号"),
        (.other, String(repeating: "A", count: 33)),
    ])
    func plainNumberShapes(kind: IdentityDocumentKind, number: String) {
        #expect(throws: IdentityDocumentError.self) { try IdentityDocument(kind: kind, number: number) }
    }

    @Test("numbers with a check are checked by their own type, and the error says which")
    func checkedKinds() throws {
        #expect(throws: IdentityDocumentError.residentID(.lowercaseCheckCharacter("11010519491231002x"))) {
            try IdentityDocument(kind: .residentID, number: "11010519491231002x")
        }
        #expect(throws: IdentityDocumentError.organizationCode(.wrongLength(text: "M000100Y", count: 8))) {
            try IdentityDocument(kind: .organizationCode, number: "M000100Y")
        }
        let document = try IdentityDocument(kind: .unifiedSocialCreditCode, number: "91350100M000100Y43")
        #expect(document.identifiesOrganization)
        #expect(!(try IdentityDocument(kind: .residentID, number: "11010519491231002X")).identifiesOrganization)
        #expect(IdentityDocumentKind.residentID.hasCheckCharacter && !IdentityDocumentKind.passport.hasCheckCharacter)
    }

    @Test("an unknown type or a bad number fails decoding with the reason")
    func decodingErrors() {
        do {
            _ = try JSONDecoder().decode(IdentityDocument.self, from: Data("{\"type\":\"driverLicence\",\"number\":\"1\"}".utf8))
            Issue.record("an unknown type was decoded")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("unknown identity document type \"driverLicence\""))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(IdentityDocument.self, from: Data("{\"type\":\"residentID\",\"number\":\"110105194912310021\"}".utf8))
        }
    }
}

@Suite("Party names")
struct PartyNameTests {
    @Test("a decomposed é equals the composed one (NFC)")
    func nfc() throws {
        let decomposed = try PartyName("Jose\u{301} Garci\u{301}a")
        let composed = try PartyName("Jos\u{E9} Garc\u{ED}a")
        #expect(decomposed == composed)
        #expect(decomposed.text.unicodeScalars.count == 11)
        #expect(decomposed.text == "José García")
    }

    @Test("white space is trimmed at both ends and collapsed inside, ideographic space included")
    func whiteSpace() throws {
        #expect(try PartyName("  张三  ").text == "张三")
        #expect(try PartyName("\u{3000}北京某某科技有限公司\u{3000}").text == "北京某某科技有限公司")
        #expect(try PartyName("John   \u{A0}Smith").text == "John Smith")
        #expect(try PartyName("阿依古丽·买买提").text == "阿依古丽·买买提")
    }

    @Test("empty and over-long names are refused; 100 characters is the limit")
    func length() throws {
        #expect(throws: PartyNameError.empty) { try PartyName("   ") }
        #expect(throws: PartyNameError.empty) { try PartyName("") }
        #expect(try PartyName(String(repeating: "张", count: 100)).text.count == 100)
        #expect(throws: PartyNameError.tooLong(length: 101, maximum: 100)) { try PartyName(String(repeating: "张", count: 101)) }
        #expect(throws: PartyNameError.self) { try PartyName(String(repeating: "a", count: 5_000)) }
    }

    @Test("control, format and private-use characters are refused, named by code point", arguments: [
        ("张\u{0}三", "U+0000"), ("张\t三", "U+0009"), ("张三\n", "U+000A"), ("张\u{200B}三", "U+200B"),
        ("\u{202E}张三", "U+202E"), ("张\u{E000}三", "U+E000"), ("张\u{7F}三", "U+007F"), ("张\u{2028}三", "U+2028"),
    ])
    func forbidden(raw: String, scalar: String) {
        #expect(throws: PartyNameError.forbiddenCharacter(name: raw, scalar: scalar)) { try PartyName(raw) }
    }

    @Test("decoding normalises, encoding writes the normal form")
    func json() throws {
        let name = try JSONDecoder().decode(PartyName.self, from: Data("\" Jose\\u0301  Li \"".utf8))
        #expect(name.text == "José Li")
        #expect(String(decoding: try JSONEncoder().encode(name), as: UTF8.self) == "\"José Li\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PartyName.self, from: Data("\"\\u0000\"".utf8)) }
    }
}
