import Foundation
import QueryHub
import Testing

/// openapi.yaml and the routes the server registers cannot drift apart: every registered route is
/// documented and every documented path is registered (on the API or on the operator port).
@Suite("OpenAPI document")
struct OpenAPITests {
    static let specificationURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("openapi.yaml")

    /// A registered route, comparable.
    struct Route: Hashable, Comparable, CustomStringConvertible {
        var method: String
        var path: String
        static func < (left: Route, right: Route) -> Bool { (left.path, left.method) < (right.path, right.method) }
        var description: String { "\(method) \(path)" }
    }

    static func registered() -> Set<Route> {
        Set((HubAPI.routes + HubServer.operatorRoutes).map { Route(method: $0.method, path: $0.path) })
    }

    static func documented() throws -> [Route] {
        let text = try String(contentsOf: specificationURL, encoding: .utf8)
        return try OpenAPIPathReader.operations(in: text).map { Route(method: $0.method, path: $0.path) }
    }

    @Test("every route the API and the operator port register is documented in openapi.yaml")
    func registeredRoutesAreDocumented() throws {
        let documented = Set(try Self.documented())
        let missing = Self.registered().subtracting(documented).sorted()
        #expect(missing.isEmpty, "not in openapi.yaml: \(missing)")
    }

    @Test("every operation openapi.yaml documents is a registered route, and none twice")
    func documentedRoutesAreRegistered() throws {
        let documented = try Self.documented()
        #expect(Set(documented).count == documented.count, "an operation is documented twice")
        let unregistered = Set(documented).subtracting(Self.registered()).sorted()
        #expect(unregistered.isEmpty, "documented but not registered: \(unregistered)")
    }

    // MARK: - The reader

    static let example = """
        openapi: 3.1.0
        info:
          title: Example
          # a comment at any depth
        paths:
          /v1/things:
            get:
              responses:
                '200':
                  description: post, put and delete here are not methods of /v1/things
            post:
              requestBody:
                content: {}

          '/v1/things/{id}':
            servers:
              - url: http://127.0.0.1:9090
            # delete: commented out
            delete:
              summary: 'get: not a key'
          "/healthz":
            get: {}
        components:
          schemas:
            /not/a/path:
              get: {}
        """

    @Test("the reader finds each path's methods, skips comments, nested keys and non-method keys, and stops at the next section")
    func readerOnExample() throws {
        let operations = try OpenAPIPathReader.operations(in: Self.example).map { "\($0.method) \($0.path)" }
        #expect(operations == ["GET /v1/things", "POST /v1/things", "DELETE /v1/things/{id}", "GET /healthz"])
    }

    @Test("the reader refuses a document without a paths section, with tabs, or with a path in flow style", arguments: [
        ("openapi: 3.1.0\ninfo: {}\n", OpenAPIPathReader.Failure.noPathsSection),
        ("paths:\n\t/x:\n", .tabIndentation(line: 2)),
        ("paths:\n  /x: {get: {}}\n", .unsupportedLine(line: 2, text: "/x: {get: {}}")),
        ("paths:\n  /x:\n      get: {}\n    post: {}\n", .inconsistentIndentation(line: 4)),
    ])
    func readerRefusals(text: String, failure: OpenAPIPathReader.Failure) throws {
        #expect(throws: failure) { try OpenAPIPathReader.operations(in: text) }
    }

    @Test("the reader keeps quoted keys' text and finds nothing in an empty paths section")
    func readerKeys() throws {
        #expect(OpenAPIPathReader.key(of: "'/a/{b}':") == "/a/{b}")
        #expect(OpenAPIPathReader.key(of: "\"/a\":  # trailing comment") == "/a")
        #expect(OpenAPIPathReader.key(of: "get:") == "get")
        #expect(OpenAPIPathReader.key(of: "- url: x") == nil)
        #expect(OpenAPIPathReader.key(of: "summary: 'get: x'") == "summary")
        #expect(OpenAPIPathReader.entry(of: "'/a':   # comment")?.value == "")
        #expect(OpenAPIPathReader.entry(of: "/a: {get: {}}")?.value == "{get: {}}")
        #expect(OpenAPIPathReader.entry(of: "http://x") == nil)
        #expect(try OpenAPIPathReader.operations(in: "paths: {}\ncomponents: {}\n").isEmpty)
    }
}

/// Reads the operations of an OpenAPI document's `paths:` section — each path key and the HTTP
/// method keys under it — from block-style YAML, line by line. Enough for a drift check without a
/// YAML dependency; anything it does not understand under `paths:` is refused, not guessed.
enum OpenAPIPathReader {
    /// Why the reader gave up.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case noPathsSection
        case tabIndentation(line: Int)
        case unsupportedLine(line: Int, text: String)
        case inconsistentIndentation(line: Int)
        case tooManyLines(limit: Int)

        var description: String {
            switch self {
            case .noPathsSection: return "no top-level `paths:` section"
            case .tabIndentation(let line): return "line \(line): tabs are not YAML indentation"
            case .unsupportedLine(let line, let text): return "line \(line): expected a block-style key, found \(text)"
            case .inconsistentIndentation(let line): return "line \(line): indentation does not match its siblings"
            case .tooManyLines(let limit): return "the document has more than \(limit) lines"
            }
        }
    }

    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
    static let maximumLines = 100_000

    /// The (upper-case method, path) of every operation, in document order.
    static func operations(in text: String) throws(Failure) -> [(method: String, path: String)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count <= maximumLines else { throw .tooManyLines(limit: maximumLines) }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("paths:") }) else { throw .noPathsSection }
        if lines[start].dropFirst("paths:".count).trimmingCharacters(in: .whitespaces).hasPrefix("{}") { return [] }
        var operations: [(method: String, path: String)] = []
        var pathIndent: Int?
        var methodIndent: Int?
        var currentPath: String?
        for index in (start + 1)..<lines.count {
            let line = lines[index]
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            if content.hasPrefix("\t") { throw .tabIndentation(line: index + 1) }
            let indent = line.count - content.count
            if indent == 0 { break }
            if pathIndent == nil { pathIndent = indent }
            if indent == pathIndent {
                guard let (key, value) = entry(of: String(content)), value.isEmpty else {
                    throw .unsupportedLine(line: index + 1, text: String(content))
                }
                currentPath = key
                methodIndent = nil
            } else if let pathIndent, indent > pathIndent, let path = currentPath {
                if methodIndent == nil { methodIndent = indent }
                guard let methodIndent, indent >= methodIndent else { throw .inconsistentIndentation(line: index + 1) }
                if indent == methodIndent, let key = key(of: String(content)), methods.contains(key) {
                    operations.append((method: key.uppercased(), path: path))
                }
            } else {
                throw .inconsistentIndentation(line: index + 1)
            }
        }
        return operations
    }

    /// The key of a block mapping line (`key:`, `key: value`, `'quoted key':`), or nil when the
    /// line is not a mapping entry (a list item, a scalar).
    static func key(of line: String) -> String? {
        entry(of: line)?.key
    }

    /// The key of a block mapping line and the value after it, without a trailing comment.
    static func entry(of line: String) -> (key: String, value: String)? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let first = text.first, first != "-" else { return nil }
        let key: String
        let rest: Substring
        if first == "'" || first == "\"" {
            let quoted = text.dropFirst()
            guard let close = quoted.firstIndex(of: first) else { return nil }
            key = String(quoted[..<close])
            rest = quoted[quoted.index(after: close)...]
            guard rest.hasPrefix(":"), rest.count == 1 || rest.dropFirst().hasPrefix(" ") else { return nil }
        } else {
            guard let colon = text.indices.first(where: { index in
                text[index] == ":" && (text.index(after: index) == text.endIndex || text[text.index(after: index)] == " ")
            }) else { return nil }
            key = String(text[..<colon])
            rest = text[colon...]
        }
        let value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        return (key, value.hasPrefix("#") ? "" : value)
    }
}
