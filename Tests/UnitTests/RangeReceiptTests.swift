import Foundation
import HubProtocol
import Testing

/// `bank.noAccountFoundRange`: one bank's "no account found" (R-B8) for a run of queries to every
/// bank (R-B7), decoded strictly.
@Suite("Range receipts")
struct RangeReceiptTests {
    static let fixture = WireFixtures.rangeReceipts.first { $0.kind == "bank.noAccountFoundRange" }!.json

    @Test("every range kind has a fixture")
    func everyKindCovered() {
        #expect(Set(WireFixtures.rangeReceipts.map(\.kind)) == Set(RangeReceiptKind.allRawValues))
    }

    @Test("R-B8: the range decodes, validates and round-trips through its canonical bytes")
    func roundTrip() throws {
        let range = try StrictJSONDecoder().decode(BankNoAccountFoundRange.self, from: Array(Self.fixture.utf8))
        #expect(range.kind == .bankNoAccountFoundRange)
        #expect(range.sequences == 118...120)
        #expect(range.instructions.map(\.instructionId.description) == ["BJ0105-2026-000118", "SH0101-2026-000042", "BJ0105-2026-000120"])
        #expect(range.instructions[1].court == (try CourtCode("沪0101")))
        let canonical = try CanonicalJSON.encode(range)
        #expect(try StrictJSONDecoder().decode(BankNoAccountFoundRange.self, from: canonical) == range)
        #expect(try CanonicalJSON.canonicalize(Array(Self.fixture.utf8)) == canonical)
    }

    @Test("every field is required", arguments: ["kind", "responder", "respondedAt", "firstItemId", "lastItemId", "instructions"])
    func requiredFields(field: String) throws {
        let tree = try parsed(Self.fixture).replacing([.key(field)], with: nil)
        #expect(refusal(BankNoAccountFoundRange.self, tree) == WireError(path: "$.\(field)", reason: .missingField))
    }

    @Test("an unknown field is refused, also inside an instruction")
    func unknownFields() throws {
        let top = try parsed(Self.fixture).replacing(["note"], with: .string("x"))
        #expect(refusal(BankNoAccountFoundRange.self, top) == WireError(path: "$.note", reason: .unknownField))
        let inner = try parsed(Self.fixture).replacing(["instructions", 1, "item"], with: .string("B119"))
        #expect(refusal(BankNoAccountFoundRange.self, inner) == WireError(path: "$.instructions[1].item", reason: .unknownField))
    }

    @Test("a per-item receipt's kind is not a range's")
    func otherKind() throws {
        let tree = try parsed(Self.fixture).replacing(["kind"], with: .string("bank.noAccountFound"))
        #expect(refusal(BankNoAccountFoundRange.self, tree)?.path == "$.kind")
    }

    @Test("R-B7: item ids must be broadcast items: a directed item, a zero, a sign or a leading zero is refused",
          arguments: ["D7", "B0", "B-3", "B012", "B", "b12", "B12x"])
    func itemIDs(itemID: String) throws {
        let first = try parsed(Self.fixture).replacing(["firstItemId"], with: .string(itemID))
        #expect(refusal(BankNoAccountFoundRange.self, first)?.path == "$.firstItemId")
        let last = try parsed(Self.fixture).replacing(["lastItemId"], with: .string(itemID))
        #expect(refusal(BankNoAccountFoundRange.self, last)?.path == "$.lastItemId")
    }

    @Test("a range ends at or after its start, and lists exactly one instruction per item")
    func shape() throws {
        let backwards = try parsed(Self.fixture).replacing(["lastItemId"], with: .string("B117"))
        #expect(refusal(BankNoAccountFoundRange.self, backwards)?.path == "$.lastItemId")
        let longer = try parsed(Self.fixture).replacing(["lastItemId"], with: .string("B121"))
        let error = refusal(BankNoAccountFoundRange.self, longer)
        #expect(error?.path == "$.instructions")
        #expect(error?.description.contains("4 items; 3 instructions") == true)
        let shorter = try parsed(Self.fixture).replacing(["instructions", 2], with: nil)
        #expect(refusal(BankNoAccountFoundRange.self, shorter)?.path == "$.instructions")
    }

    @Test("the same instruction listed twice is refused at its second place")
    func duplicate() throws {
        let tree = try parsed(Self.fixture).replacing(
            ["instructions", 2], with: try parsed(#"{"court": "京0105", "instructionId": "BJ0105-2026-000118"}"#))
        #expect(refusal(BankNoAccountFoundRange.self, tree)?.path == "$.instructions[2]")
    }

    @Test("a range answers at most maximumInstructions items")
    func bound() throws {
        let count = BankNoAccountFoundRange.maximumInstructions
        let instructions = (1...(count + 1)).map { number in
            BankNoAccountFoundRange.CoveredInstruction(court: try! CourtCode("京0105"), instructionId: try! InstructionID("Q-\(number)"))
        }
        let fits = BankNoAccountFoundRange(
            responder: "C1030511000045", respondedAt: Timestamp(secondsSinceEpoch: 1_800_000_000), firstItemId: "B1",
            lastItemId: "B\(count)", instructions: Array(instructions.prefix(count)))
        #expect(throws: Never.self) { try fits.validate() }
        let over = BankNoAccountFoundRange(
            responder: "C1030511000045", respondedAt: Timestamp(secondsSinceEpoch: 1_800_000_000), firstItemId: "B1",
            lastItemId: "B\(count + 1)", instructions: instructions)
        #expect(throws: WireError.self) { try over.validate() }
        do {
            try over.validate()
        } catch {
            #expect(error.path == "$.lastItemId")
        }
    }
}
