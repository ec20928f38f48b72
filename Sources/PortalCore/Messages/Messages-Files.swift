// The catalogue of messages: files and their text. Each message once, in both languages, with a
// stable id (see docs/architecture.md, "How to add a message").

extension Message {
    public static func fileNotUTF8(guess: String) -> Message {
        Message("file.not-utf8", ["guess": guess],
                en: "the file is not UTF-8 (it looks like \(guess)); save it as UTF-8 in your editor",
                ru: "файл не в кодировке UTF-8 (похоже на \(guess)); сохраните его в UTF-8")
    }

    public static var fileBrokenUTF8: Message {
        Message("file.broken-utf8",
                en: "the file is not valid UTF-8 (a broken byte here); save it as UTF-8 in your editor",
                ru: "файл не в кодировке UTF-8 (здесь испорченный байт); сохраните его в UTF-8")
    }

    public static func fileUnreadable(reason: String) -> Message {
        Message("file.unreadable", ["reason": reason],
                en: "cannot read the file: \(reason)",
                ru: "не удаётся прочитать файл: \(reason)")
    }

    /// An error portal did not expect, said as the system said it.
    public static func unexpected(_ error: any Error) -> Message {
        Message("portal.unexpected", ["error": "\(error)"], en: "\(error)", ru: "\(error)")
    }
}
