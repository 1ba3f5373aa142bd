package sunshine.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import sunshine.shared.BusinessException;

/** Refuses an uploaded workbook that is not a plain xlsx, or carries macros, XML entities or a zip bomb, before any reader opens it. */
public final class XlsxGuard {

    public static final long DEFAULT_LIMIT = 1L << 30;
    static final int MAX_ENTRIES = 10_000;
    static final long RATIO_FLOOR = 10L << 20;
    static final double MAX_RATIO = 200;

    static final String NOT_XLSX = "xlsx.error.notXlsx";
    static final String ENCRYPTED_OR_LEGACY = "xlsx.error.encryptedOrLegacy";
    static final String MACROS = "xlsx.error.macros";
    static final String TOO_LARGE = "xlsx.error.tooLarge";
    static final String XML_ENTITIES = "xlsx.error.xmlEntities";

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String WORKBOOK = "xl/workbook.xml";

    private final long limit;

    /** A guard allowing {@link #DEFAULT_LIMIT} uncompressed bytes in all. */
    public XlsxGuard() {
        this(DEFAULT_LIMIT);
    }

    /** A guard allowing {@code limit} uncompressed bytes in all. */
    public XlsxGuard(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** Checks {@code file} with the default limit; throws {@link BusinessException} when it must be refused. */
    public static void check(Path file) {
        new XlsxGuard().inspect(file);
    }

    /** Checks {@code file} with this guard's limit; throws {@link BusinessException} when it must be refused. */
    public void inspect(Path file) {
        byte[] head = head(file);
        if (!startsWith(head, ZIP_MAGIC)) {
            throw new BusinessException(startsWith(head, OLE2_MAGIC) ? ENCRYPTED_OR_LEGACY : NOT_XLSX);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().toList();
            checkDirectory(zip.size(), entries);
            checkContents(zip, entries);
        } catch (ZipException | EOFException e) {
            throw new BusinessException(NOT_XLSX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Judges what the central directory declares: entry count, names and sizes. */
    private void checkDirectory(int size, List<? extends ZipEntry> entries) {
        if (size > MAX_ENTRIES || entries.size() > MAX_ENTRIES) {
            throw new BusinessException(TOO_LARGE);
        }
        Set<String> names = new HashSet<>();
        long declared = 0;
        for (ZipEntry entry : entries) {
            names.add(entry.getName());
            if (isMacroPart(entry.getName())) {
                throw new BusinessException(MACROS);
            }
            long bytes = Math.max(entry.getSize(), 0);
            if (bytes > limit - declared || tooCompressed(bytes, entry.getCompressedSize())) {
                throw new BusinessException(TOO_LARGE);
            }
            declared += bytes;
        }
        if (!names.contains(CONTENT_TYPES) || !names.contains(WORKBOOK)) {
            throw new BusinessException(NOT_XLSX);
        }
    }

    /** Inflates every entry, counting the real bytes, and scans the XML parts as they stream past. */
    private void checkContents(ZipFile zip, List<? extends ZipEntry> entries) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (ZipEntry entry : entries) {
            boolean xmlByName = isXmlName(entry.getName());
            XmlPartScan scan = new XmlPartScan(xmlByName);
            long inflated = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    inflated += n;
                    total += n;
                    if (total > limit || tooCompressed(inflated, entry.getCompressedSize())) {
                        throw new BusinessException(TOO_LARGE);
                    }
                    scan.feed(buffer, n);
                }
            }
            judge(entry.getName(), xmlByName, scan);
        }
    }

    private static void judge(String name, boolean xmlByName, XmlPartScan scan) {
        if (!xmlByName && !scan.startsLikeXml()) {
            return;
        }
        if ((scan.hasContent() && !scan.startsLikeXml()) || scan.declaresForeignEncoding()) {
            throw new BusinessException(NOT_XLSX);
        }
        if (scan.declaresEntities()) {
            throw new BusinessException(XML_ENTITIES);
        }
        if (name.equals(CONTENT_TYPES) && scan.mentionsMacros()) {
            throw new BusinessException(MACROS);
        }
    }

    private static boolean tooCompressed(long inflated, long compressed) {
        return inflated > RATIO_FLOOR && (double) inflated / Math.max(compressed, 1) > MAX_RATIO;
    }

    private static boolean isMacroPart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("vbaproject.bin") || lower.endsWith("/vbaproject.bin") || lower.contains("macrosheets/");
    }

    private static boolean isXmlName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") || lower.endsWith(".rels");
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(OLE2_MAGIC.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
