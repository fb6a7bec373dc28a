package io.drover.state.rocks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Key encodings. Composite keys join UTF-8 parts with a 0x00 separator, which sorts a parent
 * before its children and cannot occur in Nomad IDs; numbers are 8-byte big-endian so that
 * byte order is numeric order.
 */
final class Keys {
    private static final byte SEP = 0;

    private Keys() {
    }

    static byte[] of(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.write(SEP);
            }
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The parts followed by a separator: the prefix of every key below them. */
    static byte[] prefix(String... parts) {
        byte[] k = of(parts);
        byte[] p = Arrays.copyOf(k, k.length + 1);
        p[k.length] = SEP;
        return p;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static long u64(byte[] b) {
        return ByteBuffer.wrap(b).getLong();
    }

    /** The last part of a composite key. */
    static String lastPart(byte[] key) {
        int i = key.length - 1;
        while (i >= 0 && key[i] != SEP) {
            i--;
        }
        return new String(key, i + 1, key.length - i - 1, StandardCharsets.UTF_8);
    }

    /** The smallest key greater than every key starting with {@code prefix}; null if there is none. */
    static byte[] successor(byte[] prefix) {
        byte[] s = prefix.clone();
        for (int i = s.length - 1; i >= 0; i--) {
            if (s[i] != (byte) 0xff) {
                s[i]++;
                return Arrays.copyOf(s, i + 1);
            }
        }
        return null;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
