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
