package io.drover.server.hostile;

import java.util.List;
import java.util.Random;

/** Job files as Nomad's docs write them, cut, corrupted, nested deep or flooded with labels. */
final class HclMutations {
    static final List<String> TEMPLATES = List.of("""
            job "web" {
              datacenters = ["dc1"]
              type = "service"
              meta { owner = "ops" }
              constraint {
                attribute = "${attr.kernel.name}"
                value     = "linux"
              }
              group "front" {
                count = 2
                network {
                  port "http" { static = 8080 }
                }
                restart {
                  attempts = 2
                  interval = "1m"
                  delay    = "10s"
                  mode     = "fail"
                }
                task "server" {
                  driver = "raw_exec"
                  config {
                    command = "/bin/sh"
                    args    = ["-c", "echo ${NOMAD_ALLOC_ID}"]
                  }
                  template {
                    data = <<EOF
            port={{ env "NOMAD_PORT_http" }}
            EOF
                    destination = "local/app.env"
                  }
                  resources {
                    cpu    = 100
                    memory = 32
                  }
                }
              }
            }
            """, """
            job "nightly" {
              datacenters = ["dc1"]
              type = "batch"
              periodic {
                cron             = "0 3 * * *"
                prohibit_overlap = true
                time_zone        = "UTC"
              }
              parameterized {
                payload       = "optional"
                meta_required = ["input"]
              }
              group "g" {
                task "t" {
                  driver = "mock_driver"
                  config { run_for = "1s" }
                }
              }
            }
            """);
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", "=", "\"", ",", "<<EOF\n", "${", "#", "/*",
            "\\", "\u0000", "\t", "\r\n", "99999999999999999999999", "1e999", "0x", "-", ".", "job", "group \"g\" {",
            "label \"a\" \"b\" \"c\" {", "count = -1", "count = 2147483648", "cpu = 1.5", "task {", "\"\\u12\"", "\ud800",
            "heredoc = <<-X\n", "meta = [1, {a = 1}]", "config { a b c d e f g {} }");

    private HclMutations() {
    }

    static String mutated(Random random) {
        String text = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            text = mutate(text, random);
        }
        return text;
    }

    private static String mutate(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        return switch (random.nextInt(10)) {
            case 8, 9 -> retype(text, random);
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
            case 2 -> insert(text, at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 3 -> {
                int depth = 1 + random.nextInt(random.nextBoolean() ? 150 : 3000);
                boolean lists = random.nextBoolean();
                String open = lists ? "x = " + "[".repeat(depth) : "a {\n".repeat(depth);
                String close = lists ? "]".repeat(depth) : "}\n".repeat(depth);
                yield insert(text, lineStart(text, at), open + close + "\n");
            }
            case 4 -> insert(text, lineStart(text, at), "cfg" + " \"l\"".repeat(1 + random.nextInt(500)) + " {}\n");
            case 5 -> insert(text, lineStart(text, at), "k = [" + "1,".repeat(random.nextInt(210_000)) + "]\n");
            case 6 -> text.replace("\n", random.nextBoolean() ? "\r\n" : " ");
            default -> insert(text, at, Strings.odd(random));
        };
    }

    /** One {@code key = value} given a value of another type, or an absurd one. */
    private static String retype(String text, Random random) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(\\s*\\w+\\s*=\\s*)(.+)$").matcher(text);
        java.util.List<int[]> spots = new java.util.ArrayList<>();
        while (m.find()) {
            spots.add(new int[] {m.start(2), m.end(2)});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] spot = spots.get(random.nextInt(spots.size()));
        String value = Strings.pick(random, "\"x\"", "1", "-1", "0", "1.5", "true", "[]", "[1, \"a\"]", "{}",
                "{ a = 1 }", "99999999999999999999", "-9223372036854775808", "\"-1s\"", "\"1000000h\"", "\"\"",
                "\"${\"", "<<EOF\nx\nEOF", "\"" + "y".repeat(random.nextInt(5000)) + "\"");
        return text.substring(0, spot[0]) + value + text.substring(spot[1]);
    }

    private static String insert(String text, int at, String piece) {
        return text.substring(0, at) + piece + text.substring(at);
    }

    private static int lineStart(String text, int at) {
        int nl = text.lastIndexOf('\n', Math.max(0, at - 1));
        return nl < 0 ? 0 : nl + 1;
    }
}
