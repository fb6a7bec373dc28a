package io.drover.model.json;

import java.io.ByteArrayOutputStream;

/**
 * Go's {@code base64.StdEncoding.Decode}, which {@code encoding/json} uses for {@code []byte}
 * fields such as a job's Payload: padding is required, CR and LF are skipped, and an error names
 * the offending byte offset ({@code illegal base64 data at input byte 4}).
 */
final class GoBase64 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int[] DECODE = new int[256];

    static {
        java.util.Arrays.fill(DECODE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DECODE[ALPHABET.charAt(i)] = i;
        }
    }

    /** Thrown with Go's {@code CorruptInputError} text. */
    static final class CorruptInput extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptInput(int offset) {
            super("illegal base64 data at input byte " + offset);
        }
    }

    private GoBase64() {
    }

    static byte[] decode(byte[] src) throws CorruptInput {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        while (si < src.length) {
            int[] dbuf = new int[4];
            int dlen = 4;
            boolean end = false;
            for (int j = 0; j < 4; j++) {
                if (si == src.length) {
                    if (j == 0) {
                        return out.toByteArray();
                    }
                    // Padding is required, so a short final quantum is corrupt.
                    throw new CorruptInput(si - j);
                }
                int in = src[si] & 0xff;
                si++;
                if (DECODE[in] >= 0) {
                    dbuf[j] = DECODE[in];
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    j--;
                    continue;
                }
                if (in != '=') {
                    throw new CorruptInput(si - 1);
                }
                if (j == 0 || j == 1) {
                    throw new CorruptInput(si - 1);
                }
                if (j == 2) {
                    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
                        si++;
                    }
                    if (si == src.length) {
                        throw new CorruptInput(src.length);
                    }
                    if (src[si] != '=') {
                        throw new CorruptInput(si - 1);
                    }
                    si++;
                }
                while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
                    si++;
                }
                if (si < src.length) {
                    throw new CorruptInput(si);
                }
                dlen = j;
                end = true;
                break;
            }
            int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
            out.write(val >> 16);
            if (dlen > 2) {
                out.write(val >> 8);
            }
            if (dlen > 3) {
                out.write(val);
            }
            if (end) {
                break;
            }
        }
        return out.toByteArray();
    }
}
