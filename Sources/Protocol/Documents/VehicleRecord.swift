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
