// The catalogue of messages: site.yml (address, theme, menu, collections, news) and the
// command line's site address. Each message once, in both languages, with a stable id (see
// docs/architecture.md, "How to add a message").

extension Message {
    public static var configMissing: Message {
        Message("config.missing",
                en: "the site has no configuration file; create it with at least title: and base_url:",
                ru: "у сайта нет файла настроек; создайте его и укажите хотя бы title: и base_url:")
    }

    public static var configEmpty: Message {
        Message("config.empty",
                en: "site.yml is empty; it needs at least title: and base_url:",
                ru: "site.yml пуст; укажите в нём хотя бы title: и base_url:")
    }

    public static func configBaseURLNotAbsolute(url: String) -> Message {
        Message("config.base-url-not-absolute", ["url": url],
                en: "base_url: expected an absolute address like https://school.example.ru/, found \"\(url)\"",
                ru: "base_url: нужен полный адрес сайта вида https://school.example.ru/, а указано «\(url)»")
    }

    public static func configThemeNameInvalid(theme: String) -> Message {
        Message("config.theme-name-invalid", ["theme": theme],
                en: "theme: \"\(theme)\" is not a theme folder name",
                ru: "theme: «\(theme)» — не имя папки темы")
    }

    public static func configMenuURLInvalid(index: Int, url: String) -> Message {
        Message("config.menu-url-invalid", ["index": index, "url": url],
                en: "menu[\(index)].url: \"\(url)\" must be a path on this site (/stages/) or an http(s) address",
                ru: "menu[\(index)].url: «\(url)» должен быть адресом на этом сайте (/stages/) или адресом http(s)")
    }

    public static func configCollectionPatternInvalid(index: Int, pattern: String) -> Message {
        Message("config.collection-pattern-invalid", ["index": index, "pattern": pattern],
                en: "collections[\(index)].url: expected a pattern like /mentors/{id}/, found \"\(pattern)\"",
                ru: "collections[\(index)].url: нужен шаблон адреса вида /mentors/{id}/, а указано «\(pattern)»")
    }

    public static func configNewsSectionInvalid(section: String) -> Message {
        Message("config.news-section-invalid", ["section": section],
                en: "news.section: expected a section path like /news/, found \"\(section)\"",
                ru: "news.section: нужен адрес раздела вида /news/, а указано «\(section)»")
    }

    public static func configNewsTypeInvalid(type: String) -> Message {
        Message("config.news-type-invalid", ["type": type],
                en: "news.json_ld_type: expected a schema.org type like NewsArticle, found \"\(type)\"",
                ru: "news.json_ld_type: нужен тип schema.org вида NewsArticle, а указано «\(type)»")
    }

    public static func configNewsSectionEmpty(section: String) -> Message {
        Message("config.news-section-empty", ["section": section],
                en: "news.section: no page is published under \(section); create Content\(section)index.md or fix the path",
                ru: "news.section: в разделе \(section) нет ни одной страницы; создайте Content\(section)index.md или исправьте адрес")
    }

    public static func baseURLNoHost(url: String) -> Message {
        Message("config.base-url-no-host", ["url": url],
                en: "\"\(url)\" has no host name (https://school.example.ru/)",
                ru: "в адресе «\(url)» нет имени сайта (https://school.example.ru/)")
    }

    public static func baseURLNotPlain(url: String) -> Message {
        Message("config.base-url-not-plain", ["url": url],
                en: "\"\(url)\" must be a plain address of a folder, like https://school.example.ru/nastavnichestvo/",
                ru: "адрес «\(url)» должен быть простым адресом папки, например https://school.example.ru/nastavnichestvo/")
    }

    public static func commandLineBaseURLNotAbsolute(url: String) -> Message {
        Message("cli.base-url-not-absolute", ["url": url],
                en: "--base-url: expected an absolute address like https://school.example.ru/, found \"\(url)\"",
                ru: "--base-url: нужен полный адрес сайта вида https://school.example.ru/, а указано «\(url)»")
    }
}
