// The store's helpers in C. Byte scans over a file's buffer with the processor's vector
// unit, for the reader: Swift's SIMD types are not lowered to these instructions here, and
// the plain Swift scans (eight bytes at a time) were a third of reading a large plan. And
// the one Linux call Swift's Glibc module does not declare. Model/Store/Native.swift is the
// only Swift file that calls these.
#ifndef CSTORE_H
#define CSTORE_H

#include <stddef.h>
#include <stdint.h>

/// 1 when p[0..<n] is valid UTF-8 with no NUL byte, 0 when it is not, -1 when this processor
/// lacks the instructions (the caller then checks with its own loop).
int cstore_utf8_clean(const uint8_t *p, size_t n);

/// Starts writing fd's bytes offset..<offset+count to the disk without waiting (Linux's
/// sync_file_range with SYNC_FILE_RANGE_WRITE, which Swift's Glibc module does not declare);
/// 0 when started, -1 when not (elsewhere, or the system refused: the caller's fsync still
/// makes the file durable).
int cstore_start_writeback(int fd, int64_t offset, int64_t count);

/// How many bytes of p[0..<n] equal c.
size_t cstore_count(const uint8_t *p, size_t n, uint8_t c);

/// 1 when needle[0..<m] occurs in p[0..<n], 0 when not.
int cstore_contains(const uint8_t *p, size_t n, const uint8_t *needle, size_t m);

// The two finds are inline so that the Swift scan takes them in without a call: fields are
// short, and a call for each cost as much as the search. SSE2 is in every x86-64 processor.
#if defined(__x86_64__)
#include <emmintrin.h>
#endif

/// The index of the first byte of p[0..<n] that is a comma, LF, CR or double quote; n if none.
static inline size_t cstore_find_csv_special(const uint8_t *p, size_t n) {
  size_t i = 0;
#if defined(__x86_64__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                quote = _mm_set1_epi8('"');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
    int m = _mm_movemask_epi8(hit);
    if (m) return i + (size_t)__builtin_ctz((unsigned)m);
  }
#endif
  for (; i < n; i++) {
    uint8_t c = p[i];
    if (c == ',' || c == '\n' || c == '\r' || c == '"') return i;
  }
  return n;
}

/// The index of the first byte of p[0..<n] that is a double quote or LF; n if none.
static inline size_t cstore_find_quote_or_lf(const uint8_t *p, size_t n) {
  size_t i = 0;
#if defined(__x86_64__)
  const __m128i lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, quote)));
    if (m) return i + (size_t)__builtin_ctz((unsigned)m);
  }
#endif
  for (; i < n; i++) {
    if (p[i] == '\n' || p[i] == '"') return i;
  }
  return n;
}

#endif
