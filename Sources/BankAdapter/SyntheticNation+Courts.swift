import HubProtocol

/// The courts of a synthetic nation: four levels with real codes (京 high court, 京01
/// intermediate, 京0105 basic).
extension SyntheticNation {
    /// The SPC, then for each of the 32 provinces its high court, 8–20 intermediate courts and
    /// 4–12 basic courts under each: about 3,500 courts, as in China.
    static func makeCourts(random: inout SeededRandom) -> [CourtCode] {
        var courts: [CourtCode] = [.supreme]
        for province in Province.allCases {
            courts.append(.high(province))
            let intermediateCount = random.next(in: 8...20)
            for intermediate in 1...intermediateCount {
                guard let code = try? CourtCode.intermediate(province, number: intermediate) else { preconditionFailure("1…20 is a court number") }
                courts.append(code)
                for basic in 1...random.next(in: 4...12) {
                    guard let code = try? CourtCode.basic(province, intermediateNumber: intermediate, basicNumber: basic) else {
                        preconditionFailure("1…12 is a court number")
                    }
                    courts.append(code)
                }
            }
        }
        return courts
    }

    /// The courts of one level.
    public func courts(at level: CourtLevel) -> [CourtCode] {
        courts.filter { $0.level == level }
    }
}
