import HubProtocol

/// Converting deducted foreign currency into CNY at the bank's buying rate (结汇, R-B17).
enum ExchangeConversion {
    /// Fraction digits a rate may have on the wire.
    static let rateFractionDigits = 8

    /// The rate as an integer count of 10^-8 CNY per unit.
    static func scaledRate(_ rate: ExchangeRate) -> Int64 {
        let parts = rate.text.split(separator: ".", maxSplits: 1)
        var scaled: Int64 = 0
        for byte in parts[0].utf8 { scaled = scaled * 10 + Int64(byte - UInt8(ascii: "0")) }
        let fraction = parts.count == 2 ? Array(parts[1].utf8) : []
        for position in 0..<rateFractionDigits {
            let digit = position < fraction.count ? Int64(fraction[position] - UInt8(ascii: "0")) : 0
            scaled = scaled * 10 + digit
        }
        // At most 6 integer and 8 fraction digits: below 10^14.
        assert(scaled > 0 && scaled < 100_000_000_000_000)
        return scaled
    }

    /// `amount` in CNY at `rate`, rounded half up to the fen; nil when the result is beyond the
    /// ledger's range.
    static func convert(_ amount: Money, rate: ExchangeRate) -> Money? {
        precondition(amount.minorUnits >= 0 && amount.currency != .cny, "converts a non-negative foreign amount")
        let cnyDigits = Currency.cny.minorUnitDigits
        var multiplier = scaledRate(rate)
        var divisor: Int64 = 1
        for _ in 0..<rateFractionDigits { divisor *= 10 }
        // Bring the source's minor units to fen: JPY has none, so ×100; a 3-digit currency ÷10.
        let shift = cnyDigits - amount.currency.minorUnitDigits
        for _ in 0..<max(0, shift) { multiplier *= 10 }
        for _ in 0..<max(0, -shift) { divisor *= 10 }
        let product = amount.minorUnits.multipliedFullWidth(by: multiplier)
        let rounded = product.low.addingReportingOverflow(UInt64(divisor / 2))
        let high = product.high + (rounded.overflow ? 1 : 0)
        // Below divisor/2 · 2^64 the quotient fits in 63 bits.
        guard high < divisor / 2 else { return nil }
        let (quotient, _) = divisor.dividingFullWidth((high: high, low: rounded.partialValue))
        guard quotient >= 0, quotient <= BankLedger.maximumMinorUnits else { return nil }
        return Money(minorUnits: quotient, currency: .cny)
    }
}
