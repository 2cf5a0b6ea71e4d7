import Foundation

/// The built-in copy of mainland China's public holidays and make-up working days.
///
/// It is data in the JSON form of ``HolidaySchedule``, kept as a string so that the hub has a
/// calendar with no file to find at run time. Source: the State Council notices named in each
/// entry, as recorded in the project's `holidays.md`. Years the State Council publishes later are
/// added as data: either appended here, or given to the hub as a file in the same JSON form and
/// combined with ``HolidaySchedule/merging(_:)`` (the server's `--holidays FILE` option).
public enum ChinaHolidaySchedule {
    /// The schedule JSON.
    public static let json = """
        {
          "years": [
            {
              "year": 2025,
              "notice": "国办发明电〔2024〕12号, 2024-11-12",
              "holidays": [
                {"name": "New Year", "first": "2025-01-01", "last": "2025-01-01"},
                {"name": "Spring Festival", "first": "2025-01-28", "last": "2025-02-04"},
                {"name": "Qingming", "first": "2025-04-04", "last": "2025-04-06"},
                {"name": "Labour Day", "first": "2025-05-01", "last": "2025-05-05"},
                {"name": "Dragon Boat", "first": "2025-05-31", "last": "2025-06-02"},
                {"name": "National Day and Mid-Autumn", "first": "2025-10-01", "last": "2025-10-08"}
              ],
              "makeUpWorkingDays": ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]
            },
            {
              "year": 2026,
              "notice": "State Council notice of 2025-11-04",
              "holidays": [
                {"name": "New Year", "first": "2026-01-01", "last": "2026-01-03"},
                {"name": "Spring Festival", "first": "2026-02-15", "last": "2026-02-23"},
                {"name": "Qingming", "first": "2026-04-04", "last": "2026-04-06"},
                {"name": "Labour Day", "first": "2026-05-01", "last": "2026-05-05"},
                {"name": "Dragon Boat", "first": "2026-06-19", "last": "2026-06-21"},
                {"name": "Mid-Autumn", "first": "2026-09-25", "last": "2026-09-27"},
                {"name": "National Day", "first": "2026-10-01", "last": "2026-10-07"}
              ],
              "makeUpWorkingDays": ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
            }
          ]
        }
        """

    /// The built-in schedule, decoded. The data is part of the program, so a failure to decode is a
    /// programming error caught by the tests, not a run-time condition.
    public static let schedule: HolidaySchedule = {
        do {
            return try HolidaySchedule(json: Data(json.utf8))
        } catch {
            preconditionFailure("the built-in holiday schedule is invalid: \(error)")
        }
    }()
}
