package cn.changdu.labour.reporting.projection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary form of the projection's compact rows (person marks, open cases, distinct-value references, a fact's
 * effects): variable-length integers, names by their number in {@link Names}, periods as small codes, exact
 * decimals as scale and unscaled value.
 */
final class Packed {

    private Packed() {
    }

    /** Period codes: {@code all} 1, {@code now} 2; of a year y: y·16 for the year, +1..4 its quarters, +5..7 YTD1..3. */
    static int period(String period) {
        switch (period) {
            case Fact.ALL_TIME:
                return 1;
            case Fact.NOW:
                return 2;
            default:
                int q = period.indexOf('Q');
                if (q > 0) {
                    return Integer.parseInt(period, 0, q, 10) * 16 + Integer.parseInt(period, q + 1, period.length(), 10);
                }
                int ytd = period.indexOf("YTD");
                if (ytd > 0) {
                    return Integer.parseInt(period, 0, ytd, 10) * 16 + 4 + Integer.parseInt(period, ytd + 3, period.length(), 10);
                }
                return Integer.parseInt(period) * 16;
        }
    }

    static String period(int code) {
        if (code == 1) {
            return Fact.ALL_TIME;
        }
        if (code == 2) {
            return Fact.NOW;
        }
        int year = code >>> 4;
        int kind = code & 15;
        return kind == 0 ? String.valueOf(year) : kind <= 4 ? year + "Q" + kind : year + "YTD" + (kind - 4);
    }

    static final class Out {
        private byte[] buf = new byte[64];
        private int n;

        Out varint(long v) {
            while ((v & ~0x7FL) != 0) {
                put((byte) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            put((byte) v);
            return this;
        }

        Out signed(long v) {
            return varint((v << 1) ^ (v >> 63));
        }

        Out text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return this;
        }

        /** An exact decimal: its scale (and whether the unscaled value needs more than 62 bits), then the value. */
        Out decimal(BigDecimal d) {
            BigInteger unscaled = d.unscaledValue();
            boolean small = unscaled.bitLength() < 62;
            signed((long) d.scale() * 2 + (small ? 0 : 1));
            if (small) {
                signed(unscaled.longValue());
            } else {
                byte[] b = unscaled.toByteArray();
                varint(b.length);
                ensure(b.length);
                System.arraycopy(b, 0, buf, n, b.length);
                n += b.length;
            }
            return this;
        }

        int size() {
            return n;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }

        private void put(byte b) {
            ensure(1);
            buf[n++] = b;
        }

        private void ensure(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }
    }

    static final class In {
        private final byte[] b;
        private int i;

        In(byte[] b) {
            this.b = b == null ? new byte[0] : b;
        }

        boolean more() {
            return i < b.length;
        }

        long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte x = b[i++];
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }

        int small() {
            return (int) varint();
        }

        long signed() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        String text() {
            int len = small();
            String s = new String(b, i, len, StandardCharsets.UTF_8);
            i += len;
            return s;
        }

        BigDecimal decimal() {
            long header = signed();
            int scale = (int) Math.floorDiv(header, 2);
            if ((header & 1) == 0) {
                return BigDecimal.valueOf(signed(), scale);
            }
            int len = small();
            BigInteger unscaled = new BigInteger(Arrays.copyOfRange(b, i, i + len));
            i += len;
            return new BigDecimal(unscaled, scale);
        }
    }
}
