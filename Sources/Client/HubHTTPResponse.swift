/// A complete HTTP response from the hub: status, headers and the whole body.
public struct HubHTTPResponse: Sendable {
    /// The HTTP status code, e.g. 200, 202, 409.
    public let statusCode: Int
    /// The header fields in the order received; names keep the server's spelling.
    public let headers: [(name: String, value: String)]
    /// The body bytes (at most the client's configured limit).
    public let body: [UInt8]

    /// Assembles a response.
    public init(statusCode: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        precondition((100...599).contains(statusCode), "an HTTP status code is 100...599, not \(statusCode)")
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name`, compared case-insensitively as HTTP requires.
    public func headerValue(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The body decoded as UTF-8 (invalid sequences become U+FFFD): for messages and logs.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool {
        (200...299).contains(statusCode)
    }
}
