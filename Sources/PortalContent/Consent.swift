import PortalCore

/// Whether a person in the data may be published (152-ФЗ): a signed consent (`consent: true`,
/// with `consent_date` and `consent_document` for the audit), not withdrawn. From the day in
/// `consent_withdrawn` the person leaves every output, and the entry should leave the repository.
public enum Consent {
    public struct Refusal: Sendable {
        /// The key the message points at (nil: the entry).
        public var key: String?
        public var message: Message
    }

    /// Why the person in `fields` is not published on `today`, or nil when they are.
    /// `spreadsheet`: the curator's table, whose column says «Согласие», not `consent:`.
    public static func refusal(_ fields: [String: DataValue], who: String, today: SimpleDate,
                               spreadsheet: Bool = false) -> Refusal? {
        if let withdrawn = fields["consent_withdrawn"]?.dateValue, withdrawn <= today {
            return Refusal(key: "consent_withdrawn", message: Message(
                "\"\(who)\" withdrew consent to the processing of personal data on \(withdrawn.iso), so they are not published; delete this entry (and its photo) from the repository",
                ru: "«\(who)» отозвал(а) согласие на обработку персональных данных \(withdrawn.russian), поэтому сведения не публикуются; удалите эту запись (и фотографию) из репозитория"))
        }
        if fields["consent"]?.bool != true, spreadsheet {
            return Refusal(key: "consent", message: Message(
                "mentor \"\(who)\" has no «да» in the column «Согласие» (consent to the processing of personal data), so the mentor is not published",
                ru: "у наставника «\(who)» в столбце «Согласие» не стоит «да» (согласие на обработку персональных данных), поэтому он не публикуется"))
        }
        if fields["consent"]?.bool != true {
            return Refusal(key: nil, message: Message(
                "mentor \"\(who)\" has no consent: true (consent to the processing of personal data), so the mentor is not published",
                ru: "у наставника «\(who)» нет consent: true (согласия на обработку персональных данных), поэтому он не публикуется"))
        }
        return nil
    }
}
