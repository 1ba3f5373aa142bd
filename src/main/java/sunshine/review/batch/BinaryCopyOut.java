package sunshine.review.batch;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format, collected in one growing byte array: the counterpart of
 * {@link BinaryRows} for writing. PostgreSQL takes binary rows without scanning every byte for delimiters and
 * escapes, and numbers without parsing digits (docs/decisions.md, "results go back in binary").
 *
 * <p>Format: a header, then per row the number of fields (int16) and per field its length (int32, -1 for null)
 * and its bytes in the type's binary form (bigint: 8 bytes, integer: 4, boolean: 1, text and varchar: UTF-8,
 * numeric: see {@link #numeric}), all big-endian; the trailer is the int16 -1.
 */
final class BinaryCopyOut {

    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Below this magnitude an unscaled value can be widened by up to three digits and stay a long. */
    private static final long FAST = 100_000_000_000_000L;

    private byte[] bytes;
    private int size;
    private final short[] groups = new short[64];

    BinaryCopyOut(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    BinaryCopyOut header() {
        put(HEADER, 0, HEADER.length);
        return this;
    }

    BinaryCopyOut trailer() {
        return int16(-1);
    }

    BinaryCopyOut row(int fields) {
        return int16(fields);
    }

    BinaryCopyOut nullField() {
        return int32(-1);
    }

    BinaryCopyOut int8Field(long v) {
        int32(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    BinaryCopyOut int4Field(int v) {
        return int32(4).int32(v);
    }

    BinaryCopyOut boolField(boolean v) {
        int32(1);
        ensure(1);
        bytes[size++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** Text or varchar; null as SQL null. */
    BinaryCopyOut textField(CharSequence s) {
        if (s == null) {
            return nullField();
        }
        int n = s.length();
        int at = size;
        int32(0); // length, filled in below
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) { // not ASCII: encode the whole text the long way
                size = at + 4;
                byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
                put(utf8, 0, utf8.length);
                break;
            }
            bytes[size++] = (byte) c;
        }
        int length = size - at - 4;
        bytes[at] = (byte) (length >>> 24);
        bytes[at + 1] = (byte) (length >>> 16);
        bytes[at + 2] = (byte) (length >>> 8);
        bytes[at + 3] = (byte) length;
        return this;
    }

    /**
     * A numeric in PostgreSQL's binary form: int16 number of base-10000 digits, int16 weight (the power of 10000 of
     * the first digit), int16 sign (0 or 0x4000 for negative), int16 display scale (digits after the point), then
     * the digits, most significant first, without leading or trailing zero digits. The value is exact: the digits
     * come from the unscaled value and the scale, nothing is rounded. Null as SQL null.
     */
    BinaryCopyOut numericField(BigDecimal v) {
        if (v == null) {
            return nullField();
        }
        int scale = v.scale();
        if (scale < 0) {
            v = v.setScale(0);
            scale = 0;
        }
        long unscaled =
                scale <= 64 && v.precision() <= 18 ? v.movePointRight(scale).longValueExact() : FAST;
        if (Math.abs(unscaled) < FAST) { // the unscaled value read without building a BigInteger
            return numericField(unscaled, scale);
        }
        return slowNumeric(v.abs(), v.signum() < 0, scale);
    }

    /**
     * As {@link #numericField(BigDecimal)} for the value {@code unscaled} × 10^-{@code scale} (0 ≤ scale ≤ 64,
     * |unscaled| below 10^17): the batch's amounts in whole fen are written with scale 2.
     */
    BinaryCopyOut numericField(long unscaled, int scale) {
        if (unscaled == Long.MIN_VALUE || Math.abs(unscaled) >= FAST || scale < 0 || scale > 64) {
            return numericField(BigDecimal.valueOf(unscaled, scale));
        }
        long u = Math.abs(unscaled);
        int pad = (4 - scale % 4) % 4;
        u *= POW10[pad];
        int fractionGroups = (scale + pad) / 4;
        int n = 0; // groups, least significant first
        while (u != 0 || n < fractionGroups) {
            groups[n++] = (short) (u % 10_000);
            u /= 10_000;
        }
        int low = 0;
        while (low < n && groups[low] == 0) {
            low++;
        }
        int high = n - 1;
        while (high >= low && groups[high] == 0) {
            high--;
        }
        if (low > high) { // zero
            return numeric(0, 0, false, scale, -1, 0);
        }
        return numeric(high - low + 1, high - fractionGroups, unscaled < 0, scale, high, low);
    }

    private BinaryCopyOut numeric(int ndigits, int weight, boolean negative, int scale, int high, int low) {
        int32(8 + 2 * ndigits);
        int16(ndigits).int16(weight).int16(negative ? 0x4000 : 0).int16(scale);
        for (int i = high; i >= low; i--) {
            int16(groups[i]);
        }
        return this;
    }

    /** Beyond the long's range: the same digits from the plain decimal string. */
    private BinaryCopyOut slowNumeric(BigDecimal abs, boolean negative, int scale) {
        String plain = abs.toPlainString();
        int point = plain.indexOf('.');
        String integer = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        int intGroups = (integer.length() + 3) / 4;
        String padded = "0".repeat(intGroups * 4 - integer.length())
                + integer
                + fraction
                + "0".repeat((4 - fraction.length() % 4) % 4);
        int total = padded.length() / 4;
        short[] all = new short[total];
        for (int i = 0; i < total; i++) {
            all[i] = Short.parseShort(padded.substring(4 * i, 4 * i + 4));
        }
        int first = 0;
        while (first < total && all[first] == 0) {
            first++;
        }
        int last = total - 1;
        while (last >= first && all[last] == 0) {
            last--;
        }
        if (first > last) {
            return numeric(0, 0, false, scale, -1, 0);
        }
        if (last - first + 1 > groups.length) {
            throw new IllegalArgumentException("too many digits for a numeric column");
        }
        for (int i = first; i <= last; i++) {
            groups[last - i] = all[i]; // least significant first, as numeric() reads them
        }
        return numeric(last - first + 1, intGroups - 1 - first, negative, scale, last - first, 0);
    }

    private BinaryCopyOut int16(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
        return this;
    }

    private BinaryCopyOut int32(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
        return this;
    }

    private void put(byte[] b, int from, int n) {
        ensure(n);
        System.arraycopy(b, from, bytes, size, n);
        size += n;
    }

    private void ensure(int n) {
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
