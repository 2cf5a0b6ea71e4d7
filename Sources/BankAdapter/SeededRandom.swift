/// A small, fast, seedable generator (SplitMix64): one seed replays a simulation exactly.
///
/// Not for secrets. Used for synthetic data and for deterministic per-instruction draws
/// (latency, transient failures) that must not depend on the order in which tasks run.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeededRandom.mix(state)
    }

    /// A value in `0..<bound` (bound > 0), by multiply-shift (Lemire), without modulo bias worth
    /// caring about for simulation.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "the bound must be positive")
        return next().multipliedFullWidth(by: bound).high
    }

    /// A value in `range` (not empty).
    public mutating func next(in range: ClosedRange<Int>) -> Int {
        precondition(range.lowerBound >= 0 || range.upperBound < Int.max / 2, "range too wide")
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next(below: width))
    }

    /// SplitMix64's finaliser: a bijective mix of 64 bits, also used to hash a key with a seed.
    public static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A stable 64-bit hash of UTF-8 text with a seed (FNV-1a, then mixed). Swift's `Hasher` is
    /// seeded per process, so it cannot be used where runs must replay.
    public static func hash(_ text: String, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return mix(hash)
    }
}
