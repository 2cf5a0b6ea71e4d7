import Foundation
import GRDB
import QueryHub
import Testing

@Suite("Audit verification over a real database (R-G9)")
struct AuditVerificationTests {
    @Test("R-G9: the database refuses changes to the audit log; a change made behind its back is named by verify")
    func tamperingIsFound() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("hub.sqlite").path
        let store = try SQLiteStore(path: path)
        var chain = AuditChain(continuingAfter: nil)
        var changes = StoreChanges()
        for index in 1...25 {
            changes.auditEntries.append(chain.append(
                atMilliseconds: Int64(index), principal: "court:京0105", certificateFingerprint: "ab", clientAddress: "127.0.0.1:9",
                action: "submit", outcome: "accepted", instructionID: "I\(index)", detail: ""))
        }
        try await store.commit(changes)
        #expect(try await AuditVerification.verify(store: store) == .intact(25))

        let database = try DatabaseQueue(path: path)
        func attempt(_ sql: String) -> Bool {
            do {
                try database.inDatabase { try $0.execute(sql: sql) }
                return true
            } catch {
                return false
            }
        }
        #expect(!attempt("UPDATE audit SET outcome = 'refused' WHERE sequence = 7"))
        #expect(!attempt("DELETE FROM audit WHERE sequence = 7"))
        try database.inDatabase { database in
            try database.execute(sql: "DROP TRIGGER audit_no_update")
            try database.execute(sql: "UPDATE audit SET outcome = 'refused' WHERE sequence = 7")
        }
        #expect(try await AuditVerification.verify(store: store) == .broken(.hashMismatch(sequence: 7)))
        try database.inDatabase { database in
            try database.execute(sql: "DROP TRIGGER audit_no_delete")
            try database.execute(sql: "DELETE FROM audit WHERE sequence = 3")
        }
        #expect(try await AuditVerification.verify(store: store) == .broken(.sequenceGap(expected: 3, found: 4)))
    }
}
