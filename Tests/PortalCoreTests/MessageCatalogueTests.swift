import Foundation
import PortalCore
import Testing

/// Every message of the catalogue (`Sources/PortalCore/Messages/`), made once with sample
/// values. A message added to the catalogue and not here fails `everyMessageIsListed`.
let catalogueSamples: [Message] = {
    let date = SimpleDate(parsing: "2025-09-01")!
    let location = SourceLocation(path: "Content/a.md", line: 1, column: 2)
    return [
        // Messages-Build.swift
        .outputNameTooLong(name: "x", length: 2, limit: 2),
        .outputPageAndFileClash(file: "x", destination: "x"),
        .outputGeneratedClash(path: "x", reason: "x"),
        .outputIsSource(folder: "x"),
        .outputCannotCreateStaging(folder: "x", reason: "x"),
        .outputKeptNameClash(name: "x", folder: "x"),
        .outputDanglingLink(folder: "x", target: "x"),
        .outputIsFile(folder: "x"),
        .outputForeignEntry(folder: "x", entry: "x"),
        .outputCannotCreateLock(lock: "x", reason: "x"),
        .outputWaitingForLock(folder: "x", lock: "x"),
        .outputCannotLock(lock: "x", reason: "x"),
        .imageFormatUnsupported(ext: "x"),
        .imageEmpty,
        .imageSVGScript(what: "x"),
        .imageDamaged(detail: "x"),
        .imageLibraryUnavailable(detail: "x"),
        .imageVariantClash(path: "x", other: "x"),
        .imageTooLarge(megabytes: "x", width: 2, height: 2),
        .imageUnpublishable(.unpublishedDraft),
        .imageUseUnpublishable(.unpublishedDraft, image: "x", path: "x"),
        .outputIOFailed(.write, path: "x", reason: "x"),
        // Messages-CLI.swift
        .initValueEmpty(name: "x"),
        .initValueNotOneLine(name: "x"),
        .initFolderNotEmpty,
        .initFolderIsFile,
        .initCannotWrite(reason: "x"),
        .initSchoolMissing,
        .initShareMissing,
        .initDone(school: "x", folder: "x", files: 2),
        .initNext(folder: "x"),
        .newDone(file: "x"),
        .cliTodayInvalid(value: "x"),
        .buildUpToDate(folder: "x"),
        .buildDone(pages: 2, files: 2, seconds: "x"),
        .buildFailedOnWarnings(warnings: 2),
        .buildFailed(errors: 2),
        .checkFailed(errors: 2, warnings: 2),
        .checkWarnings(warnings: 2),
        .checkClean,
        .serveBuilt(pages: 2, files: 2, seconds: "x"),
        .serveRebuilt(pages: 2, files: 2, seconds: "x"),
        .serveRebuiltQuietly(seconds: "x"),
        .serveFailed(errors: 2),
        .serveListening(url: "x"),
        .auditConsentDateMissing(missing: 2, people: 2, names: "x"),
        .auditDone(items: 2, people: 2),
        .serveCannotCreateWorkspace(folder: "x", reason: "x"),
        .serveHostInvalid(host: "x"),
        .servePortInUse(port: 8080, host: "x"),
        .servePortPrivileged(port: 8080),
        .serveHostNotLocal(host: "x"),
        .serveCannotListen(host: "x", port: 8080, reason: "x"),
        .buildLeftOut(.unpublishedDraft, at: location),
        .buildPhase(name: "x", seconds: 1.5, cpuSeconds: 1.5),
        .buildProgressLabel,
        .auditItem(location: location, person: "x", what: "name", value: "x", consentDate: date, document: "x"),
        // Messages-Config.swift
        .configMissing,
        .configEmpty,
        .configBaseURLNotAbsolute(url: "x"),
        .configThemeNameInvalid(theme: "x"),
        .configMenuURLInvalid(index: 2, url: "x"),
        .configCollectionPatternInvalid(index: 2, pattern: "x"),
        .configNewsSectionInvalid(section: "x"),
        .configNewsTypeInvalid(type: "x"),
        .configNewsSectionEmpty(section: "x"),
        .baseURLNoHost(url: "x"),
        .baseURLNotPlain(url: "x"),
        .commandLineBaseURLNotAbsolute(url: "x"),
        // Messages-Data.swift
        .dataDuplicateName(name: "x", first: "x"),
        .dataEntryNotKeys(key: "x"),
        .dataValueNotUnique(key: "x", value: "x", first: location),
        .dataFileMissing(key: "x", file: "x"),
        .dataPhotoAltMissing(key: "x"),
        .dataCoverAltMissing(key: "x"),
        .dataDangerousLink(key: "x", link: "x", scheme: "x"),
        .dataRawHTML(key: "x", html: "x"),
        .dataReferenceFileMissing(key: "x", id: "x", target: "x"),
        .dataPathOutsideContent(key: "x", path: "x"),
        .menteePersonalData(key: "x"),
        .consentWithdrawn(name: "x", date: date),
        .consentMissingInSpreadsheet(name: "x"),
        .consentMissing(name: "x"),
        .spreadsheetNotUTF8,
        .spreadsheetUnreadable(reason: "x"),
        .spreadsheetInvalidCSV(error: "x"),
        .spreadsheetUnknownColumn(column: "x", allowed: "x"),
        .spreadsheetRepeatedColumn(column: "x", key: "x", first: location),
        .spreadsheetNestedColumn(key: "x"),
        .dataNotAList(found: .unpublishedDraft),
        .dataUnknownReference(key: "x", id: "x", file: "x", closest: "x"),
        .dataUnknownKey(key: "x", closest: "x", allowed: ["a", "b"]),
        .dataRequiredKeyMissing(key: "x", expected: .unpublishedDraft),
        .dataWrongType(key: "x", expected: .unpublishedDraft, found: .unpublishedDraft, colonInText: true),
        .workbookUnreadable(.unpublishedDraft),
        .workbookNotZip,
        .workbookPartDamaged(part: "x"),
        .workbookPartNotXML(part: "x", error: "x"),
        .workbookNoSheet,
        .workbookMissingSharedString(cell: "x"),
        // Messages-Files.swift
        .fileNotUTF8(guess: "x"),
        .fileBrokenUTF8,
        .fileUnreadable(reason: "x"),
        .unexpected(CocoaError(.fileNoSuchFile)),
        // Messages-Links.swift
        .linkOutsideContent(destination: "x"),
        .linkToUnpublished(destination: "x"),
        .linkToMissingPage(destination: "x", resolved: "x"),
        .pageRawHTML(html: "x"),
        .pageDangerousLink(link: "x", scheme: "x"),
        .imageAltMissingInMarkdown(image: "x"),
        .checkLinkOutsideSite(link: "x"),
        .checkLinkToMissing(link: "x", target: "x"),
        .checkAnchorMissing(link: "x", anchor: "x", page: "x"),
        .imageNotPicture(image: "x"),
        .linkToMissingFile(destination: "x", resolved: "x"),
        .imageToMissingFile(destination: "x", resolved: "x"),
        .linkOutsideBasePath(destination: "x", basePath: "x"),
        .imageAltMissing(image: "x"),
        .checkInTemplate(.unpublishedDraft, page: "x", template: "x"),
        // Messages-Pages.swift
        .pageNoFrontMatter,
        .pageSlugInvalid(slug: "x", example: "x"),
        .pageSlugOnSection,
        .pageTitleEmpty,
        .pageAliasNotPath(index: 2, alias: "x"),
        .pageAliasForbiddenCharacter(index: 2, alias: "x", character: "x"),
        .pagePaginateTooSmall(size: 2),
        .pageTemplateNameInvalid(template: "x"),
        .collectionKeyMissing(key: "x", pattern: "x", collection: location),
        .collectionEmptyAddress(key: "x", value: "x"),
        .pageCoverOutsideContent(cover: "x"),
        .pageCoverMissing(cover: "x", resolved: "x"),
        .pageCoverAltMissing,
        .pageAliasTaken(alias: "x", first: location),
        .pageURLTaken(url: "x", other: "x"),
        .pagePaginationURLTaken(number: 2, url: "x"),
        .contentLinkOutside(target: "x"),
        .contentLinkToFolder,
        .unpublishedDraft,
        .unpublishedFuture(date: date),
        .unpublishedExpired(date: date),
        .newTitleNoAddress(title: "x"),
        .newFileExists,
        .newCannotWrite(reason: "x"),
        .newCollectionInSpreadsheet(sheet: "x"),
        .newIDTaken(id: "x"),
        .addressPartTooLong(part: "x", length: 2, limit: 2),
        // Messages-Programme.swift
        .pairEndsBeforeStart(index: 2, end: date, start: date),
        .pairActiveButEnded(index: 2, end: date),
        .pairCompletedWithoutEnd(index: 2),
        .withdrawnNameInData(name: "x", id: "x"),
        .withdrawnNameInPage(name: "x", id: "x"),
        .stageHalfPeriod(key: "x", given: "x", missing: "x"),
        .stageNoPeriod(key: "x"),
        .stageEndsBeforeStart(key: "x", end: date, start: date),
        .stagePeriodDisagrees(key: "x", written: "x", period: "x"),
        .stageStatusDisagrees(key: "x", written: "x", period: "x", today: date, status: "x"),
        .scoreMaximumNotPositive(key: "x"),
        .scoreOutsideScale(key: "x", value: "x", maximum: "x"),
        .monitoringPairsDisagree(key: "x", written: 2, year: "x", pairsFile: "x", counted: 2),
        // Messages-Templates.swift
        .templateSyntax(.unpublishedDraft),
        .templateCloseTagMismatch,
        .templateTagUnfinished,
        .templateSectionUnclosed,
        .templateDelimiterInvalid,
        .templateTransformOnInheritance,
        .templateTextInInheritance,
        .templatePragmaUnknown,
        .templatePageValueInFragment(value: "x"),
        .templateValueMissingInView(value: "x"),
        .themeNotFound(name: "x", folder: "x"),
        .templateUnknown(name: "x"),
        .templateCycle(cycle: "x"),
        .templateMissingInTheme(name: "x", theme: "x"),
        .templateNoneForPage(theme: "x", candidates: "x"),
        // Messages-Words.swift
        .valueNothing,
        .valueText("x"),
        .valueList,
        .valueKeys,
        .expectText,
        .expectWholeNumber,
        .expectNumber,
        .expectFlag,
        .expectDate,
        .expectDateOrMonth,
        .expectOneOf(["a", "b"]),
        .expectList,
        .expectKeys,
        .expectReference(file: "x"),
        .expectPath,
        .expectValue,
        .expectCellFlag,
        .expectCellDate,
        .expectCellDateOrMonth,
        // Messages-YAML.swift
        .yamlFrontMatterUnclosed,
        .yamlTabIndentation,
        .yamlInvalid(error: "x"),
        .yamlMergeKey,
        .yamlSyntax(problem: "x", context: "x"),
        .yamlDuplicateKey(keys: "x"),
        .yamlUnreadable(problem: "x"),
        .yamlAliasTooLarge(alias: "x", limit: 2),
        .yamlAliasTooDeep(alias: "x", limit: 2)
    ]
}()

@Suite struct MessageCatalogueTests {
    static let messagesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/PortalCore/Messages")

    /// The ids written in the catalogue's source, `Message("area.what", …`.
    static func idsInSource() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: messagesFolder.path).filter { $0.hasSuffix(".swift") }
        var ids: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: messagesFolder.appendingPathComponent(file), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"Message\("([^"]*)""#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                ids.append(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return ids
    }

    @Test func idsAreUniqueAndWellFormed() throws {
        let ids = try Self.idsInSource()
        #expect(ids.count > 150)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated == [], "ids used by more than one message")
        for id in ids {
            #expect(id.wholeMatch(of: /[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*/) != nil, "id \(id) is not area.what-happened")
        }
    }

    @Test func everyMessageIsListed() throws {
        let listed = Set(catalogueSamples.map(\.id))
        let missing = Set(try Self.idsInSource()).subtracting(listed).sorted()
        #expect(missing == [], "add these to catalogueSamples")
    }

    @Test func noTextIsEmptyInEitherLanguage() {
        for message in catalogueSamples {
            #expect(!message.english.trimmingCharacters(in: .whitespaces).isEmpty, "\(message.id) has no English")
            #expect(!message.russian.trimmingCharacters(in: .whitespaces).isEmpty, "\(message.id) has no Russian")
            #expect(message.english == Diagnostic.escapingControls(message.english), "\(message.id)")
        }
    }

    /// Russian text is Russian: every message but the two that only quote a value
    /// (a text value, the system's own words for an error) has Cyrillic letters in Russian.
    @Test func russianTextIsRussian() {
        let exempt: Set<String> = ["portal.unexpected", "value.text"]
        for message in catalogueSamples where !exempt.contains(message.id) {
            #expect(message.russian.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) },
                    "\(message.id): \(message.russian)")
        }
    }

    /// Arguments are the values the message was made with, by parameter name.
    @Test func argumentsAreKeptByName() {
        let message = Message.yamlAliasTooLarge(alias: "base", limit: 100_000)
        #expect(message.id == "yaml.alias-too-large")
        #expect(message.arguments == ["alias": "base", "limit": "100000"])
        let wrapped = Message.workbookUnreadable(.workbookPartDamaged(part: "xl/workbook.xml"))
        #expect(wrapped.id == "data.workbook-unreadable")
        #expect(wrapped.arguments == ["reason": "data.workbook-part-damaged", "part": "xl/workbook.xml"])
        let keyed = Message.baseURLNoHost(url: "https://").keyed("--base-url")
        #expect(keyed.id == "config.base-url-no-host")
        #expect(keyed.arguments["key"] == "--base-url")
        #expect(keyed.english == "--base-url: \"https://\" has no host name (https://school.example.ru/)")
        let written = keyed.with(argument: "url", "https://x")
        #expect(written.arguments["url"] == "https://x" && written.english == keyed.english && written.id == keyed.id)
    }

    /// The build cache keeps warnings as JSON: a message comes back whole, and is written the
    /// same way every time (arguments in name order).
    @Test func aMessageIsSavedAndReadBackWhole() throws {
        let message = Message.stageStatusDisagrees(key: "stages[1]", written: "in_progress", period: "ноябрь – апрель",
                                                   today: SimpleDate(parsing: "2026-11-29")!, status: "done")
        let json = try JSONEncoder().encode(message)
        #expect(try JSONDecoder().decode(Message.self, from: json) == message)
        #expect(String(decoding: json, as: UTF8.self).contains(#"[["key","stages[1]"],["period","ноябрь – апрель"],["status","done"],["today","2026-11-29"],["written","in_progress"]]"#))
    }

    // A few messages as the teacher reads them, in both languages.

    @Test func consentMessageReadsInBothLanguages() throws {
        let message = Message.consentWithdrawn(name: "Иванова Мария Петровна", date: try #require(SimpleDate(parsing: "2025-10-01")))
        #expect(message.english == "\"Иванова Мария Петровна\" withdrew consent to the processing of personal data on 2025-10-01, so they are not published; delete this entry (and its photo) from the repository")
        #expect(message.russian == "«Иванова Мария Петровна» отозвал(а) согласие на обработку персональных данных 1 октября 2025 г., поэтому сведения не публикуются; удалите эту запись (и фотографию) из репозитория")
        #expect(message.arguments["date"] == "2025-10-01")
    }

    @Test func typeMismatchReadsInBothLanguages() {
        let message = Message.dataWrongType(key: "mentors[2].since", expected: .expectWholeNumber, found: .valueText("давно"),
                                            colonInText: false)
        #expect(message.id == "data.wrong-type")
        #expect(message.arguments == ["key": "mentors[2].since", "expected": "expect.whole-number", "found": "value.text"])
        #expect(message.english == "mentors[2].since: expected a whole number, found \"давно\"")
        #expect(message.russian == "mentors[2].since: ожидается целое число, а указано: «давно»")
    }

    @Test func buildSummaryReadsInBothLanguages() {
        let message = Message.buildDone(pages: 120, files: 40, seconds: "1.25")
        #expect(message.text(in: .english) == "built 120 pages and 40 files in 1.25 s")
        #expect(message.text(in: .russian) == "собрано страниц: 120, файлов: 40 за 1.25 с")
    }

    /// Only the catalogue makes messages: no other source file writes `Message("…", en: …)`.
    @Test func noMessageIsWrittenOutsideTheCatalogue() throws {
        let sources = Self.messagesFolder.deletingLastPathComponent().deletingLastPathComponent()
        var offenders: [String] = []
        for entry in FileManager.default.enumerator(atPath: sources.path)!.compactMap({ $0 as? String })
        where entry.hasSuffix(".swift") && !entry.hasPrefix("PortalCore/Messages/") {
            let text = try String(contentsOf: sources.appendingPathComponent(entry), encoding: .utf8)
            if text.contains(/(^|[^A-Za-z_])(en|ru): "/) { offenders.append(entry) }
        }
        #expect(offenders == [])
    }
}
