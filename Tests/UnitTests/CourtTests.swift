import Foundation
import HubProtocol
import Testing

@Suite("Provinces and court codes")
struct CourtTests {
    /// Short names and GB/T 2260 codes, written out here from the published list.
    static let provinces: [(Province, Character, Int)] = [
        (.beijing, "京", 11), (.tianjin, "津", 12), (.hebei, "冀", 13), (.shanxi, "晋", 14), (.innerMongolia, "内", 15),
        (.liaoning, "辽", 21), (.jilin, "吉", 22), (.heilongjiang, "黑", 23), (.shanghai, "沪", 31), (.jiangsu, "苏", 32),
        (.zhejiang, "浙", 33), (.anhui, "皖", 34), (.fujian, "闽", 35), (.jiangxi, "赣", 36), (.shandong, "鲁", 37),
        (.henan, "豫", 41), (.hubei, "鄂", 42), (.hunan, "湘", 43), (.guangdong, "粤", 44), (.guangxi, "桂", 45),
        (.hainan, "琼", 46), (.chongqing, "渝", 50), (.sichuan, "川", 51), (.guizhou, "黔", 52), (.yunnan, "云", 53),
        (.tibet, "藏", 54), (.shaanxi, "陕", 61), (.gansu, "甘", 62), (.qinghai, "青", 63), (.ningxia, "宁", 64),
        (.xinjiang, "新", 65), (.xinjiangProductionAndConstructionCorps, "兵", 66),
    ]

    @Test("every province: short name, code, and lookup both ways", arguments: provinces)
    func province(province: Province, shortName: Character, code: Int) throws {
        #expect(province.shortName == shortName)
        #expect(province.administrativeCode == code)
        #expect(Province(shortName: shortName) == province)
        #expect(Province(administrativeCode: code) == province)
        let high = try CourtCode(String(shortName))
        #expect(high.province == province && high.level == .high && high.parent == .supreme)
    }

    @Test("31 mainland divisions and the XPCC, with distinct short names and codes")
    func completeness() {
        #expect(Province.allCases.count == 32)
        #expect(Set(Province.allCases.map(\.shortName)).count == 32)
        #expect(Set(Province.allCases.map(\.administrativeCode)).count == 32)
        #expect(Province(shortName: "贵") == nil) // Guizhou's courts write 黔
        #expect(Province(shortName: "军") == nil)
    }

    @Test("levels and parents: basic → intermediate → high → supreme", arguments: [
        ("京0105", CourtLevel.basic, "京01"), ("沪0115", .basic, "沪01"), ("兵0101", .basic, "兵01"),
        ("京7101", .basic, "京71"), ("粤03", .intermediate, "粤"), ("京73", .intermediate, "京"),
        ("新", .high, "最高法"), ("兵", .high, "最高法"),
    ])
    func levels(text: String, level: CourtLevel, parent: String) throws {
        let code = try CourtCode(text)
        #expect(code.level == level)
        #expect(code.description == text)
        #expect(code.parent == (try CourtCode(parent)))
        #expect(code.parent?.description == parent)
        #expect(code.isWithin(try CourtCode(parent)) && code.isWithin(.supreme))
    }

    @Test("the Supreme People's Court: 最高法, no province, no parent")
    func supreme() throws {
        let code = try CourtCode("最高法")
        #expect(code == .supreme && code.level == .supreme && code.parent == nil && code.province == nil)
        #expect(code.highCourt == nil)
        #expect(try CourtCode("京0105").highCourt == (try CourtCode("京")))
        #expect(!(try CourtCode("京0105")).isWithin(try CourtCode("沪")))
        #expect(!(try CourtCode("京01")).isWithin(try CourtCode("京0105")))
        #expect(CourtLevel.supreme < .high && CourtLevel.high < .intermediate && CourtLevel.intermediate < .basic)
    }

    @Test("factories build the same codes as parsing")
    func factories() throws {
        #expect(try CourtCode.basic(.beijing, intermediateNumber: 1, basicNumber: 5) == (try CourtCode("京0105")))
        #expect(try CourtCode.intermediate(.guangdong, number: 3).description == "粤03")
        #expect(throws: CourtCodeError.numberOutOfRange(0)) { try CourtCode.intermediate(.beijing, number: 0) }
        #expect(throws: CourtCodeError.numberOutOfRange(100)) { try CourtCode.basic(.beijing, intermediateNumber: 1, basicNumber: 100) }
    }

    @Test("malformed court codes are refused", arguments: [
        "", "最高", "最高法院", "X01", "贵01", "京1", "京010", "京01050", "京00", "京0100", "京0001", "京０１", "京 01",
        "01", "京A1", "高京",
    ])
    func refused(text: String) {
        #expect(throws: CourtCodeError.self) { try CourtCode(text) }
    }

    @Test("an unknown short name is named in the error")
    func unknownShortName() {
        #expect(throws: CourtCodeError.unknownProvince(text: "贵01", shortName: "贵")) { try CourtCode("贵01") }
    }

    @Test("JSON: a court code is its text, a province its English name")
    func json() throws {
        let code = try CourtCode("京0105")
        #expect(String(decoding: try JSONEncoder().encode(code), as: UTF8.self) == "\"京0105\"")
        #expect(try JSONDecoder().decode(CourtCode.self, from: Data("\"最高法\"".utf8)) == .supreme)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CourtCode.self, from: Data("\"京00\"".utf8)) }
        #expect(String(decoding: try JSONEncoder().encode(Province.innerMongolia), as: UTF8.self) == "\"innerMongolia\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Province.self, from: Data("\"atlantis\"".utf8)) }
    }
}
