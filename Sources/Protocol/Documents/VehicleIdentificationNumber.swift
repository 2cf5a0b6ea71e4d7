/// A vehicle identification number (车辆识别代号, ISO 3779): 17 characters, digits and upper-case
/// letters except I, O and Q.
public enum VehicleIdentificationNumberFormat: WireStringFormat {
    public static let name = "a vehicle identification number"
    public static func problem(with text: String) -> String? {
        guard text.utf8.count == 17 else { return "it must have 17 characters" }
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte != UInt8(ascii: "I") && byte != UInt8(ascii: "O") && byte != UInt8(ascii: "Q"))
        }
        return allowed ? nil : "only digits and upper-case letters other than I, O and Q are allowed"
    }
}

/// A vehicle identification number, see ``VehicleIdentificationNumberFormat``.
public typealias VehicleIdentificationNumber = WireString<VehicleIdentificationNumberFormat>
