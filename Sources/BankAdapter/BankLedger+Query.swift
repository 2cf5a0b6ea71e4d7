import HubProtocol

/// 查询 (R-B7, R-B8).
extension BankLedger {
    /// Every account the party holds at this bank, closed ones included, with balances, freezes
    /// and claims as they stand now; the wealth products linked to them; or "no account found".
    /// A holder on file under the document but with another name is answered
    /// ``CannotAssistReason/nameDoesNotMatchID``.
    func answer(_ query: BankQuery) -> ReceiptDocument {
        let id = query.header.instructionId
        let indices = (indicesByDocument[query.party.document.number] ?? []).filter {
            accounts[$0].owner.document == query.party.document
        }
        guard !indices.isEmpty else {
            return .bankNoAccountFound(BankNoAccountFound(header: receiptHeader(id)))
        }
        guard indices.allSatisfy({ accounts[$0].owner.name == query.party.name }) else {
            return cannotAssist(id, .nameDoesNotMatchID, "户名与证件号码不符")
        }
        assert(indices.count <= BankQueryResult.maximumEntries, "accounts per party are bounded when added")
        let records = indices.map { record(of: accounts[$0]) }
        var assets: [NonDepositAsset] = []
        for index in indices {
            let account = accounts[index]
            for product in account.products where assets.count < BankQueryResult.maximumEntries {
                assets.append(
                    NonDepositAsset(
                        assetType: product.assetType, productName: product.productName, assetManager: product.assetManager,
                        linkedFundAccount: account.number, value: account.money(product.valueMinor)))
            }
        }
        return .bankQueryResult(BankQueryResult(header: receiptHeader(id), accounts: records, otherAssets: assets))
    }

    /// One account as a query reports it (R-B8): available is what neither freezes nor claims hold;
    /// a pension account states the minimum it leaves untouched (R-P1), so the hub's ledger counts
    /// no more holdable than the bank holds.
    func record(of account: SimulatedAccount) -> AccountRecord {
        let available = account.status == .closed ? 0 : account.spendableMinor
        return AccountRecord(
            openingDate: account.openingDate, closingDate: account.closingDate, branch: account.branch,
            accountName: account.owner.name, accountNumber: account.number, accountType: account.kind.wireType,
            status: account.status, balance: account.money(account.balanceMinor), availableBalance: account.money(available),
            protectedMinimum: account.kind == .pension ? account.money(account.protectedMinimumMinor) : nil,
            contactPhone: account.contactPhone, existingFreezes: account.freezes.map { $0.existingFreeze(currency: account.currency) },
            priorityClaims: account.claims.map {
                PriorityClaim(kind: $0.kind, holder: $0.holder, amount: account.money($0.amountMinor), underReview: $0.underReview)
            })
    }
}
