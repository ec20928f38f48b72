import Foundation
import PortalCore
import Testing

@Suite struct SourceTextTests {
    @Test func byteOrderMarkAndCRLFJustWork() throws {
        let text = try SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r\n".utf8)), path: "x.yml")
        #expect(text == "a: 1\nb: 2\n")
    }

    @Test func windows1251IsNamed() {
        // «Привет» in Windows-1251.
        let bytes: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x0A]
        #expect(throws: Diagnostic.error(at: SourceLocation(path: "Content/a.md", line: 1, column: 1),
                                         .fileNotUTF8(guess: "Windows-1251"))) {
            try SourceText.decode(Data(bytes), path: "Content/a.md")
        }
        do {
            _ = try SourceText.decode(Data(bytes), path: "Content/a.md")
        } catch {
            #expect(error.message.id == "file.not-utf8")
            #expect(error.message.arguments == ["guess": "Windows-1251"])
            #expect(error.formatted() == "Content/a.md:1:1: error: the file is not UTF-8 (it looks like Windows-1251); save it as UTF-8 in your editor")
            #expect(error.formatted(in: .russian) == "Content/a.md:1:1: error: файл не в кодировке UTF-8 (похоже на Windows-1251); сохраните его в UTF-8")
        }
    }

    @Test func validTextComesBackAsItIsAndEveryBrokenSequenceIsRefused() throws {
        let valid = "title: «Ёлка» — 𝄞 и 😀\nтекст\n"
        #expect(try SourceText.decode(Data(valid.utf8), path: "a.md") == valid)
        #expect(try SourceText.decode(Data(), path: "a.md") == "")
        // A sequence cut at the end, an overlong "/", a surrogate, a lone continuation byte: each
        // after valid Russian text, so the decoder's repair would otherwise hide it.
        for broken: [UInt8] in [[0xD0], [0xE2, 0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80]] {
            let bytes = Array("заголовок: ".utf8) + broken
            #expect(throws: Diagnostic.self) { try SourceText.decode(Data(bytes), path: "a.md") }
        }
    }

    @Test func utf16IsNamed() throws {
        let data = "title: Привет".data(using: .utf16)!
        do {
            _ = try SourceText.decode(data, path: "a.md")
            Issue.record("decoded UTF-16 as UTF-8")
        } catch {
            #expect(error.formatted() == "a.md:1:1: error: the file is not UTF-8 (it looks like UTF-16); save it as UTF-8 in your editor")
        }
    }
}

@Suite struct DiagnosticTests {
    @Test func formatsLikeACompiler() {
        let d = Diagnostic.error(at: SourceLocation(path: "Content/data/mentors.yml", line: 14, column: 5), .fileUnreadable(reason: "bad"))
        #expect(d.formatted() == "Content/data/mentors.yml:14:5: error: cannot read the file: bad")
        #expect(d.formatted(in: .russian) == "Content/data/mentors.yml:14:5: error: не удаётся прочитать файл: bad")
    }

    @Test func languageFollowsTheSiteThenTheLocale() {
        #expect(Language.choose(siteLanguage: "ru", environment: [:]) == .russian)
        #expect(Language.choose(siteLanguage: "en", environment: ["LANG": "ru_RU.UTF-8"]) == .russian)
        #expect(Language.choose(siteLanguage: "en", environment: ["LANG": "C.UTF-8"]) == .english)
    }

    @Test func sortedIsInFileOrderWithoutRepeats() {
        var log = DiagnosticLog()
        log.error(at: SourceLocation(path: "b.md", line: 1, column: 1), .fileUnreadable(reason: "x"))
        log.error(at: SourceLocation(path: "a.md", line: 9, column: 1), .fileUnreadable(reason: "y"))
        log.error(at: SourceLocation(path: "a.md", line: 2, column: 1), .fileUnreadable(reason: "z"))
        log.error(at: SourceLocation(path: "a.md", line: 2, column: 1), .fileUnreadable(reason: "z"))
        #expect(log.sorted.map { "\($0.location!) \($0.message.arguments["reason"]!)" } == ["a.md:2:1 z", "a.md:9:1 y", "b.md:1:1 x"])
    }
}

@Suite struct SimpleDateTests {
    @Test func parsesAndPrintsInRussian() throws {
        let date = try #require(SimpleDate(parsing: "2024-01-03"))
        #expect(date.russian == "3 января 2024 г.")
        #expect(date.iso == "2024-01-03")
        #expect(SimpleDate(parsing: "2025-02-29") == nil)
        #expect(SimpleDate(parsing: "вчера") == nil)
        #expect(SimpleDate(parsing: "2025-09-01T10:00:00")?.iso == "2025-09-01")
    }
}
