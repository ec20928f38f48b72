import ArgumentParser
import PortalBuild
import PortalContent

/// `--base-url`: publish the site at another address than site.yml's base_url. CI knows the real
/// address only when it runs (GitHub's configure-pages gives `https://user.github.io/repo/`);
/// every internal link then starts with its path (`/repo/`).
struct BaseURLOption: ParsableArguments {
    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The site's address, instead of base_url in site.yml (https://user.github.io/repo/).", valueName: "url"))
    var baseURL: String?

    /// `options` with the address applied; a wrong address is refused in the site's language.
    func apply(to options: BuildOptions) throws -> BuildOptions {
        if let baseURL, let problem = SiteConfig.checkCommandLineBaseURL(baseURL) {
            try Console(root: options.root, quiet: false).refuse(problem)
        }
        var options = options
        options.baseURL = baseURL
        return options
    }
}
