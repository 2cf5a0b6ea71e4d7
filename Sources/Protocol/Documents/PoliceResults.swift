/// A reference to a file kept by the responder (a photo): where it is and its hash.
public struct AttachmentReference: Hashable, Sendable, Codable {
    /// 文件标识 — the responder's identifier of the file.
    public let reference: WireText
    /// 文件摘要 — SHA-256 of the file.
    public let sha256: SHA256Hex

    /// An attachment reference.
    public init(reference: WireText, sha256: SHA256Hex) {
        self.reference = reference
        self.sha256 = sha256
    }
}

/// 身份信息 — the person's identity record (R-G2).
public struct PoliceIdentityResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeIdentityResult
    /// 种类 — always `police.identityResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, police office, time.
    public let header: ReceiptHeader
    /// 姓名 — the name.
    public let name: PartyName
    /// 曾用名 — former names (possibly none).
    public let formerNames: [PartyName]
    /// 出生日期 — the date of birth.
    public let birthDate: CalendarDate
    /// 户籍地 — the place of household registration.
    public let householdRegistration: WireText
    /// 住址 — the address.
    public let address: WireText
    /// 公民身份号码 — the resident ID number.
    public let idNumber: ResidentIDNumber
    /// 照片 — the ID photo.
    public let photo: AttachmentReference

    /// An identity result.
    public init(
        header: ReceiptHeader, name: PartyName, formerNames: [PartyName], birthDate: CalendarDate, householdRegistration: WireText,
        address: WireText, idNumber: ResidentIDNumber, photo: AttachmentReference
    ) {
        self.kind = Self.expectedKind
        self.header = header
        self.name = name
        self.formerNames = formerNames
        self.birthDate = birthDate
        self.householdRegistration = householdRegistration
        self.address = address
        self.idNumber = idNumber
        self.photo = photo
    }

    /// The birth date agrees with the one the ID number encodes; at most 20 former names.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requireCount(formerNames, atMost: 20, at: "$.formerNames")
        guard birthDate == idNumber.birthDate else {
            throw WireRules.violation("R-G2", at: "$.birthDate", "the ID number encodes \(idNumber.birthDate), not \(birthDate)")
        }
    }
}

/// The type of a travel document (出入境证件种类).
public enum TravelDocumentType: String, WireEnumeration {
    /// 普通护照.
    case passport
    /// 往来港澳通行证.
    case hongKongMacauPass
    /// 往来台湾通行证.
    case taiwanPass
    /// 其他.
    case other
}

/// One travel document (出入境证件, R-G2).
public struct TravelDocumentRecord: Hashable, Sendable, Codable {
    /// 证件种类.
    public let type: TravelDocumentType
    /// 证件号码.
    public let number: WireText
    /// 签发日期.
    public let issuedOn: CalendarDate
    /// 有效期至.
    public let expiresOn: CalendarDate

    /// A travel document.
    public init(type: TravelDocumentType, number: WireText, issuedOn: CalendarDate, expiresOn: CalendarDate) {
        self.type = type
        self.number = number
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
    }
}

/// Leaving or entering (出入境方向).
public enum BorderDirection: String, WireEnumeration {
    /// 出境.
    case exit
    /// 入境.
    case entry
}

/// One crossing of the border (出入境记录, R-G2).
public struct ExitEntryRecord: Hashable, Sendable, Codable {
    /// 出入境时间 — when.
    public let time: Timestamp
    /// 方向 — exit or entry.
    public let direction: BorderDirection
    /// 口岸 — the port of crossing.
    public let port: WireText
    /// 前往地/来自地 — the destination (or, on entry, where from).
    public let destination: WireText
    /// 登记电话 — the phone registered at the crossing.
    public let registeredPhone: PhoneNumber

    /// A crossing.
    public init(time: Timestamp, direction: BorderDirection, port: WireText, destination: WireText, registeredPhone: PhoneNumber) {
        self.time = time
        self.direction = direction
        self.port = port
        self.destination = destination
        self.registeredPhone = registeredPhone
    }
}

/// 出入境信息 — travel documents and (for debtors) crossings (R-G2). Empty lists mean none.
public struct PoliceExitEntryResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeExitEntryResult
    /// 种类 — always `police.exitEntryResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, police office, time.
    public let header: ReceiptHeader
    /// 出入境证件 — travel documents.
    public let documents: [TravelDocumentRecord]
    /// 出入境记录 — crossings, oldest first.
    public let records: [ExitEntryRecord]

    /// An exit-entry result.
    public init(header: ReceiptHeader, documents: [TravelDocumentRecord], records: [ExitEntryRecord]) {
        self.kind = Self.expectedKind
        self.header = header
        self.documents = documents
        self.records = records
    }

    /// Documents valid before they expire; records in time order; bounded lists.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requireCount(documents, atMost: 100, at: "$.documents")
        try WireRules.requireCount(records, atMost: 10_000, at: "$.records")
        for (index, document) in documents.enumerated() where document.expiresOn < document.issuedOn {
            throw WireError(path: "$.documents[\(index)].expiresOn", reason: .invalidValue("expires before it was issued"))
        }
        for index in records.indices.dropFirst() where records[index].time < records[index - 1].time {
            throw WireError(path: "$.records[\(index)].time", reason: .invalidValue("records are listed oldest first"))
        }
    }
}

/// A seizure already registered on a vehicle (查封信息, R-G2).
public struct VehicleSeizureRecord: Hashable, Sendable, Codable {
    /// 查封机关 — the seizing authority.
    public let authority: WireText
    /// 查封文书号 — its document number.
    public let documentNumber: WireText

    /// A seizure record.
    public init(authority: WireText, documentNumber: WireText) {
        self.authority = authority
        self.documentNumber = documentNumber
    }
}

/// One registered vehicle (机动车登记信息, R-G2).
public struct VehicleRecord: Hashable, Sendable, Codable {
    /// 号牌号码 — the plate.
    public let plateNumber: WireText
    /// 品牌 — the brand.
    public let brand: WireText
    /// 车辆型号 — the model.
    public let model: WireText
    /// 车辆类型 — the vehicle type (小型轿车 …).
    public let vehicleType: WireText
    /// 车辆识别代号 — the VIN.
    public let vin: VehicleIdentificationNumber
    /// 登记机关 — the registering office.
    public let registeringOffice: WireText
    /// 登记日期 — the registration date.
    public let registeredOn: CalendarDate
    /// 抵押权人 — the mortgagee, if the vehicle is mortgaged.
    public let mortgagee: PartyName?
    /// 查封信息 — seizures already registered (authority and document).
    public let seizures: [VehicleSeizureRecord]

    /// A vehicle record.
    public init(
        plateNumber: WireText, brand: WireText, model: WireText, vehicleType: WireText, vin: VehicleIdentificationNumber,
        registeringOffice: WireText, registeredOn: CalendarDate, mortgagee: PartyName?, seizures: [VehicleSeizureRecord]
    ) {
        self.plateNumber = plateNumber
        self.brand = brand
        self.model = model
        self.vehicleType = vehicleType
        self.vin = vin
        self.registeringOffice = registeringOffice
        self.registeredOn = registeredOn
        self.mortgagee = mortgagee
        self.seizures = seizures
    }
}

/// 车辆信息 — the party's registered vehicles (R-G2); an empty list means none.
public struct PoliceVehicleResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeVehiclesResult
    /// 种类 — always `police.vehiclesResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, police office, time.
    public let header: ReceiptHeader
    /// 车辆 — the vehicles.
    public let vehicles: [VehicleRecord]

    /// A vehicle result.
    public init(header: ReceiptHeader, vehicles: [VehicleRecord]) {
        self.kind = Self.expectedKind
        self.header = header
        self.vehicles = vehicles
    }

    /// Bounded lists.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requireCount(vehicles, atMost: 1_000, at: "$.vehicles")
        for (index, vehicle) in vehicles.enumerated() {
            try WireRules.requireCount(vehicle.seizures, atMost: 100, at: "$.vehicles[\(index)].seizures")
        }
    }
}

/// One hotel stay (旅馆住宿记录, R-G2).
public struct HotelStay: Hashable, Sendable, Codable {
    /// 入住时间 — check-in.
    public let checkIn: Timestamp
    /// 退房时间 — check-out; absent while the person is still staying.
    public let checkOut: Timestamp?
    /// 旅馆名称 — the hotel's name.
    public let hotelName: WireText
    /// 旅馆地址 — the hotel's address.
    public let hotelAddress: WireText
    /// 登记电话 — the phone registered at check-in.
    public let registeredPhone: PhoneNumber

    /// A stay.
    public init(checkIn: Timestamp, checkOut: Timestamp?, hotelName: WireText, hotelAddress: WireText, registeredPhone: PhoneNumber) {
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.hotelName = hotelName
        self.hotelAddress = hotelAddress
        self.registeredPhone = registeredPhone
    }
}

/// 旅馆住宿信息 — the person's hotel stays in the period asked (R-G2); empty means none.
public struct PoliceHotelStayResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeHotelStaysResult
    /// 种类 — always `police.hotelStaysResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, police office, time.
    public let header: ReceiptHeader
    /// 住宿记录 — the stays.
    public let stays: [HotelStay]

    /// A hotel-stay result.
    public init(header: ReceiptHeader, stays: [HotelStay]) {
        self.kind = Self.expectedKind
        self.header = header
        self.stays = stays
    }

    /// Check-out after check-in; a bounded list.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requireCount(stays, atMost: 10_000, at: "$.stays")
        for (index, stay) in stays.enumerated() {
            if let checkOut = stay.checkOut, checkOut < stay.checkIn {
                throw WireError(path: "$.stays[\(index)].checkOut", reason: .invalidValue("check-out before check-in"))
            }
        }
    }
}
