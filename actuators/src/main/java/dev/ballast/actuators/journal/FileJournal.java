package dev.ballast.actuators.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The executor's journal as an append-only file: every record is written and forced to the disk before the call
 * returns, so after the process is killed the file holds every transition the executor had acted on. A record cut
 * short by the kill (no newline) is ignored on reading.
 */
public final class FileJournal extends LineJournal {
    private final Path file;

    public FileJournal(Path file) {
        this.file = Objects.requireNonNull(file, "journal file");
    }

    public Path file() {
        return file;
    }

    @Override
    protected String describe() {
        return file.toString();
    }

    @Override
    protected List<String> readLines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                break; // a torn last record, written when the process died: never acted on
            }
            lines.add(content.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    @Override
    protected synchronized void appendLines(List<String> lines) {
        String text = String.join("", lines);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + file, e);
        }
    }
}
