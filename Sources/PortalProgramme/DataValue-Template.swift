import PortalContent
import PortalTemplates

// Data values as templates see them: here, beside the programme's views of its data, so that
// the build (DataView) and the programme (ProgrammeData, AnnualReport) write them one way.

extension DataValue {
    /// The value as a template sees it: a null is empty text, a decimal number the text a person
    /// writes (`4.5`, `4`), a date `{iso, ru, year, month, day}` (`{{date.ru}}`).
    public var templateValue: TemplateValue {
        switch self {
        case .null: .text("")
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .number(let d): .text(d.formattedForHumans)
        case .string(let s): .text(s)
        case .date(let d): d.templateValue
        case .list(let l): .list(l.map(\.templateValue))
        case .map(let m): .map(m.mapValues(\.templateValue))
        }
    }
}

extension [String: DataValue] {
    /// A data entry's fields as a template sees them.
    public var templateValues: [String: TemplateValue] {
        mapValues(\.templateValue)
    }
}
