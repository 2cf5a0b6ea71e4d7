import Foundation
import HubClient
import Synchronization

extension HubHTTPResponse {
    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
}

/// A path segment with its non-ASCII characters percent-encoded (court codes are Chinese).
func segment(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? text
}

/// Why a load test could not go on: what it found, in words.
struct LoadTestFailure: Error, CustomStringConvertible {
    let description: String
}

/// A one-way switch shared by concurrent workers: set once, read by all.
final class Flag: Sendable {
    private let value = Atomic(false)

    func set() { value.store(true, ordering: .sequentiallyConsistent) }
    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
}

/// A shared countdown: each ``take()`` consumes one unit while any are left.
final class Budget: Sendable {
    private let remaining: Atomic<Int>

    init(_ units: Int) {
        precondition(units >= 0)
        remaining = Atomic(units)
    }

    /// True when a unit was taken; false once the budget is spent.
    func take() -> Bool {
        var current = remaining.load(ordering: .relaxed)
        while current > 0 {
            let (exchanged, original) = remaining.compareExchange(
                expected: current, desired: current - 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }
}

/// Runs `body` over `items` with at most `width` in flight, and returns the results in order.
func concurrentMap<Item: Sendable, Output: Sendable>(
    _ items: [Item], width: Int, _ body: @escaping @Sendable (Item) async throws -> Output
) async throws -> [Output] {
    precondition(width >= 1)
    return try await withThrowingTaskGroup(of: (Int, Output).self) { group in
        var results = [Output?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0..<min(width, items.count) {
            let index = next
            group.addTask { (index, try await body(items[index])) }
            next += 1
        }
        while let (index, output) = try await group.next() {
            results[index] = output
            if next < items.count {
                let index = next
                group.addTask { (index, try await body(items[index])) }
                next += 1
            }
        }
        return results.map { $0! }
    }
}
