// Temporary until the typography stage lands.
public enum RussianTypography {
    public static func apply(toHTML html: String) -> String { html }
}
