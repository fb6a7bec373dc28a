package io.drover.server.hostile;

import java.util.Random;

/** Small pieces of text the generators draw from. */
final class Strings {
    private Strings() {
    }

    static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Text no one types: controls, lone surrogates, right-to-left marks, emoji, long runs. */
    static String odd(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "\u0000";
            case 1 -> "\ud800";
            case 2 -> "\u202e\u200b";
            case 3 -> "\ud83d\ude00".repeat(1 + random.nextInt(50));
            case 4 -> " ";
            case 5 -> "\t\r\n";
            case 6 -> "a".repeat(1 + random.nextInt(10_000));
            case 7 -> "../../etc/passwd";
            case 8 -> "%s%n%x{{}}${}";
            default -> {
                StringBuilder sb = new StringBuilder();
                int n = 1 + random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    sb.append((char) random.nextInt(0x3000));
                }
                yield sb.toString();
            }
        };
    }
}
