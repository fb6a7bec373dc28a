package io.drover.client.task;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An artifact's {@code checksum} option as go-getter reads it: {@code type:hex} with type one of
 * md5, sha1, sha256, sha512, or a bare hex value whose length says which. Go-getter's
 * {@code file:URL} form (a checksum file to fetch) is refused: this node does not fetch it.
 */
public record ArtifactChecksum(String type, byte[] expected) {
    public ArtifactChecksum {
        Objects.requireNonNull(type, "type");
        expected = expected.clone();
    }

    /** Reads {@code checksum} as go-getter does; the message of the exception is the one to report. */
    public static ArtifactChecksum parse(String checksum) throws IOException {
        String v = checksum.trim();
        int colon = v.indexOf(':');
        if (colon < 0) {
            byte[] value = hex(v);
            String type = switch (value.length) {
                case 16 -> "md5";
                case 20 -> "sha1";
                case 32 -> "sha256";
                case 64 -> "sha512";
                default -> throw new IOException("unknown type for checksum " + v);
            };
            return new ArtifactChecksum(type, value);
        }
        String type = v.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = v.substring(colon + 1);
        if (type.equals("file")) {
            throw new IOException("checksum files (checksum=file:URL) are not supported; give type:value");
        }
        int size = switch (type) {
            case "md5" -> 16;
            case "sha1" -> 20;
            case "sha256" -> 32;
            case "sha512" -> 64;
            default -> throw new IOException("unsupported checksum type: " + v.substring(0, colon));
        };
        byte[] bytes = hex(value);
        if (bytes.length != size) {
            throw new IOException("invalid " + type + " checksum: " + bytes.length + " bytes, want " + size);
        }
        return new ArtifactChecksum(type, bytes);
    }

    /** A fresh digest of this checksum's type, to hash the download as it streams. */
    public MessageDigest newDigest() {
        String algorithm = switch (type) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            default -> "SHA-512";
        };
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    /** Throws, saying both values, unless {@code actual} is the expected digest of {@code what}. */
    public void verify(byte[] actual, String what) throws IOException {
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new IOException("checksums did not match for " + what + ": expected " + type + ":"
                    + HexFormat.of().formatHex(expected) + ", got " + type + ":" + HexFormat.of().formatHex(actual));
        }
    }

    @Override
    public byte[] expected() {
        return expected.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactChecksum c && c.type.equals(type) && MessageDigest.isEqual(c.expected, expected);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + java.util.Arrays.hashCode(expected);
    }

    @Override
    public String toString() {
        return type + ":" + HexFormat.of().formatHex(expected);
    }

    private static byte[] hex(String s) throws IOException {
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid checksum: " + e.getMessage());
        }
    }
}
