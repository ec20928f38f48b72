// The catalogue of messages: YAML (syntax, front matter, aliases). Each message once, in both
// languages, with a stable id (see docs/architecture.md, "How to add a message").

extension Message {
    public static var yamlFrontMatterUnclosed: Message {
        Message("yaml.front-matter-unclosed",
                en: "the front matter opened by --- on line 1 is never closed; add a line --- after it",
                ru: "блок параметров, открытый строкой --- в строке 1, не закрыт; добавьте после него строку ---")
    }

    public static var yamlTabIndentation: Message {
        Message("yaml.tab-indentation",
                en: "a tab is used for indentation; YAML allows only spaces there",
                ru: "для отступа использован символ табуляции; в YAML отступы делаются только пробелами")
    }

    /// An error from Yams that is none of libyaml's (said as Yams says it).
    public static func yamlInvalid(error: String) -> Message {
        Message("yaml.invalid", ["error": error],
                en: "invalid YAML: \(error)",
                ru: "ошибка YAML: \(error)")
    }

    public static var yamlMergeKey: Message {
        Message("yaml.merge-key",
                en: "merge keys (<<) are not supported; write the keys out in this block",
                ru: "ключи слияния (<<) не поддерживаются; перечислите ключи в этом блоке явно")
    }

    /// `problem`: libyaml's words; `context`: where it was, as libyaml says it
    /// (` (while parsing a flow sequence at line 3)`), or empty.
    public static func yamlSyntax(problem: String, context: String) -> Message {
        Message("yaml.syntax", ["problem": problem, "context": context],
                en: "invalid YAML: \(problem)\(context)",
                ru: "ошибка в записи YAML: \(problem)\(context)")
    }

    public static func yamlDuplicateKey(keys: String) -> Message {
        Message("yaml.duplicate-key", ["keys": keys],
                en: "the key \(keys) is given twice in the same block",
                ru: "ключ \(keys) указан дважды в одном блоке")
    }

    public static func yamlUnreadable(problem: String) -> Message {
        Message("yaml.unreadable", ["problem": problem],
                en: "cannot read YAML: \(problem)",
                ru: "не удаётся прочитать YAML: \(problem)")
    }

    public static func yamlAliasTooLarge(alias: String, limit: Int) -> Message {
        Message("yaml.alias-too-large", ["alias": alias, "limit": limit],
                en: "the alias *\(alias) makes the data too large: aliases here repeat more than \(limit) values; write the values out instead of repeating them",
                ru: "псевдоним *\(alias) делает данные слишком большими: псевдонимы здесь повторяют больше \(limit) значений; запишите значения явно, без повторов")
    }

    public static func yamlAliasTooDeep(alias: String, limit: Int) -> Message {
        Message("yaml.alias-too-deep", ["alias": alias, "limit": limit],
                en: "the alias *\(alias) nests values more than \(limit) levels deep; write the values out instead of repeating them",
                ru: "псевдоним *\(alias) вкладывает значения глубже \(limit) уровней; запишите значения явно, без повторов")
    }
}
