import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text of a file a teacher wrote, decoded strictly as UTF-8.
///
/// Old editors save Windows-1251 or UTF-16; decoding those leniently would publish mojibake, so
/// they are refused with a message that names the encoding the bytes look like.
public enum SourceText {
    /// Decodes `data` as UTF-8, dropping a byte-order mark and turning CRLF/CR line ends into LF.
    public static func decode(_ data: Data, path: String) throws(Diagnostic) -> String {
        try decode(bytes: [UInt8](data), path: path)
    }

    static func decode(bytes: [UInt8], path: String) throws(Diagnostic) -> String {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Validated once: the common, valid file costs one pass (UTF-16 without a byte-order mark
        // can pass as UTF-8, so its zero bytes are looked for too).
        let valid = validUTF8(bytes)
        // Valid UTF-8 is only suspect when it holds zero bytes (UTF-16's ASCII): memchr for one
        // before counting them.
        if valid == nil || containsByte(bytes, 0), let guess = nonUTF8Encoding(of: bytes, isValidUTF8: valid != nil) {
            // Point at the first byte that is not UTF-8, so the teacher sees where the text went wrong.
            // UTF-16 is wrong from its first character on.
            var location = SourceLocation(path: path, line: 1, column: 1)
            if guess != "UTF-16", let offset = firstInvalidUTF8Offset(bytes) {
                let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
                location = SourceLocation(path: path, line: line, column: column)
            }
            throw .error(
                at: location,
                .fileNotUTF8(guess: guess))
        }
        guard var text = valid else {
            let offset = firstInvalidUTF8Offset(bytes) ?? 0
            let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
            throw .error(
                at: SourceLocation(path: path, line: line, column: column),
                .fileBrokenUTF8)
        }
        if containsByte(bytes, 0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Reads and decodes a file; `path` is how the file is named in messages.
    public static func read(_ url: URL, path: String) throws(Diagnostic) -> String {
        try read(file: url.path, path: path)
    }

    /// Reads and decodes the file at `file` (a plain path: 10,000 pages are read per build, and
    /// Foundation's URL and Data cost more than the reading).
    public static func read(file: String, path: String) throws(Diagnostic) -> String {
        func failure() -> Diagnostic {
            let reason = String(cString: strerror(errno))
            return .error(at: SourceLocation(path: path), .fileUnreadable(reason: reason))
        }
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure() }
        guard info.st_mode & S_IFMT != S_IFDIR else { errno = EISDIR; throw failure() }
        // The size stat gave: a file that grows meanwhile is read as it was.
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size {
                let n = Glibc.read(fd, buffer.baseAddress! + initialized, size - initialized)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { break }
                initialized += n
            }
        }
        if failed { throw failure() }
        return try decode(bytes: bytes, path: path)
    }

    /// The text when `bytes` are valid UTF-8, else nil. The standard library's fast decoder (it
    /// repairs what is broken), then the result compared with the bytes: `String(validating:)`
    /// went through a generic, byte-at-a-time path here.
    static func validUTF8(_ bytes: [UInt8]) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            bytes.withUnsafeBufferPointer { original in
                decoded.count == original.count
                    && (original.isEmpty || memcmp(decoded.baseAddress!, original.baseAddress!, original.count) == 0)
            }
        }
        return same ? text : nil
    }

    static func containsByte(_ bytes: [UInt8], _ byte: UInt8) -> Bool {
        bytes.withUnsafeBytes { buffer in buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false }
    }

    /// A byte-order mark of UTF-16, many zero bytes at the start (ASCII in UTF-16), or, without
    /// a mark, every other byte the high byte of Latin or Cyrillic (0x00 or 0x04): Russian text in
    /// UTF-16 has few zero bytes, and it is also valid (if senseless) UTF-8.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let sample = bytes.prefix(4096)
        guard sample.count >= 2 else { return false }
        if sample.lazy.filter({ $0 == 0 }).count * 4 >= sample.count { return true }
        var high = [0, 0]
        for (i, byte) in sample.enumerated() where byte == 0 || byte == 4 { high[i % 2] += 1 }
        return max(high[0], high[1]) * 10 >= sample.count / 2 * 9
    }

    /// A name for a non-UTF-8 encoding the bytes clearly are, or nil when they may be UTF-8.
    static func nonUTF8Encoding(of bytes: [UInt8], isValidUTF8: Bool) -> String? {
        if looksLikeUTF16(bytes) { return "UTF-16" }
        if isValidUTF8 { return nil }
        let sample = bytes.prefix(4096)
        // Windows-1251 puts Cyrillic letters at 0xC0–0xFF as single bytes; in UTF-8 those bytes
        // only start multi-byte sequences, so many of them followed by ASCII mean 1251 (or KOI8-R).
        var single = 0
        for (i, byte) in sample.enumerated() where byte >= 0xC0 {
            let next = i + 1 < sample.count ? sample[sample.startIndex + i + 1] : 0x20
            if next < 0x80 || next >= 0xC0 { single += 1 }
        }
        return single >= 1 ? "Windows-1251" : nil
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            if String(validating: bytes[i..<i + length], as: UTF8.self) == nil { return i }
            i += length
        }
        return nil
    }

    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes.prefix(offset) {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
