package io.drover.server;

public final class Main {
    public static void main(String[] args) {
    }
}
