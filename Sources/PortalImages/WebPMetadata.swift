import Foundation

/// Removes the EXIF and XMP chunks of a WebP file. libvips 8.14.1's webpsave writes an EXIF
/// chunk even with `strip` (one it makes itself: orientation, resolution); nothing of a
/// phone's data is left in it once the image's metadata is removed, but a published photo
/// should carry no metadata block at all. RIFF: "RIFF" size "WEBP", then chunks of a
/// four-letter name, a little-endian size and the data padded to an even length.
enum WebPMetadata {
    static func strip(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46][...], bytes[8..<12] == Array("WEBP".utf8)[...] else {
            return nil
        }
        var chunks: [ArraySlice<UInt8>] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count || offset + 8 + size == bytes.count else { return nil }
            let name = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            var chunk = bytes[offset..<min(end, bytes.count)]
            if name == "VP8X", chunk.count >= 9 {
                // Flags: 0x08 EXIF, 0x04 XMP — gone with their chunks.
                chunk[chunk.startIndex + 8] &= ~UInt8(0x0C)
            }
            if name != "EXIF" && name != "XMP " { chunks.append(chunk) }
            offset = end
        }
        var out = Array(bytes[0..<12])
        for chunk in chunks { out.append(contentsOf: chunk) }
        let riffSize = UInt32(out.count - 8)
        for i in 0..<4 { out[4 + i] = UInt8((riffSize >> (8 * UInt32(i))) & 0xFF) }
        return out
    }

    static func strip(file path: String) throws(ImageError) {
        guard let data = FileManager.default.contents(atPath: path), let stripped = strip([UInt8](data)) else {
            throw ImageError(message: "cannot read back the WebP file \(path)")
        }
        do {
            try Data(stripped).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ImageError(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
