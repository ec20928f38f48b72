// The catalogue of messages: template syntax and what templates may use. Each message once, in
// both languages, with a stable id (see docs/architecture.md, "How to add a message").

extension Message {
    /// `reason`: one of the `template…` reasons below, or `.unexpected`.
    public static func templateSyntax(_ reason: Message) -> Message {
        Message("template.syntax", wrapping: reason,
                en: "template syntax: \(reason.english)",
                ru: "ошибка в шаблоне: \(reason.russian)")
    }

    public static var templateCloseTagMismatch: Message {
        Message("template.close-tag-mismatch",
                en: "this closing tag {{/…}} does not match the section it closes",
                ru: "закрывающий тег {{/…}} не совпадает с открытым разделом")
    }

    public static var templateTagUnfinished: Message {
        Message("template.tag-unfinished", en: "a tag is not finished; close it with }}", ru: "тег не закрыт; закройте его символами }}")
    }

    public static var templateSectionUnclosed: Message {
        Message("template.section-unclosed", en: "a section is never closed; add {{/name}}", ru: "раздел не закрыт; добавьте {{/имя}}")
    }

    public static var templateDelimiterInvalid: Message {
        Message("template.delimiter-invalid", en: "invalid delimiter change {{=… …=}}", ru: "неверная смена разделителей {{=… …=}}")
    }

    public static var templateTransformOnInheritance: Message {
        Message("template.transform-on-inheritance",
                en: "a transform cannot be applied to an inheritance section",
                ru: "к разделу наследования нельзя применять преобразование")
    }

    public static var templateTextInInheritance: Message {
        Message("template.text-in-inheritance",
                en: "inside {{<parent}} … {{/parent}} only {{$block}} overrides may stand",
                ru: "внутри {{<родитель}} … {{/родитель}} допустимы только переопределения {{$блок}}")
    }

    public static var templatePragmaUnknown: Message {
        Message("template.pragma-unknown", en: "unknown or malformed {{% pragma}}", ru: "неизвестная или неверная директива {{% …}}")
    }

    /// `value`: the tag's name (`page.title`).
    public static func templatePageValueInFragment(value: String) -> Message {
        Message("template.page-value-in-fragment", ["value": value],
                en: "a fragment is rendered once for all pages and cannot use page values (\(value)); move this part to a page template",
                ru: "фрагмент отрисовывается один раз для всех страниц и не может использовать значения страницы (\(value)); перенесите эту часть в шаблон страницы")
    }

    /// `value`: the tag's name (`menu`, `fragments.x`).
    public static func templateValueMissingInView(value: String) -> Message {
        Message("template.value-missing-in-view", ["value": value],
                en: "a view is rendered once per page, for every list, and has only page, site and data (\(value)); move this part to the page template that shows the list",
                ru: "представление отрисовывается один раз для каждой страницы, для всех списков, и в нём есть только page, site и data (\(value)); перенесите эту часть в шаблон страницы со списком")
    }

    public static func themeNotFound(name: String, folder: String) -> Message {
        Message("theme.not-found", ["name": name, "folder": folder],
                en: "theme \"\(name)\" not found: there is no folder \(folder)",
                ru: "тема «\(name)» не найдена: нет папки \(folder)")
    }

    public static func templateUnknown(name: String) -> Message {
        Message("template.unknown", ["name": name],
                en: "unknown template \"\(name)\" (no file \(name).mustache in the theme's templates)",
                ru: "неизвестный шаблон «\(name)» (в теме нет файла \(name).mustache)")
    }

    public static func templateCycle(cycle: String) -> Message {
        Message("template.cycle", ["cycle": cycle],
                en: "templates include each other without end: \(cycle)",
                ru: "шаблоны бесконечно включают друг друга: \(cycle)")
    }

    public static func templateMissingInTheme(name: String, theme: String) -> Message {
        Message("template.missing-in-theme", ["name": name, "theme": theme],
                en: "unknown template \"\(name)\": the theme \(theme) has no templates/\(name).mustache",
                ru: "неизвестный шаблон «\(name)»: в теме \(theme) нет файла templates/\(name).mustache")
    }

    public static func templateNoneForPage(theme: String, candidates: String) -> Message {
        Message("template.none-for-page", ["theme": theme, "candidates": candidates],
                en: "no template for this page: the theme \(theme) has none of \(candidates)",
                ru: "нет шаблона для этой страницы: в теме \(theme) нет ни одного из файлов \(candidates)")
    }
}
