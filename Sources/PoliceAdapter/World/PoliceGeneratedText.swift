import HubProtocol

/// Conversions of text the generator writes itself into checked wire types: a failure is a bug
/// in the generator's catalogue, not bad input, so it stops the program with the value shown.
enum PoliceGeneratedText {
    static func text(_ text: String) -> WireText {
        do { return try WireText(text) } catch { preconditionFailure("generated text \"\(text)\": \(error)") }
    }

    static func phone(_ text: String) -> PhoneNumber {
        do { return try PhoneNumber(text) } catch { preconditionFailure("generated phone \"\(text)\": \(error)") }
    }

    static func digest(_ text: String) -> SHA256Hex {
        do { return try SHA256Hex(text) } catch { preconditionFailure("generated digest \"\(text)\": \(error)") }
    }

    static func vin(_ text: String) -> VehicleIdentificationNumber {
        do { return try VehicleIdentificationNumber(text) } catch { preconditionFailure("generated VIN \"\(text)\": \(error)") }
    }

    static func name(_ text: String) -> PartyName {
        do { return try PartyName(text) } catch { preconditionFailure("generated name \"\(text)\": \(error)") }
    }

    static func idNumber(_ text: String) -> ResidentIDNumber {
        do { return try ResidentIDNumber(text) } catch { preconditionFailure("generated ID number \"\(text)\": \(error)") }
    }

    static func date(year: Int, month: Int, day: Int) -> CalendarDate {
        do { return try CalendarDate(year: year, month: month, day: day) } catch { preconditionFailure("date \(year)-\(month)-\(day): \(error)") }
    }

    static func date(daysSinceEpoch days: Int) -> CalendarDate {
        do { return try CalendarDate(daysSinceEpoch: days) } catch { preconditionFailure("day \(days): \(error)") }
    }

    static func shifted(_ date: CalendarDate, years: Int, days: Int) -> CalendarDate {
        do { return try date.adding(years: years).adding(days: days) } catch { preconditionFailure("\(date) + \(years) years: \(error)") }
    }
}
