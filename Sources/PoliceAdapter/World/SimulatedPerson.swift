import HubProtocol

/// A person in the simulated population register (人口信息): what the police would disclose
/// about them (R-G2) and their travel and lodging history as a timeline.
///
/// The date of birth is not stored: it is the one the ID number encodes, so the two never disagree.
/// Records dated after the simulation's current time are not disclosed yet.
public struct SimulatedPerson: Hashable, Sendable, Codable {
    /// 姓名.
    public let name: PartyName
    /// 曾用名 — at most 20.
    public let formerNames: [PartyName]
    /// 公民身份号码 — unique in the population.
    public let idNumber: ResidentIDNumber
    /// 户籍地.
    public let householdRegistration: WireText
    /// 住址.
    public let address: WireText
    /// 照片 — the register's ID photo.
    public let photo: AttachmentReference
    /// 出入境证件 — passports and permits.
    public let travelDocuments: [TravelDocumentRecord]
    /// 出入境记录 — border crossings, oldest first.
    public let crossings: [ExitEntryRecord]
    /// 旅馆住宿 — hotel stays, by check-in.
    public let hotelStays: [HotelStay]

    /// A person.
    public init(
        name: PartyName, formerNames: [PartyName], idNumber: ResidentIDNumber, householdRegistration: WireText, address: WireText,
        photo: AttachmentReference, travelDocuments: [TravelDocumentRecord], crossings: [ExitEntryRecord], hotelStays: [HotelStay]
    ) {
        self.name = name
        self.formerNames = formerNames
        self.idNumber = idNumber
        self.householdRegistration = householdRegistration
        self.address = address
        self.photo = photo
        self.travelDocuments = travelDocuments
        self.crossings = crossings
        self.hotelStays = hotelStays
    }

    /// 出生日期 — from the ID number.
    public var birthDate: CalendarDate { idNumber.birthDate }

    /// True when `name` is the person's name or one of their former names: a court may know a
    /// debtor by a name they no longer use.
    public func answers(to name: PartyName) -> Bool {
        name == self.name || formerNames.contains(name)
    }
}
