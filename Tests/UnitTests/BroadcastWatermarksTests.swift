import QueryHub
import Testing

/// The banks' broadcast watermarks: the lowest says how far queries to every bank are complete.
@Suite("Broadcast watermarks")
struct BroadcastWatermarksTests {
    @Test("the lowest follows the slowest bank, whichever bank moves, and skips values no bank holds")
    func lowestFollowsTheSlowest() {
        var marks = BroadcastWatermarks()
        #expect(marks.lowest == nil)
        marks.insert("bank:ICBC", watermark: 0)
        marks.insert("bank:CCB", watermark: 0)
        marks.insert("bank:ABC", watermark: 2)
        #expect(marks.lowest == 0)
        marks.advance("bank:ICBC", to: 5)
        #expect(marks.lowest == 0)  // CCB still holds 0
        marks.advance("bank:CCB", to: 3)
        #expect(marks.lowest == 2)  // ABC at 2 is now the slowest
        marks.advance("bank:ABC", to: 7)
        #expect(marks.lowest == 3)
        marks.advance("bank:CCB", to: 9)
        #expect(marks.lowest == 5)
        #expect(marks.count == 3)
        #expect(marks.watermarks == ["bank:ICBC": 5, "bank:CCB": 9, "bank:ABC": 7])
    }

    @Test("a bank added twice keeps its first watermark; a later bank below the lowest lowers it; others are ignored")
    func membership() {
        var marks = BroadcastWatermarks()
        marks.insert("bank:ICBC", watermark: 4)
        marks.insert("bank:ICBC", watermark: 9)
        #expect(marks.watermarks["bank:ICBC"] == 4)
        marks.insert("bank:CCB", watermark: 1)
        #expect(marks.lowest == 1)
        marks.advance("police:MPS", to: 8)  // reads no broadcasts: nothing changes
        #expect(!marks.contains("police:MPS"))
        #expect(marks.lowest == 1)
        marks.advance("bank:CCB", to: 1)  // the same value: nothing changes
        #expect(marks.lowest == 1)
    }

    @Test("over many banks moving in a seeded random order, the lowest is always the minimum",
          arguments: [1, 7, 42] as [UInt64])
    func matchesTheMinimum(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var marks = BroadcastWatermarks()
        var expected: [String: Int64] = [:]
        for index in 0..<50 {
            let start = Int64.random(in: 0...20, using: &generator)
            marks.insert("bank:B\(index)", watermark: start)
            expected["bank:B\(index)"] = start
        }
        for _ in 0..<2_000 {
            let bank = "bank:B\(Int.random(in: 0..<50, using: &generator))"
            let next = expected[bank]! + Int64.random(in: 0...3, using: &generator)
            marks.advance(bank, to: next)
            expected[bank] = next
            #expect(marks.lowest == expected.values.min())
        }
    }
}
