import PortalContent
import PortalCore
import PortalProgramme
import PortalTemplates

/// The data files as templates see them (`data.<file>`): references replaced by the entries
/// they name, item pages' addresses, Markdown fields' HTML twins (`about_html`), photos' image
/// twins (`photo_image`); then the programme's own views over them (`ProgrammeData`).
enum DataView {
    static func make(site: Site, images: ImageTable = .none) -> TemplateValue {
        // URL of every item page, by collection and id.
        var itemURLs: [String: [String: String]] = [:]
        // By index: `for page in site.pages` copied every page.
        for index in site.pages.indices {
            guard case .item(let collection) = site.pages[index].kind, let entry = site.pages[index].entry else { continue }
            let idKey = site.dataModel.schemas[collection]?.idKey ?? "id"
            if let id = entry[idKey]?.scalarText { itemURLs[collection, default: [:]][id] = site.pages[index].url }
        }

        var resolved: [String: [[String: TemplateValue]]] = [:]
        var byID: [String: [String: [String: TemplateValue]]] = [:]
        let order = site.dataModel.resolutionOrder + site.data.keys.sorted().filter { !site.dataModel.resolutionOrder.contains($0) }
        for name in order {
            guard let file = site.data[name] else { continue }
            let schema = site.dataModel.schemas[name]
            var list: [[String: TemplateValue]] = []
            for entry in file.entries {
                var dict = entry.fields.templateValues
                images.addImages(to: &dict, fields: entry.fields, pathFields: pathFields(schema), config: site.config)
                ProgrammeData.decorate(file: name, entry: entry, value: &dict, config: site.config)
                if let id = entry.id, let url = itemURLs[name]?[id] {
                    dict["url"] = .text(site.config.href(url))
                    dict["permalink"] = .text(site.config.permalink(url))
                }
                for field in schema?.record.fields ?? [] {
                    switch field.type {
                    case .markdown:
                        // `.md` links and files next to the data, as in pages (with the base path).
                        if let text = entry.fields[field.name]?.string,
                           let html = LinkResolver.dataMarkdown(text, file: file.path, site: site) {
                            dict[field.name + "_html"] = .text(html)
                        }
                    case .reference(let target):
                        if let id = entry.fields[field.name]?.string {
                            dict[field.name] = .map(lookup(target, id, byID: byID, withheld: site.data[target]?.withheldIDs ?? []))
                        }
                    case .list(.reference(let target)):
                        let ids = entry.fields[field.name]?.list?.compactMap(\.string) ?? []
                        dict[field.name] = .list(ids.map { .map(lookup(target, $0, byID: byID, withheld: site.data[target]?.withheldIDs ?? [])) })
                    default:
                        break
                    }
                }
                if let id = entry.id { byID[name, default: [:]][id] = dict }
                list.append(dict)
            }
            resolved[name] = list
        }
        var data = ProgrammeData.views(resolved: resolved, byID: byID, site: site)
        data["reports"] = AnnualReport.templateValues(site: site)
        // Counts as a Russian reader writes them (1 250), once nothing here computes with them.
        return DisplayNumber.counts(in: .map(data), keys: ProgrammeData.displayedCounts)
    }

    /// The keys of a schema that name files (a photo, a cover, a document); `photo` for data
    /// files without a schema.
    static func pathFields(_ schema: FileSchema?) -> [String] {
        guard let schema else { return ["photo"] }
        return schema.record.fields.compactMap { field in
            if case .path = field.type { return field.name } else { return nil }
        }
    }

    /// The entry `id` of `target` names, marked `published`; a withheld one is only a placeholder.
    private static func lookup(_ target: String, _ id: String, byID: [String: [String: [String: TemplateValue]]],
                               withheld: Set<String>) -> [String: TemplateValue] {
        if withheld.contains(id) { return ProgrammeData.withheldPlaceholder(in: target) }
        var entry = byID[target]?[id] ?? ["id": .text(id)]
        entry["published"] = true
        return entry
    }
}
