package io.drover.model.resources;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address block as Go's {@code net.ParseCIDR} reads it, walked address by address from the
 * block's first address, and Go's spelling of an address ({@code net.IP.String()}: dotted IPv4,
 * compressed lower-case IPv6). Only literals are parsed; nothing is looked up.
 */
final class Cidr {
    private final byte[] network;
    private final byte[] mask;

    private Cidr(byte[] network, byte[] mask) {
        this.network = network;
        this.mask = mask;
    }

    /** The block, or null where Go's ParseCIDR reports an error. */
    static Cidr parse(String cidr) {
        if (cidr == null) {
            return null;
        }
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String addr = cidr.substring(0, slash);
        String bits = cidr.substring(slash + 1);
        byte[] ip = addr.indexOf(':') >= 0 ? parseV6(addr) : parseV4(addr);
        if (ip == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int ones = Integer.parseInt(bits);
        if (ones > ip.length * 8) {
            return null;
        }
        byte[] mask = new byte[ip.length];
        for (int i = 0; i < ones; i++) {
            mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        byte[] network = new byte[ip.length];
        for (int i = 0; i < ip.length; i++) {
            network[i] = (byte) (ip[i] & mask[i]);
        }
        return new Cidr(network, mask);
    }

    /** The block's first address. */
    byte[] first() {
        return network.clone();
    }

    /** The address after {@code ip}, or null once past the block. */
    byte[] next(byte[] ip) {
        byte[] n = ip.clone();
        for (int j = n.length - 1; j >= 0; j--) {
            n[j]++;
            if (n[j] != 0) {
                break;
            }
        }
        for (int i = 0; i < n.length; i++) {
            if ((n[i] & mask[i]) != network[i]) {
                return null;
            }
        }
        return n;
    }

    /** Go's {@code net.IP.String()} of a 4- or 16-byte address. */
    static String format(byte[] ip) {
        if (ip.length == 4) {
            return dotted(ip, 0);
        }
        boolean v4Mapped = true;
        for (int i = 0; i < 10; i++) {
            v4Mapped &= ip[i] == 0;
        }
        if (v4Mapped && ip[10] == (byte) 0xff && ip[11] == (byte) 0xff) {
            return dotted(ip, 12);
        }
        // The longest run of two or more zero groups (the first, on a tie) becomes "::".
        int e0 = -1;
        int e1 = -1;
        for (int i = 0; i < 16; i += 2) {
            int j = i;
            while (j < 16 && ip[j] == 0 && ip[j + 1] == 0) {
                j += 2;
            }
            if (j > i && j - i > e1 - e0) {
                e0 = i;
                e1 = j;
                i = j;
            }
        }
        if (e1 - e0 <= 2) {
            e0 = -1;
            e1 = -1;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i == e0) {
                b.append("::");
                i = e1;
                if (i >= 16) {
                    break;
                }
            } else if (i > 0) {
                b.append(':');
            }
            b.append(Integer.toHexString(((ip[i] & 0xff) << 8) | (ip[i + 1] & 0xff)));
        }
        return b.toString();
    }

    private static String dotted(byte[] ip, int from) {
        return (ip[from] & 0xff) + "." + (ip[from + 1] & 0xff) + "." + (ip[from + 2] & 0xff) + "." + (ip[from + 3] & 0xff);
    }

    private static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    /** A 16-byte IPv6 literal; only hex digits, colons and dots are accepted, so nothing is resolved. */
    private static byte[] parseV6(String s) {
        if (!s.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            byte[] raw = a.getAddress();
            if (a instanceof Inet4Address) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(raw, 0, mapped, 12, 4);
                return mapped;
            }
            return Arrays.copyOf(raw, 16);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
