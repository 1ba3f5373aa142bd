package sunshine.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A genuine small workbook written by fastexcel, whose zip entries a test then edits to craft a bad upload. */
final class CraftedXlsx {

    /** Writes one entry's bytes; lets a test stream a huge entry without holding it in memory. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Map<String, Content> entries = new LinkedHashMap<>();
    private final Map<String, byte[]> original = new LinkedHashMap<>();

    /** Reads with ZipFile: ZipInputStream refuses fastexcel's output ("invalid entry size"). */
    private CraftedXlsx(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("genuine", ".xlsx");
        try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readAllBytes();
                    original.put(e.getName(), bytes);
                    entries.put(e.getName(), out -> out.write(bytes));
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    /** A transfer sheet with a header, two rows, and a cell whose text looks like markup. */
    static CraftedXlsx genuine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "SunshineCredit", "1.0");
        Worksheet ws = wb.newWorksheet("转账");
        ws.value(0, 0, "账号");
        ws.value(0, 1, "金额");
        ws.value(0, 2, "备注");
        ws.value(1, 0, "6222020200112233445");
        ws.value(1, 1, 1250.50);
        ws.value(1, 2, "<!DOCTYPE x> <!ENTITY y> macroEnabled");
        ws.value(2, 0, "6222020200112233446");
        ws.value(2, 1, -80);
        wb.finish();
        return new CraftedXlsx(out.toByteArray());
    }

    String text(String name) {
        byte[] bytes = original.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no entry " + name + " in " + original.keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    CraftedXlsx put(String name, Content content) {
        entries.put(name, content);
        return this;
    }

    CraftedXlsx put(String name, byte[] bytes) {
        return put(name, out -> out.write(bytes));
    }

    CraftedXlsx put(String name, String text) {
        return put(name, text, StandardCharsets.UTF_8);
    }

    CraftedXlsx put(String name, String text, Charset charset) {
        return put(name, text.getBytes(charset));
    }

    /** Replaces an entry by an edit of its original UTF-8 text, failing when the edit changed nothing. */
    CraftedXlsx edit(String name, UnaryOperator<String> edit) {
        String before = text(name);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalStateException("edit of " + name + " changed nothing:\n" + before);
        }
        return put(name, after);
    }

    CraftedXlsx remove(String name) {
        if (entries.remove(name) == null) {
            throw new IllegalArgumentException("no entry " + name);
        }
        return this;
    }

    /** An entry of {@code bytes} zero bytes, written in chunks; sizes are declared honestly by ZipOutputStream. */
    static Content zeros(long bytes) {
        return out -> {
            byte[] chunk = new byte[1 << 16];
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        };
    }

    Path writeTo(Path file) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, Content> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                e.getValue().writeTo(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
