/// Why a bank or police office could not carry out an instruction (无法协助原因, R-B21).
///
/// A closed list, so that courts and the hub can act on the reason; ``other`` needs a detail text.
public enum CannotAssistReason: String, WireEnumeration {
    /// 账户已销户 — the account is closed: nothing can be frozen or deducted.
    case accountClosed
    /// 户名与证件不符 — the party's name does not match the identity document on file.
    case nameDoesNotMatchID
    /// 无此账户 — the named account does not exist at this bank.
    case noSuchAccount
    /// 久悬账户 — the account is dormant and must be reactivated at a counter before this measure.
    case accountDormant
    /// 账户无此币种 — the account holds no sub-account in the named currency.
    case currencyNotHeld
    /// 原冻结不存在或已失效 — the freeze named by a renew, unfreeze or deduct is unknown, lapsed or released.
    case freezeNotFound
    /// 余额不足且不允许限额冻结 — the available balance is short and the court did not allow a limited freeze.
    case limitedFreezeNotAllowed
    /// 权限不足 — the court or officer is not entitled to this measure on this account.
    case insufficientAuthority
    /// 文书签章无效 — a legal document's seal or hash does not verify.
    case documentSealInvalid
    /// 系统故障 — the bank's or office's systems are down; the hub may retry later.
    case systemOutage
    /// 不支持网络扣划 — the bank cannot deduct through the network for this account; the court
    /// deducts at a counter.
    case deductNotSupportedOnline
    /// 优先受偿权异议审查中 — the funds carry a priority claim under review and may not be deducted (R-B16).
    case priorityClaimUnderReview
    /// 养老金账户未认定其他财产不足 — the account receives a pension, and the deduct does not state
    /// the court's finding that the debtor's other assets are not enough (R-P1: pensions are taken
    /// only then; ``BankDeduct/otherAssetsInsufficient``).
    case pensionNeedsOtherAssetsInsufficient
    /// 无相关信息 — the police hold no record for the person or vehicle.
    case noRecordFound
    /// 其他 — anything else, explained in the detail text.
    case other
}
