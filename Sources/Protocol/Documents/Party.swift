/// The party a measure is against (当事人, usually the debtor 被执行人): a name and a typed
/// identity document (R-B7: name, document type and number, or credit / organisation code).
public struct Party: Hashable, Sendable, Codable {
    /// 姓名或名称 — the person's or organisation's name, normalised.
    public let name: PartyName
    /// 证件 — the identity document: `{"type": "residentID", "number": "11010519491231002X"}`.
    public let document: IdentityDocument

    /// A party from its name and document.
    public init(name: PartyName, document: IdentityDocument) {
        self.name = name
        self.document = document
    }
}

extension Party {
    /// Refuses an organisation where the police measure concerns a natural person.
    func requirePerson(at path: String) throws(WireError) {
        guard !document.identifiesOrganization else {
            throw WireError(path: path + ".document.type", reason: .invalidValue("this measure concerns a natural person, not \(document.kind)"))
        }
    }
}
