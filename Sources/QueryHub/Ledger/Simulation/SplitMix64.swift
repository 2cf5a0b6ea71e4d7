/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, seeded generator. The same seed gives the
/// same sequence on every machine and every run, which is what a replayable simulation needs;
/// `SystemRandomNumberGenerator` cannot be seeded. Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's nearly divisionless method, exact).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// True with probability `percent` / 100.
    public mutating func chance(percent: Int) -> Bool {
        next(below: 100) < percent
    }

    /// A uniform integer in `range`.
    public mutating func next(in range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next(below: Int(range.upperBound - range.lowerBound + 1)))
    }
}
