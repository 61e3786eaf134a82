// See include/cstore.h. The UTF-8 check is the lookup algorithm of Keiser and Lemire,
// "Validating UTF-8 In Less Than One Instruction Per Byte" (2021), as simdjson and simdutf
// use it: three 16-entry tables classify each byte pair by its nibbles, and a sequence's
// third and fourth bytes are checked by shifting the block.
#include "cstore.h"

#include <string.h>

#if defined(__linux__)
// In <fcntl.h> only under _GNU_SOURCE, which would have to come before every header here.
extern int sync_file_range(int fd, int64_t offset, int64_t nbytes, unsigned int flags);

int cstore_start_writeback(int fd, int64_t offset, int64_t count) {
  return sync_file_range(fd, offset, count, 2 /* SYNC_FILE_RANGE_WRITE */);
}
#else
int cstore_start_writeback(int fd, int64_t offset, int64_t count) {
  (void)fd;
  (void)offset;
  (void)count;
  return -1;
}
#endif

/// The byte-at-a-time count: every processor's, and the vector one's tail.
static size_t count_plain(const uint8_t *p, size_t n, uint8_t c) {
  size_t total = 0;
  for (size_t i = 0; i < n; i++) total += p[i] == c;
  return total;
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2"))) static inline __m256i prev_n(__m256i input, __m256i prev, int n) {
  // input shifted right by n bytes across the whole 32, the gap filled from prev's end.
  __m256i joined = _mm256_permute2x128_si256(prev, input, 0x21);
  switch (n) {
  case 1: return _mm256_alignr_epi8(input, joined, 15);
  case 2: return _mm256_alignr_epi8(input, joined, 14);
  default: return _mm256_alignr_epi8(input, joined, 13);
  }
}

/// A 16-entry table in both halves, as the per-half byte shuffle looks it up.
__attribute__((target("avx2"))) static inline __m256i table16(const uint8_t t[16]) {
  __m128i half = _mm_loadu_si128((const __m128i *)t);
  return _mm256_broadcastsi128_si256(half);
}

enum {
  TOO_SHORT = 1 << 0,
  TOO_LONG = 1 << 1,
  OVERLONG_3 = 1 << 2,
  TOO_LARGE = 1 << 3,
  SURROGATE = 1 << 4,
  OVERLONG_2 = 1 << 5,
  TOO_LARGE_1000 = 1 << 6,
  OVERLONG_4 = 1 << 6,
  TWO_CONTS = 1 << 7,
  CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

__attribute__((target("avx2"))) static int utf8_clean_avx2(const uint8_t *p, size_t n) {
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  const __m256i byte_1_high_table = table16((const uint8_t[16]){
      TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TWO_CONTS, TWO_CONTS,
      TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
      TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4});
  const __m256i byte_1_low_table = table16((const uint8_t[16]){
      CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY, CARRY | TOO_LARGE,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000});
  const __m256i byte_2_high_table = table16((const uint8_t[16]){
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT});
  // A block may not end inside a sequence: its last three bytes against these limits.
  const __m256i incomplete_limit =
      _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                       -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
  const __m256i zero = _mm256_setzero_si256();

  __m256i error = zero;
  __m256i nul = zero;
  __m256i prev_input = zero;
  __m256i prev_incomplete = zero;
  size_t i = 0;
  uint8_t tail[32];
  while (i < n) {
    __m256i input;
    if (i + 32 <= n) {
      input = _mm256_loadu_si256((const __m256i *)(p + i));
    } else {
      // The last partial block, padded with spaces (ASCII, not NUL).
      size_t k = 0;
      for (; k < n - i; k++) tail[k] = p[i + k];
      for (; k < 32; k++) tail[k] = 0x20;
      input = _mm256_loadu_si256((const __m256i *)tail);
    }
    nul = _mm256_or_si256(nul, _mm256_cmpeq_epi8(input, zero));
    if (_mm256_movemask_epi8(input) == 0) {
      error = _mm256_or_si256(error, prev_incomplete);
      prev_incomplete = zero;
    } else {
      __m256i prev1 = prev_n(input, prev_input, 1);
      __m256i byte_1_high = _mm256_shuffle_epi8(byte_1_high_table, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble));
      __m256i byte_1_low = _mm256_shuffle_epi8(byte_1_low_table, _mm256_and_si256(prev1, low_nibble));
      __m256i byte_2_high = _mm256_shuffle_epi8(byte_2_high_table, _mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble));
      __m256i special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
      __m256i prev2 = prev_n(input, prev_input, 2);
      __m256i prev3 = prev_n(input, prev_input, 3);
      __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
      __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
      __m256i must23_80 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
      error = _mm256_or_si256(error, _mm256_xor_si256(must23_80, special));
      prev_incomplete = _mm256_subs_epu8(input, incomplete_limit);
    }
    prev_input = input;
    i += 32;
  }
  error = _mm256_or_si256(error, prev_incomplete);
  return _mm256_testz_si256(error, error) && _mm256_testz_si256(nul, nul);
}

/// The processor and the system both allow AVX2 (the runtime's table, filled at start-up,
/// also checks that the system saves the vector registers); POPCNT comes with every such
/// processor but is asked for too.
static int has_avx2(void) { return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt"); }

int cstore_utf8_clean(const uint8_t *p, size_t n) { return has_avx2() ? utf8_clean_avx2(p, n) : -1; }

__attribute__((target("avx2,popcnt"))) static size_t count_avx2(const uint8_t *p, size_t n, uint8_t c) {
  const __m256i want = _mm256_set1_epi8((char)c);
  size_t i = 0, total = 0;
  for (; i + 32 <= n; i += 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(p + i));
    total += (size_t)_mm_popcnt_u32((unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, want)));
  }
  return total + count_plain(p + i, n - i, c);
}

size_t cstore_count(const uint8_t *p, size_t n, uint8_t c) {
  return has_avx2() ? count_avx2(p, n, c) : count_plain(p, n, c);
}

#else

int cstore_utf8_clean(const uint8_t *p, size_t n) {
  (void)p;
  (void)n;
  return -1;
}

size_t cstore_count(const uint8_t *p, size_t n, uint8_t c) { return count_plain(p, n, c); }

#endif

int cstore_contains(const uint8_t *p, size_t n, const uint8_t *needle, size_t m) {
  if (m == 0) return 1;
  if (m > n) return 0;
  // Scanned for the needle's last byte: in Chinese text that is a continuation byte, one of
  // 64, where the lead byte (0xE5 for a third of common characters) would stop the scan at
  // nearly every character. memmem would skip further but sets up a table for every call,
  // which costs more than a task's few hundred bytes take to scan.
  const uint8_t last = needle[m - 1];
  const uint8_t *end = p + n;
  const uint8_t *at = p + m - 1;
  while (at < end) {
    const uint8_t *hit = memchr(at, last, (size_t)(end - at));
    if (!hit) return 0;
    if (memcmp(hit - (m - 1), needle, m - 1) == 0) return 1;
    at = hit + 1;
  }
  return 0;
}
