package dev.ballast.scheduler.roadef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whitespace-separated integers of one challenge file. Parses the bytes directly: the B models hold millions of
 * numbers (machine move costs are a square matrix). Every read names what it expected, so bad input fails with the
 * file, the position and the offending text.
 */
final class IntegerTokens {
    private final String source;
    private final byte[] bytes;
    private int position;
    private int tokenNumber;

    IntegerTokens(String source, byte[] bytes) {
        this.source = source;
        this.bytes = bytes;
    }

    static IntegerTokens of(Path file) throws IOException {
        return new IntegerTokens(file.toString(), Files.readAllBytes(file));
    }

    long nextLong(String expected) {
        skipWhitespace();
        if (position >= bytes.length) {
            throw error("expected " + expected + " but the file ended after " + tokenNumber + " numbers");
        }
        int start = position;
        boolean negative = bytes[position] == '-';
        if (negative) {
            position++;
        }
        long value = 0;
        int digits = 0;
        while (position < bytes.length && !isWhitespace(bytes[position])) {
            int digit = bytes[position] - '0';
            if (digit < 0 || digit > 9 || digits > 18) {
                while (position < bytes.length && !isWhitespace(bytes[position])) {
                    position++;
                }
                throw error("expected " + expected + " (an integer) but found '" + text(start, position) + "'");
            }
            value = value * 10 + digit;
            digits++;
            position++;
        }
        if (digits == 0) {
            throw error("expected " + expected + " (an integer) but found '" + text(start, position) + "'");
        }
        tokenNumber++;
        return negative ? -value : value;
    }

    long nextNonNegative(String expected) {
        long value = nextLong(expected);
        if (value < 0) {
            throw error(expected + " must not be negative, was " + value);
        }
        return value;
    }

    int nextInt(String expected, int minInclusive, int maxExclusive) {
        long value = nextLong(expected);
        if (value < minInclusive || value >= maxExclusive) {
            throw error(expected + " must be in [" + minInclusive + ", " + maxExclusive + "), was " + value);
        }
        return (int) value;
    }

    void expectEnd() {
        skipWhitespace();
        if (position < bytes.length) {
            int end = position;
            while (end < bytes.length && !isWhitespace(bytes[end]) && end - position < 40) {
                end++;
            }
            throw error("expected the end of the file after " + tokenNumber + " numbers but found '" + text(position, end) + "'");
        }
    }

    IllegalArgumentException error(String message) {
        return new IllegalArgumentException(source + ": number " + (tokenNumber + 1) + ": " + message);
    }

    private void skipWhitespace() {
        while (position < bytes.length && isWhitespace(bytes[position])) {
            position++;
        }
    }

    private String text(int from, int to) {
        return new String(bytes, from, Math.min(to, from + 40) - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
