/// A date encodes as its ISO text (`2025-09-01`): what `PageSummary` is hashed from.
extension SimpleDate: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
