import PortalContent
import PortalCore

/// Every personal datum the site publishes, with where it is written and the consent that
/// allows it: for the person responsible for personal data (152-ФЗ).
public struct PersonalDatum: Sendable, Hashable {
    /// The person's id (`ivanova-anna`).
    public var person: String
    /// What is published: `name`, `photo`, `position`, `about`… or a mention (`cases.yml: name`).
    public var what: String
    /// The value, shortened, as published.
    public var value: String
    public var location: SourceLocation
    public var consentDate: SimpleDate?
    public var consentDocument: String?
}

public enum PersonalDataAudit {
    /// The keys of a mentor entry that are personal data as the site shows them.
    static let personalKeys = ["name", "position", "photo", "photo_alt", "experience_years", "about"]

    public static func items(site: Site) -> [PersonalDatum] {
        var items: [PersonalDatum] = []
        var consent: [String: (SimpleDate?, String?, String)] = [:]
        for mentor in site.entries("mentors") {
            let id = mentor.id ?? mentor.fields["name"]?.string ?? "?"
            let date = mentor.fields["consent_date"]?.dateValue
            let document = mentor.fields["consent_document"]?.string
            let name = mentor.fields["name"]?.string ?? id
            consent[id] = (date, document, name)
            for key in personalKeys {
                guard let value = mentor.fields[key]?.scalarText, !value.isEmpty else { continue }
                items.append(PersonalDatum(person: id, what: key, value: short(value), location: mentor.keyLocations[key] ?? mentor.location,
                                           consentDate: date, consentDocument: document))
            }
        }
        // Pairs and cases show the names of the mentors they name.
        for file in ["pairs", "cases"] {
            guard let data = site.data[file] else { continue }
            for entry in data.entries {
                for (index, id) in (entry.fields["mentors"]?.list ?? []).compactMap(\.string).enumerated() {
                    guard let (date, document, name) = consent[id] else { continue }
                    items.append(PersonalDatum(person: id, what: "\(file).yml \(entry.id ?? ""): name", value: short(name),
                                               location: entry.keyLocations["mentors[\(index)]"] ?? entry.keyLocations["mentors"] ?? entry.location,
                                               consentDate: date, consentDocument: document))
                }
            }
        }
        // Pages (text and front matter) and data entries whose own words name them.
        let texts = NameMentions.texts(in: site)
        let people = consent.sorted { $0.key < $1.key }
        let mentions = NameMentions.find(people.map(\.value.2), in: texts)
        for ((id, (date, document, name)), found) in zip(people, mentions) {
            for mention in found {
                items.append(PersonalDatum(person: id, what: mention.inData ? "data text: name" : "page text: name", value: short(name),
                                           location: mention.location, consentDate: date, consentDocument: document))
            }
        }
        // One order whatever the order of `consent` (a dictionary: its order changes from run to run).
        return items.sorted { ($0.location, $0.what, $0.person, $0.value) < ($1.location, $1.what, $1.person, $1.value) }
    }

    static func short(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }

    /// One line of the report: `Content/data/mentors.yml:7:9: ivanova-anna: name «…» — consent 2025-09-02 (…)`.
    public static func line(_ item: PersonalDatum) -> Message {
        .auditItem(location: item.location, person: item.person, what: item.what, value: item.value,
                   consentDate: item.consentDate, document: item.consentDocument)
    }
}
