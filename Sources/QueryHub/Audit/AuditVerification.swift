/// Verifying a store's whole audit chain (R-G9), page by page so that memory stays bounded.
public enum AuditVerification {
    public static let pageSize = 10_000

    public enum Outcome: Sendable, Equatable {
        /// Every link holds; the number of entries.
        case intact(Int)
        /// The first broken link.
        case broken(AuditChain.Break)
    }

    public static func verify(store: any Store) async throws -> Outcome {
        var last: AuditEntry?
        var count = 0
        while true {
            let page = try await store.auditEntries(after: last?.sequence ?? 0, limit: pageSize)
            if page.isEmpty { return .intact(count) }
            if let broken = AuditChain.firstBreak(in: page, after: last) { return .broken(broken) }
            count += page.count
            last = page.last
        }
    }
}
