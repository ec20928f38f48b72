// The catalogue of messages: pages (front matter, addresses, aliases, covers, lists, drafts,
// `portal new`). Each message once, in both languages, with a stable id (see
// docs/architecture.md, "How to add a message").

extension Message {
    public static var pageNoFrontMatter: Message {
        Message("page.no-front-matter",
                en: "the page has no front matter: start the file with a line ---, then title: Page title, then ---",
                ru: "у страницы нет блока параметров: начните файл строкой ---, затем title: Заголовок страницы, затем ---")
    }

    public static func pageSlugInvalid(slug: String, example: String) -> Message {
        Message("page.slug-invalid", ["slug": slug, "example": example],
                en: "slug: \"\(slug)\" may hold only small Latin letters, digits and hyphens (e.g. \(example))",
                ru: "slug: «\(slug)» может содержать только строчные латинские буквы, цифры и дефисы (например, \(example))")
    }

    public static var pageSlugOnSection: Message {
        Message("page.slug-on-section",
                en: "slug is ignored on a section page; rename the folder instead",
                ru: "slug не действует на странице раздела; переименуйте папку")
    }

    public static var pageTitleEmpty: Message {
        Message("page.title-empty",
                en: "title: the page title is empty",
                ru: "title: заголовок страницы пуст")
    }

    public static func pageAliasNotPath(index: Int, alias: String) -> Message {
        Message("page.alias-not-path", ["index": index, "alias": alias],
                en: "aliases[\(index)]: \"\(alias)\" must be a path on this site starting with /",
                ru: "aliases[\(index)]: «\(alias)» должен быть адресом на этом сайте, начинающимся с /")
    }

    public static func pageAliasForbiddenCharacter(index: Int, alias: String, character: String) -> Message {
        Message("page.alias-forbidden-character", ["index": index, "alias": alias, "character": character],
                en: "aliases[\(index)]: \"\(alias)\" holds \"\(character)\", which an address may not hold here; use letters, digits, - _ . ~ and / only",
                ru: "aliases[\(index)]: «\(alias)» содержит «\(character)», недопустимый в адресе; используйте только буквы, цифры, - _ . ~ и /")
    }

    public static func pagePaginateTooSmall(size: Int) -> Message {
        Message("page.paginate-too-small", ["size": size],
                en: "paginate: expected at least 1 item per page, found \(size)",
                ru: "paginate: на странице должен быть хотя бы 1 элемент, а указано \(size)")
    }

    public static func pageTemplateNameInvalid(template: String) -> Message {
        Message("page.template-name-invalid", ["template": template],
                en: "template: \"\(template)\" is not a template name (letters, digits, - and _ with / between folders)",
                ru: "template: «\(template)» — недопустимое имя шаблона (буквы, цифры, - и _, папки через /)")
    }

    public static func collectionKeyMissing(key: String, pattern: String, collection: SourceLocation) -> Message {
        Message("collection.key-missing", ["key": key, "pattern": pattern, "collection": collection],
                en: "this entry has no \"\(key)\", which the collection's pattern \(pattern) needs (\(collection))",
                ru: "у записи нет ключа «\(key)», нужного для шаблона \(pattern) коллекции (\(collection))")
    }

    public static func collectionEmptyAddress(key: String, value: String) -> Message {
        Message("collection.empty-address", ["key": key, "value": value],
                en: "\(key): \"\(value)\" gives an empty address; use letters or digits",
                ru: "\(key): из «\(value)» не получается адрес; используйте буквы или цифры")
    }

    public static func pageCoverOutsideContent(cover: String) -> Message {
        Message("page.cover-outside-content", ["cover": cover],
                en: "cover: \"\(cover)\" must be a photo under Content/, written relative to this page (cover: photo.jpg)",
                ru: "cover: «\(cover)» должен быть фотографией в папке Content/, путь от этой страницы (cover: photo.jpg)")
    }

    public static func pageCoverMissing(cover: String, resolved: String) -> Message {
        Message("page.cover-missing", ["cover": cover, "resolved": resolved],
                en: "cover: \(cover) leads to Content/\(resolved), which does not exist",
                ru: "cover: \(cover) ведёт на Content/\(resolved), а такого файла нет")
    }

    public static var pageCoverAltMissing: Message {
        Message("page.cover-alt-missing",
                en: "cover: a photo needs a description for people who cannot see it: add cover_alt",
                ru: "cover: у фотографии должно быть текстовое описание для незрячих: добавьте cover_alt")
    }

    public static func pageAliasTaken(alias: String, first: SourceLocation) -> Message {
        Message("page.alias-taken", ["alias": alias, "first": first],
                en: "the alias \(alias) is also claimed by \(first); an address can lead to one page only",
                ru: "псевдоним \(alias) уже указан в \(first); адрес может вести только на одну страницу")
    }

    public static func pageURLTaken(url: String, other: String) -> Message {
        Message("page.url-taken", ["url": url, "other": other],
                en: "this page has the URL \(url), which \(other) already has; rename one file or give it another slug",
                ru: "у этой страницы адрес \(url), такой же, как у \(other); переименуйте один из файлов или задайте другой slug")
    }

    public static func pagePaginationURLTaken(number: Int, url: String) -> Message {
        Message("page.pagination-url-taken", ["number": number, "url": url],
                en: "page \(number) of this list would have the URL \(url), which another page has",
                ru: "страница \(number) этого списка получила бы адрес \(url), который уже занят")
    }

    public static func contentLinkOutside(target: String) -> Message {
        Message("content.link-outside", ["target": target],
                en: "this symbolic link points outside Content/ (\(target)); copy the file in instead",
                ru: "эта символическая ссылка указывает за пределы Content/ (\(target)); скопируйте файл в папку")
    }

    public static var contentLinkToFolder: Message {
        Message("content.link-to-folder",
                en: "a symbolic link to a folder is skipped; move the folder into Content/",
                ru: "символическая ссылка на папку пропущена; перенесите папку в Content/")
    }

    public static var unpublishedDraft: Message {
        Message("page.draft",
                en: "draft",
                ru: "черновик")
    }

    public static func unpublishedFuture(date: SimpleDate) -> Message {
        Message("page.future", ["date": date],
                en: "to be published on \(date.iso)",
                ru: "будет опубликовано \(date.iso)")
    }

    public static func unpublishedExpired(date: SimpleDate) -> Message {
        Message("page.expired", ["date": date],
                en: "expired on \(date.iso)",
                ru: "снято с публикации \(date.iso)")
    }

    public static func newTitleNoAddress(title: String) -> Message {
        Message("new.title-no-address", ["title": title],
                en: "the title \"\(title)\" has no letters or digits to make an address from",
                ru: "в заголовке «\(title)» нет букв или цифр, из которых можно составить адрес")
    }

    public static var newFileExists: Message {
        Message("new.file-exists",
                en: "the file already exists; it was left as it is (choose another title)",
                ru: "такой файл уже есть; он оставлен без изменений (выберите другой заголовок)")
    }

    public static func newCannotWrite(reason: String) -> Message {
        Message("new.cannot-write", ["reason": reason],
                en: "cannot write the file: \(reason)",
                ru: "не удаётся записать файл: \(reason)")
    }

    public static func newCollectionInSpreadsheet(sheet: String) -> Message {
        Message("new.collection-in-spreadsheet", ["sheet": sheet],
                en: "this collection is kept in \(sheet): add the new row there; nothing was added",
                ru: "эти данные ведутся в таблице \(sheet): добавьте новую строку в неё; ничего не добавлено")
    }

    public static func newIDTaken(id: String) -> Message {
        Message("new.id-taken", ["id": id],
                en: "there is already an entry with id \"\(id)\"; nothing was added",
                ru: "запись с id «\(id)» уже есть; ничего не добавлено")
    }

    public static func addressPartTooLong(part: String, length: Int, limit: Int) -> Message {
        Message("page.address-part-too-long", ["part": part, "length": length, "limit": limit],
                en: "the address part \"\(part.prefix(40))…\" is \(length) characters long once transliterated; a file name may have at most \(limit): shorten the name (or give the page a shorter slug)",
                ru: "часть адреса «\(part.prefix(40))…» после транслитерации длиной \(length) символов, а имя файла может быть не длиннее \(limit): сократите имя (или задайте странице более короткий slug)")
    }
}
