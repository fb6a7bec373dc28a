package io.drover.client.task;

import java.io.ByteArrayOutputStream;

/**
 * Decodes Snappy's block format. Nomad's dispatch endpoint stores a dispatched job's payload
 * Snappy-compressed ({@code Job.Payload}), and its dispatch hook decompresses it before writing
 * it for the task; the format is small enough that a decoder beats a native-library dependency.
 */
final class SnappyBlock {
    private SnappyBlock() {
    }

    /** @throws IllegalArgumentException as Go's {@code snappy: corrupt input} when the bytes are not a Snappy block */
    static byte[] decode(byte[] in) {
        int[] pos = {0};
        long length = varint(in, pos);
        if (length > Integer.MAX_VALUE - 8) {
            throw corrupt();
        }
        byte[] out = new byte[(int) length];
        int o = 0;
        int i = pos[0];
        while (i < in.length) {
            int tag = in[i++] & 0xff;
            switch (tag & 3) {
                case 0 -> {
                    int n = tag >>> 2;
                    if (n >= 60) {
                        int bytes = n - 59;
                        if (i + bytes > in.length) {
                            throw corrupt();
                        }
                        long v = 0;
                        for (int k = 0; k < bytes; k++) {
                            v |= (long) (in[i + k] & 0xff) << (8 * k);
                        }
                        i += bytes;
                        if (v >= Integer.MAX_VALUE) {
                            throw corrupt();
                        }
                        n = (int) v;
                    }
                    n++;
                    if (n > in.length - i || n > out.length - o) {
                        throw corrupt();
                    }
                    System.arraycopy(in, i, out, o, n);
                    i += n;
                    o += n;
                }
                case 1 -> {
                    if (i >= in.length) {
                        throw corrupt();
                    }
                    int n = 4 + ((tag >>> 2) & 7);
                    int offset = ((tag >>> 5) << 8) | (in[i++] & 0xff);
                    o = copy(out, o, offset, n);
                }
                case 2 -> {
                    if (i + 2 > in.length) {
                        throw corrupt();
                    }
                    int n = 1 + (tag >>> 2);
                    int offset = (in[i] & 0xff) | (in[i + 1] & 0xff) << 8;
                    i += 2;
                    o = copy(out, o, offset, n);
                }
                default -> {
                    if (i + 4 > in.length) {
                        throw corrupt();
                    }
                    int n = 1 + (tag >>> 2);
                    long offset = (in[i] & 0xffL) | (in[i + 1] & 0xffL) << 8 | (in[i + 2] & 0xffL) << 16
                            | (in[i + 3] & 0xffL) << 24;
                    i += 4;
                    if (offset > Integer.MAX_VALUE) {
                        throw corrupt();
                    }
                    o = copy(out, o, (int) offset, n);
                }
            }
        }
        if (o != out.length) {
            throw corrupt();
        }
        return out;
    }

    /** Encodes as literals only: valid Snappy any decoder reads, for tests and tools that need to produce a payload. */
    static byte[] encodeLiterals(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = data.length;
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        for (int at = 0; at < data.length; at += 65536) {
            int n = Math.min(65536, data.length - at);
            if (n <= 60) {
                out.write((n - 1) << 2);
            } else {
                out.write(61 << 2);
                out.write((n - 1) & 0xff);
                out.write((n - 1) >>> 8);
            }
            out.write(data, at, n);
        }
        return out.toByteArray();
    }

    /** A back-reference: {@code n} bytes from {@code offset} back, which may overlap what it writes. */
    private static int copy(byte[] out, int o, int offset, int n) {
        if (offset <= 0 || offset > o || n > out.length - o) {
            throw corrupt();
        }
        for (int k = 0; k < n; k++) {
            out[o + k] = out[o + k - offset];
        }
        return o + n;
    }

    private static long varint(byte[] in, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= in.length) {
                throw corrupt();
            }
            int b = in[pos[0]++] & 0xff;
            v |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return v;
            }
        }
        throw corrupt();
    }

    private static IllegalArgumentException corrupt() {
        return new IllegalArgumentException("snappy: corrupt input");
    }
}
