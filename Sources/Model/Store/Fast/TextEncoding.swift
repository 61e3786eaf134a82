#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Converts text in another encoding to UTF-8 with glibc's iconv, which loads its tables
/// only when called, so commands that never convert pay nothing for it.
public enum TextEncoding {
  public static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
    let cd = iconv_open("UTF-8", encoding)
    if cd == iconv_t(bitPattern: -1) { return nil }
    defer { iconv_close(cd) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
    let ok = input.withUnsafeMutableBufferPointer { inBuf -> Int? in
      output.withUnsafeMutableBufferPointer { outBuf -> Int? in
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(
          to: CChar.self)
        var inLeft = inBuf.count
        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(
          to: CChar.self)
        var outLeft = outBuf.count
        if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 { return nil }
        return outBuf.count - outLeft
      }
    }
    guard let n = ok else { return nil }
    let utf8 = Array(output[..<n])
    guard firstInvalidUTF8(utf8) == nil else { return nil }
    return String(decoding: utf8, as: UTF8.self)
  }
}
