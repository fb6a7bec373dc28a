package io.drover.cluster.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Linux's tables of TCP sockets, {@code /proc/net/tcp} and {@code /proc/net/tcp6}: finds the
 * inode of the socket at one end of a connection. Each line gives the local and remote address
 * as hex (the address as the kernel stores it, 32-bit words in host byte order; the port as a
 * number) and the socket's inode, which a process holding the socket shows as the link
 * {@code socket:[inode]} of one of its file descriptors. A socket in TIME_WAIT has inode 0.
 */
final class ProcNetTcp {
    /** One socket of the tables. */
    record Entry(InetSocketAddress local, InetSocketAddress remote, long inode) {
    }

    private final List<Path> tables;

    ProcNetTcp(List<Path> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The running system's tables (Java's sockets are IPv6 ones: IPv4 connections show in tcp6). */
    static ProcNetTcp system() {
        return new ProcNetTcp(List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")));
    }

    /** Whether the tables can be read at all (Linux with /proc mounted). */
    boolean isAvailable() {
        return tables.stream().allMatch(Files::isReadable);
    }

    /** The inode of the live socket whose local end is {@code local} and remote end {@code remote}. */
    OptionalLong inodeOf(InetSocketAddress local, InetSocketAddress remote) {
        for (Path table : tables) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                continue; // no IPv6 on this host, say
            }
            for (String line : lines) {
                Optional<Entry> e = parse(line);
                if (e.isPresent() && e.get().inode() != 0 && e.get().local().equals(local)
                        && e.get().remote().equals(remote)) {
                    return OptionalLong.of(e.get().inode());
                }
            }
        }
        return OptionalLong.empty();
    }

    /** One line of a table; empty for the header or anything not shaped like a socket. */
    static Optional<Entry> parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[0].endsWith(":") || !f[1].contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(address(f[1]), address(f[2]), Long.parseLong(f[9])));
        } catch (IllegalArgumentException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code 0100007F:1F90} is 127.0.0.1:8080; 32 hex digits before the colon are an IPv6 address. */
    private static InetSocketAddress address(String hex) throws UnknownHostException {
        int colon = hex.indexOf(':');
        String ip = hex.substring(0, colon);
        if (ip.length() != 8 && ip.length() != 32) {
            throw new IllegalArgumentException("not an address: " + hex);
        }
        byte[] bytes = new byte[ip.length() / 2];
        boolean littleEndian = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = 8 * word + 2 * b;
                int value = Integer.parseInt(ip.substring(at, at + 2), 16);
                bytes[4 * word + (littleEndian ? 3 - b : b)] = (byte) value;
            }
        }
        // an IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the IPv4 address
        InetAddress address = InetAddress.getByAddress(bytes);
        return new InetSocketAddress(address, Integer.parseInt(hex.substring(colon + 1), 16));
    }
}
