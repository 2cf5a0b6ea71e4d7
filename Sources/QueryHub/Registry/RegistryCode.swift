/// The short ASCII codes that name banks (`ICBC`) and police offices (`MPS`) in the registry, in
/// adapter ids (`bank:ICBC`) and in seal-key owners (`bank:ICBC`).
///
/// Upper-case ASCII letters and digits, starting with a letter, 2 to ``maximumLength`` characters:
/// nothing that could be confused with the separators `:` and `@` of an adapter id, nothing that
/// needs escaping in a URL path.
public enum RegistryCode {
    /// The longest code, in characters.
    public static let maximumLength = 16

    /// Nil when `text` is a valid code; otherwise what is wrong with it.
    public static func problem(with text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2 else { return "a code has at least 2 characters" }
        guard bytes.count <= maximumLength else { return "a code has at most \(maximumLength) characters" }
        guard isUpperCaseLetter(bytes[0]) else { return "a code starts with an upper-case ASCII letter" }
        guard bytes.allSatisfy({ isUpperCaseLetter($0) || isDigit($0) }) else {
            return "a code holds only upper-case ASCII letters and digits"
        }
        return nil
    }

    /// True when `text` is a valid code.
    public static func isValid(_ text: String) -> Bool {
        problem(with: text) == nil
    }

    private static func isUpperCaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
