import Foundation
import PortalContent
import PortalCore

/// schema.org JSON-LD for search engines: the school as an `EducationalOrganization` on the home
/// page, a `NewsArticle` (site.yml's `news.json_ld_type`) for each news post. Templates insert it with
/// `<script type="application/ld+json">{{{page.json_ld}}}</script>`.
enum StructuredData {
    static func jsonLD(for page: Page, description: String, site: Site, image: String? = nil) -> String? {
        let config = site.config
        let schoolName = config.params["school_full_name"]?.string ?? config.params["school"]?.string ?? config.title
        let organization: [String: Any] = ["@type": "EducationalOrganization", "name": schoolName, "url": config.baseURL]
        var object: [String: Any]
        if page.kind == .home {
            object = organization
            object["description"] = description
            if let address = config.params["address"]?.string { object["address"] = address }
            if let phone = config.params["phone"]?.string { object["telephone"] = phone }
            if let email = config.params["email"]?.string { object["email"] = email }
        } else if config.news.contains(page), let date = page.date {
            object = [
                "@type": config.news.jsonLDType,
                "headline": page.title,
                "description": description,
                "datePublished": date.iso,
                "mainEntityOfPage": config.permalink(page.url),
                "author": organization,
                "publisher": organization,
                "inLanguage": config.language,
            ]
            if let image { object["image"] = image }
        } else {
            return nil
        }
        object["@context"] = "https://schema.org"
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return nil
        }
        // Inside <script>, "</script>" or "<!--" in a title must not end the element.
        return HTMLEscaping.replacingBytes(of: data) { byte in
            switch byte {
            case 0x3C: "\\u003c"
            case 0x3E: "\\u003e"
            case 0x26: "\\u0026"
            default: nil
            }
        }
    }
}
