import Foundation
import HubProtocol
import Testing

@Suite("Case numbers")
struct CaseNumberTests {
    @Test("the issue's example parses into its parts and prints back exactly")
    func example() throws {
        let number = try CaseNumber("(2026)京0105执1234号")
        #expect(number.year == 2026)
        #expect(number.court == (try CourtCode("京0105")))
        #expect(number.type == .enforcement)
        #expect(number.sequence == 1234)
        #expect(number.parentheses == .ascii)
        #expect(number.description == "(2026)京0105执1234号")
        #expect(number.canonical == "（2026）京0105执1234号")
    }

    @Test("every case type round-trips in both parenthesis styles", arguments: CaseType.allCases)
    func everyType(type: CaseType) throws {
        for text in ["（2026）京0105\(type.marker)1234号", "(2019)最高法\(type.marker)7号", "（1949）兵01\(type.marker)9999999号"] {
            let number = try CaseNumber(text)
            #expect(number.type == type)
            #expect(number.description == text)
            let data = try JSONEncoder().encode(number)
            let decoded = try JSONDecoder().decode(CaseNumber.self, from: data)
            #expect(decoded.description == text)
        }
    }

    @Test("each case type has its marker and an English name", arguments: [
        (CaseType.enforcement, "执", "enforcement"), (.preservationEnforcement, "执保", "preservation enforcement"),
        (.resumedEnforcement, "执恢", "resumed enforcement"), (.enforcementObjection, "执异", "enforcement objection"),
        (.enforcementReconsideration, "执复", "enforcement reconsideration"),
        (.enforcementSupervision, "执监", "enforcement supervision"),
        (.enforcementCoordination, "执协", "enforcement coordination"), (.otherEnforcement, "执他", "other enforcement"),
        (.distribution, "执配", "distribution"), (.propertyPreservationReview, "财保", "property preservation review"),
        (.bankruptcyApplicationReview, "破申", "bankruptcy application review"),
    ])
    func markers(type: CaseType, marker: String, englishName: String) {
        #expect(type.marker == marker)
        #expect(type.englishName == englishName)
        #expect(CaseType(rawValue: marker) == type)
    }

    @Test("courts at every level parse", arguments: [
        ("（2026）最高法执监12号", CourtLevel.supreme), ("（2026）京执复3号", .high), ("（2026）粤03执异45号", .intermediate),
        ("（2026）沪0115执恢678号", .basic),
    ])
    func courtLevels(text: String, level: CourtLevel) throws {
        let number = try CaseNumber(text)
        #expect(number.court.level == level)
        #expect(number.canonical == text)
    }

    @Test("the same case written with either parentheses is one case")
    func parenthesesDoNotSplitACase() throws {
        let ascii = try CaseNumber("(2026)京0105执1234号")
        let fullWidth = try CaseNumber("（2026）京0105执1234号")
        #expect(ascii == fullWidth)
        #expect(Set([ascii, fullWidth]).count == 1)
        #expect(ascii.description != fullWidth.description)
        let built = try CaseNumber(year: 2026, court: CourtCode("京0105"), type: .enforcement, sequence: 1234)
        #expect(built.description == "（2026）京0105执1234号")
        #expect(built == ascii)
    }

    @Test("years outside 1949…2100 are refused", arguments: [("（1948）京执1号", 1948), ("（2101）京执1号", 2101), ("（0000）京执1号", 0)])
    func badYear(text: String, year: Int) {
        #expect(throws: CaseNumberError.yearOutOfRange(year)) { try CaseNumber(text) }
    }

    @Test("unknown case types are refused and named", arguments: [("（2026）京0105民初1号", "民初"), ("（2026）京0105执执1号", "执执")])
    func unknownType(text: String, marker: String) {
        #expect(throws: CaseNumberError.unknownCaseType(text: text, marker: marker)) { try CaseNumber(text) }
    }

    @Test("a number without 号, or with anything after it, is refused")
    func terminator() {
        #expect(throws: CaseNumberError.missingTerminator("（2026）京0105执1234")) { try CaseNumber("（2026）京0105执1234") }
        #expect(throws: CaseNumberError.missingTerminator("（2026）京0105执1234 号")) { try CaseNumber("（2026）京0105执1234 号") }
        #expect(throws: CaseNumberError.self) { try CaseNumber("（2026）京0105执1234号之一") }
    }

    @Test("bad court codes are refused with the court's error")
    func badCourt() {
        #expect(throws: CaseNumberError.court(text: "（2026）京00执1号", .malformed(text: "京00", reason: "00 is no court number"))) {
            try CaseNumber("（2026）京00执1号")
        }
        #expect(throws: CaseNumberError.court(text: "（2026）X0105执1号", .unknownProvince(text: "X0105", shortName: "X"))) {
            try CaseNumber("（2026）X0105执1号")
        }
        #expect(throws: CaseNumberError.self) { try CaseNumber("（2026）京010执1号") }
    }

    @Test("malformed numbers are refused", arguments: [
        "", "2026京0105执1号", "（2026)京0105执1号", "(2026）京0105执1号", "（26）京0105执1号", "（２０２６）京0105执1号",
        "（2026）京0105执0号", "（2026）京0105执01号", "（2026）京0105执10000000号", "（2026）京0105执号", "（2026）京0105号",
        " （2026）京0105执1号", "（2026）京0105执１号",
    ])
    func malformed(text: String) {
        #expect(throws: CaseNumberError.self) { try CaseNumber(text) }
    }

    @Test("the pre-2016 form with 字第 (as in the seeds: （2014）执他字第22号) is refused as legacy")
    func legacy() {
        #expect(throws: CaseNumberError.legacyFormat("（2014）执他字第22号")) { try CaseNumber("（2014）执他字第22号") }
    }

    @Test("the sequence spans 1…9,999,999")
    func sequenceBounds() throws {
        #expect(try CaseNumber("（2026）京执1号").sequence == 1)
        #expect(try CaseNumber("（2026）京执9999999号").sequence == 9_999_999)
        #expect(throws: CaseNumberError.sequenceOutOfRange(0)) {
            try CaseNumber(year: 2026, court: .supreme, type: .enforcement, sequence: 0)
        }
    }
}
