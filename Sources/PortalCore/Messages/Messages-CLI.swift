// The catalogue of messages: the command line (`portal build`, `check`, `serve`, `audit`,
// `init`, `new`), its options and the lines it prints when done. Each message once, in both
// languages, with a stable id (see docs/architecture.md, "How to add a message").

import Foundation

extension Message {
    public static func initValueEmpty(name: String) -> Message {
        Message("init.value-empty", ["name": name],
                en: "\(name): must not be empty",
                ru: "\(name): значение не может быть пустым")
    }

    public static func initValueNotOneLine(name: String) -> Message {
        Message("init.value-not-one-line", ["name": name],
                en: "\(name): must be one line of text",
                ru: "\(name): нужна одна строка текста")
    }

    public static var initFolderNotEmpty: Message {
        Message("init.folder-not-empty",
                en: "the folder is not empty: portal init writes a new site only into an empty folder (or one with only .git)",
                ru: "папка не пуста: portal init создаёт сайт только в пустой папке (или в папке, где есть только .git)")
    }

    public static var initFolderIsFile: Message {
        Message("init.folder-is-file",
                en: "this is a file, not a folder",
                ru: "это файл, а не папка")
    }

    public static func initCannotWrite(reason: String) -> Message {
        Message("init.cannot-write", ["reason": reason],
                en: "cannot write the site: \(reason)",
                ru: "не удаётся записать сайт: \(reason)")
    }

    public static var initSchoolMissing: Message {
        Message("init.school-missing",
                en: "--school is required (the school's name as the programme names it)",
                ru: "укажите --school: полное название школы, как в программе (--school \"МБОУ СОШ № 1 г. Михайловска\")")
    }

    public static var initShareMissing: Message {
        Message("init.share-missing",
                en: "portal's starter files were not found: set PORTAL_SHARE to the folder with Starter/, Themes/ and docs/ci/ (make install puts them in <prefix>/share/portal)",
                ru: "не найдены файлы заготовки сайта: укажите в PORTAL_SHARE папку с Starter/, Themes/ и docs/ci/ (make install кладёт их в <prefix>/share/portal)")
    }

    public static func initDone(school: String, folder: String, files: Int) -> Message {
        Message("init.done", ["school": school, "folder": folder, "files": files],
                en: "created the site of \(school) in \(folder) (\(files) files); it builds with --strict",
                ru: "сайт «\(school)» создан в \(folder) (файлов: \(files)); сборка с --strict проходит")
    }

    public static func initNext(folder: String) -> Message {
        Message("init.next", ["folder": folder],
                en: "next: portal serve --root \(folder) to preview; push it to GitHub or GitLab to publish (docs/ru/)",
                ru: "дальше: portal serve --root \(folder) — предпросмотр; отправьте папку в GitHub или GitLab, чтобы опубликовать (docs/ru/)")
    }

    public static func newDone(file: String) -> Message {
        Message("new.done", ["file": file],
                en: "created \(file)",
                ru: "создано: \(file)")
    }

    public static func cliTodayInvalid(value: String) -> Message {
        Message("cli.today-invalid", ["value": value],
                en: "--today expects a date like 2026-09-01, found \"\(value)\"",
                ru: "--today: ожидается дата вида 2026-09-01, а указано: «\(value)»")
    }

    public static func buildUpToDate(folder: String) -> Message {
        Message("build.up-to-date", ["folder": folder],
                en: "nothing changed since the last build; \(folder) is up to date",
                ru: "с прошлой сборки ничего не изменилось; \(folder) актуальна")
    }

    public static func buildDone(pages: Int, files: Int, seconds: String) -> Message {
        Message("build.done", ["pages": pages, "files": files, "seconds": seconds],
                en: "built \(pages) pages and \(files) files in \(seconds) s",
                ru: "собрано страниц: \(pages), файлов: \(files) за \(seconds) с")
    }

    public static func buildFailedOnWarnings(warnings: Int) -> Message {
        Message("build.failed-on-warnings", ["warnings": warnings],
                en: "\(warnings) warning\(warnings == 1 ? "" : "s") (--strict): the site was not written",
                ru: "предупреждений: \(warnings) (--strict): сайт не записан")
    }

    public static func buildFailed(errors: Int) -> Message {
        Message("build.failed", ["errors": errors],
                en: "\(errors) error\(errors == 1 ? "" : "s"): the site was not written",
                ru: "ошибок: \(errors): сайт не записан")
    }

    public static func checkFailed(errors: Int, warnings: Int) -> Message {
        Message("check.failed", ["errors": errors, "warnings": warnings],
                en: "\(errors) errors, \(warnings) warnings",
                ru: "ошибок: \(errors), предупреждений: \(warnings)")
    }

    public static func checkWarnings(warnings: Int) -> Message {
        Message("check.warnings", ["warnings": warnings],
                en: "no errors, \(warnings) warnings",
                ru: "ошибок нет, предупреждений: \(warnings)")
    }

    public static var checkClean: Message {
        Message("check.clean",
                en: "no problems found",
                ru: "проблем не найдено")
    }

    public static func serveBuilt(pages: Int, files: Int, seconds: String) -> Message {
        Message("serve.built", ["pages": pages, "files": files, "seconds": seconds],
                en: "built \(pages) pages and \(files) files in \(seconds) s",
                ru: "собрано страниц: \(pages), файлов: \(files) за \(seconds) с")
    }

    public static func serveRebuilt(pages: Int, files: Int, seconds: String) -> Message {
        Message("serve.rebuilt", ["pages": pages, "files": files, "seconds": seconds],
                en: "rebuilt \(pages) pages and \(files) files in \(seconds) s",
                ru: "пересобрано страниц: \(pages), файлов: \(files) за \(seconds) с")
    }

    public static func serveRebuiltQuietly(seconds: String) -> Message {
        Message("serve.rebuilt-quietly", ["seconds": seconds],
                en: "rebuilt in \(seconds) s",
                ru: "пересобрано за \(seconds) с")
    }

    public static func serveFailed(errors: Int) -> Message {
        Message("serve.failed", ["errors": errors],
                en: "\(errors) error\(errors == 1 ? "" : "s"): the pages show them until they are fixed",
                ru: "ошибок: \(errors): пока они не исправлены, страницы показывают их")
    }

    public static func serveListening(url: String) -> Message {
        Message("serve.listening", ["url": url],
                en: "serving \(url) (Ctrl-C stops)",
                ru: "сайт открыт по адресу \(url) (остановить: Ctrl-C)")
    }

    public static func auditConsentDateMissing(missing: Int, people: Int, names: String) -> Message {
        Message("audit.consent-date-missing", ["missing": missing, "people": people, "names": names],
                en: "\(missing) of \(people) published people have no consent_date: \(names)",
                ru: "без даты согласия (consent_date) публикуются: \(missing) из \(people): \(names)")
    }

    public static func auditDone(items: Int, people: Int) -> Message {
        Message("audit.done", ["items": items, "people": people],
                en: "\(items) personal data of \(people) people, each with a consent date",
                ru: "персональных данных: \(items), людей: \(people); у каждого есть дата согласия")
    }

    public static func serveCannotCreateWorkspace(folder: String, reason: String) -> Message {
        Message("serve.cannot-create-workspace", ["folder": folder, "reason": reason],
                en: "cannot create the preview folder \(folder): \(reason)",
                ru: "не удаётся создать папку для предпросмотра \(folder): \(reason)")
    }

    public static func serveHostInvalid(host: String) -> Message {
        Message("serve.host-invalid", ["host": host],
                en: "--host must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not «\(host)»",
                ru: "--host должен быть IP-адресом, например 127.0.0.1, 0.0.0.0 или ::1, а указано «\(host)»")
    }

    public static func servePortInUse(port: UInt16, host: String) -> Message {
        Message("serve.port-in-use", ["port": port, "host": host],
                en: "port \(port) on \(host) is in use; choose another with --port",
                ru: "порт \(port) на \(host) занят; выберите другой с помощью --port")
    }

    public static func servePortPrivileged(port: UInt16) -> Message {
        Message("serve.port-privileged", ["port": port],
                en: "port \(port) needs administrator rights; choose one above 1023 with --port",
                ru: "порт \(port) требует прав администратора; выберите порт больше 1023 с помощью --port")
    }

    public static func serveHostNotLocal(host: String) -> Message {
        Message("serve.host-not-local", ["host": host],
                en: "\(host) is not an address of this computer; leave out --host to use 127.0.0.1",
                ru: "\(host) не является адресом этого компьютера; уберите --host, чтобы использовать 127.0.0.1")
    }

    public static func serveCannotListen(host: String, port: UInt16, reason: String) -> Message {
        Message("serve.cannot-listen", ["host": host, "port": port, "reason": reason],
                en: "cannot listen on \(host):\(port): \(reason)",
                ru: "не удаётся открыть \(host):\(port): \(reason)")
    }

    /// `portal build --verbose`: an entry left out of the site, and why (`reason`: `page.draft`…).
    public static func buildLeftOut(_ reason: Message, at location: SourceLocation) -> Message {
        Message("build.left-out", wrapping: reason, ["location": location],
                en: "\(location): left out: \(reason.english)",
                ru: "\(location): не публикуется: \(reason.russian)")
    }

    /// `portal build --verbose`: one step of the build and its wall and CPU time.
    public static func buildPhase(name: String, seconds: Double, cpuSeconds: Double) -> Message {
        let line = String(format: "  %-28@ %.3f s (CPU %.3f s)", name as NSString, seconds, cpuSeconds)
        return Message("build.phase", ["name": name, "seconds": seconds, "cpuSeconds": cpuSeconds],
                       en: line, ru: line.replacingOccurrences(of: "CPU", with: "ЦП"))
    }

    /// The progress line on a terminal: `pages: 120/400`.
    public static var buildProgressLabel: Message {
        Message("build.progress-label", en: "pages", ru: "страницы")
    }

    /// `portal audit`: one published piece of personal data and its consent (`consentDate` nil:
    /// none recorded).
    public static func auditItem(location: SourceLocation, person: String, what: String, value: String,
                                 consentDate: SimpleDate?, document: String?) -> Message {
        let shownDocument = document.map { " (\($0))" } ?? ""
        let consent = consentDate.map { "consent of \($0.iso)\(shownDocument)" } ?? "NO CONSENT DATE (consent_date)"
        let consentRussian = consentDate.map { "согласие от \($0.russian)\(shownDocument)" } ?? "НЕТ ДАТЫ СОГЛАСИЯ (consent_date)"
        return Message("audit.item", ["location": location, "person": person, "what": what, "value": value,
                                      "consentDate": consentDate?.iso ?? "", "document": document ?? ""],
                       en: "\(location): \(person): \(what) «\(value)» — \(consent)",
                       ru: "\(location): \(person): \(what) «\(value)» — \(consentRussian)")
    }
}
