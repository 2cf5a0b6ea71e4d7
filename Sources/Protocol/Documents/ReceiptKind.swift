/// The kinds of receipt a bank or police adapter seals (回执种类): the `kind` discriminator.
public enum ReceiptKind: String, WireEnumeration {
    /// 查询结果 — accounts and assets found (R-B8).
    case bankQueryResult = "bank.queryResult"
    /// 无账户 — the explicit "no account found" answer (R-B8).
    case bankNoAccountFound = "bank.noAccountFound"
    /// 冻结结果 (R-B11 … R-B13).
    case bankFreezeResult = "bank.freezeResult"
    /// 续冻结果 (R-B14).
    case bankRenewResult = "bank.renewResult"
    /// 解冻结果.
    case bankUnfreezeResult = "bank.unfreezeResult"
    /// 扣划结果 (R-B18, R-B19).
    case bankDeductResult = "bank.deductResult"
    /// 无法协助 — the measure could not be carried out, with a reason from a closed list (R-B21).
    case cannotAssist = "cannotAssist"
    /// 身份信息 (R-G2).
    case policeIdentityResult = "police.identityResult"
    /// 出入境信息 (R-G2).
    case policeExitEntryResult = "police.exitEntryResult"
    /// 车辆信息 (R-G2).
    case policeVehiclesResult = "police.vehiclesResult"
    /// 旅馆住宿信息 (R-G2).
    case policeHotelStaysResult = "police.hotelStaysResult"
    /// 措施已执行 — a restriction, seizure, locate request or release is in force (R-G3 … R-G6).
    case policeMeasureAcknowledged = "police.measureAcknowledged"
    /// 发现车辆 — traffic police came upon a seized vehicle (R-G4).
    case policeVehicleSighted = "police.vehicleSighted"
    /// 发现人员 — police found a person the court is looking for (R-G5).
    case policePersonFound = "police.personFound"
}
