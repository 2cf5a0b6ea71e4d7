/// A reference to a file kept by the responder (a photo): where it is and its hash.
public struct AttachmentReference: Hashable, Sendable, Codable {
    /// 文件标识 — the responder's identifier of the file.
    public let reference: WireText
    /// 文件摘要 — SHA-256 of the file.
    public let sha256: SHA256Hex

    /// An attachment reference.
    public init(reference: WireText, sha256: SHA256Hex) {
        self.reference = reference
        self.sha256 = sha256
    }
}
