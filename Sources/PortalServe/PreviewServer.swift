// `portal serve` lives here (being written).
public enum PreviewServer {}
