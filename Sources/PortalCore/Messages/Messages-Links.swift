// The catalogue of messages: links and images in pages and data, raw HTML, and what
// `portal check` finds in the built site. Each message once, in both languages, with a stable
// id (see docs/architecture.md, "How to add a message").

extension Message {
    public static func linkOutsideContent(destination: String) -> Message {
        Message("link.outside-content", ["destination": destination],
                en: "the link \(destination) leads outside Content/",
                ru: "ссылка \(destination) ведёт за пределы папки Content/")
    }

    public static func linkToUnpublished(destination: String) -> Message {
        Message("link.to-unpublished", ["destination": destination],
                en: "the link \(destination) leads to a page that is not published (a draft, or outside its publishing dates)",
                ru: "ссылка \(destination) ведёт на неопубликованную страницу (черновик или вне дат публикации)")
    }

    public static func linkToMissingPage(destination: String, resolved: String) -> Message {
        Message("link.to-missing-page", ["destination": destination, "resolved": resolved],
                en: "the link \(destination) leads to \(resolved), which does not exist",
                ru: "ссылка \(destination) ведёт на \(resolved), а такого файла нет")
    }

    public static func pageRawHTML(html: String) -> Message {
        Message("page.raw-html", ["html": html],
                en: "the HTML \(html) is left out of the page (unsafe_html is off in site.yml); write it in Markdown instead",
                ru: "HTML-код \(html) не попадает на страницу (unsafe_html выключен в site.yml); запишите это средствами Markdown")
    }

    public static func pageDangerousLink(link: String, scheme: String) -> Message {
        Message("page.dangerous-link", ["link": link, "scheme": scheme],
                en: "the link \(link) is removed from the page: \(scheme): links can run code or open files on the reader's computer; link to a page or a web address (https://…)",
                ru: "ссылка \(link) удаляется со страницы: ссылки \(scheme): могут запускать код или открывать файлы на компьютере читателя; дайте ссылку на страницу или адрес в интернете (https://…)")
    }

    public static func imageAltMissingInMarkdown(image: String) -> Message {
        Message("image.alt-missing-in-markdown", ["image": image],
                en: "the image \(image) has no alt text: write it between the brackets, ![описание](\(image))",
                ru: "у изображения \(image) нет альтернативного текста: напишите его в квадратных скобках, ![описание](\(image))")
    }

    public static func checkLinkOutsideSite(link: String) -> Message {
        Message("check.link-outside-site", ["link": link],
                en: "the link \(link) leads outside the site",
                ru: "ссылка \(link) ведёт за пределы сайта")
    }

    public static func checkLinkToMissing(link: String, target: String) -> Message {
        Message("check.link-to-missing", ["link": link, "target": target],
                en: "the link \(link) leads to \(target), which is not a page or file of the site",
                ru: "ссылка \(link) ведёт на \(target), а такой страницы или файла на сайте нет")
    }

    public static func checkAnchorMissing(link: String, anchor: String, page: String) -> Message {
        Message("check.anchor-missing", ["link": link, "anchor": anchor, "page": page],
                en: "the link \(link) leads to #\(anchor), which does not exist on \(page)",
                ru: "ссылка \(link) ведёт на #\(anchor), а такого якоря на странице \(page) нет")
    }

    public static func imageNotPicture(image: String) -> Message {
        Message("image.not-picture", ["image": image],
                en: "the image \(image) is not a picture format web pages show: use a JPEG, PNG, WebP, GIF or SVG file",
                ru: "изображение \(image) — не картинка в формате для веб-страниц: используйте файл JPEG, PNG, WebP, GIF или SVG")
    }

    public static func linkToMissingFile(destination: String, resolved: String) -> Message {
        Message("link.to-missing-file", ["destination": destination, "resolved": resolved],
                en: "the link \(destination) leads to \(resolved), which does not exist",
                ru: "ссылка \(destination) ведёт на \(resolved), а такого файла нет")
    }

    public static func imageToMissingFile(destination: String, resolved: String) -> Message {
        Message("image.to-missing-file", ["destination": destination, "resolved": resolved],
                en: "the image \(destination) leads to \(resolved), which does not exist",
                ru: "изображение \(destination) ведёт на \(resolved), а такого файла нет")
    }

    /// A link from the site's root (`/about/`) that the site, published in a folder, does not hold.
    public static func linkOutsideBasePath(destination: String, basePath: String) -> Message {
        Message("link.outside-base-path", ["destination": destination, "basePath": basePath],
                en: "the link \(destination) leads outside the site, which is published at \(basePath), "
                    + "and names none of its pages or files: link the page's Markdown file (../about.md), "
                    + "or write the full address (https://…) of another site",
                ru: "ссылка \(destination) ведёт за пределы сайта, опубликованного по адресу \(basePath), "
                    + "и не называет ни одной его страницы или файла: сошлитесь на файл страницы (../about.md) "
                    + "или напишите полный адрес (https://…) другого сайта")
    }

    public static func imageAltMissing(image: String) -> Message {
        Message("image.alt-missing", ["image": image],
                en: "the image \(image) has no alt text (a description for people who cannot see it)",
                ru: "у изображения \(image) нет альтернативного текста (описания для незрячих)")
    }

    /// `problem` found in what a template wrote: the same id, with the page and the template.
    public static func checkInTemplate(_ problem: Message, page: String, template: String) -> Message {
        Message(extending: problem, ["page": page, "template": template],
                en: "\(problem.english) (on \(page), from \(template))",
                ru: "\(problem.russian) (на странице \(page), из шаблона \(template))")
    }
}
