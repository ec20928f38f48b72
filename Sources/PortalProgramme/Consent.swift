import PortalContent
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
            return Refusal(key: "consent_withdrawn", message: .consentWithdrawn(name: who, date: withdrawn))
        }
        if fields["consent"]?.bool != true, spreadsheet {
            return Refusal(key: "consent", message: .consentMissingInSpreadsheet(name: who))
        }
        if fields["consent"]?.bool != true {
            return Refusal(key: nil, message: .consentMissing(name: who))
        }
        return nil
    }

    /// The rule for mentors.yml: a mentor the consent does not allow is withheld, and the name
    /// of one who withdrew it is kept so that mentions of it can be found.
    public static let rule = EntryRule { entry in
        guard let refusal = refusal(entry.fields, who: entry.who, today: entry.today, spreadsheet: entry.inSpreadsheet) else {
            return nil
        }
        let withdrawn = refusal.key == "consent_withdrawn" ? entry.fields["name"]?.string : nil
        return EntryRule.Withholding(key: refusal.key, message: refusal.message, withdrawnName: withdrawn)
    }
}
