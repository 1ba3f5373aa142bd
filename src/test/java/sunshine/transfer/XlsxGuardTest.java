package sunshine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.shared.BusinessException;

/** Each kind of bad upload is crafted from a genuine workbook and refused with its own message key. */
class XlsxGuardTest {

    private static final long MIB = 1L << 20;
    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String XXE = "<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

    @TempDir
    Path dir;

    @Test
    void aGenuineWorkbookPasses() throws IOException {
        Path file = CraftedXlsx.genuine().writeTo(dir.resolve("ok.xlsx"));
        assertThatCode(() -> XlsxGuard.check(file)).doesNotThrowAnyException();
    }

    @Test
    void cellTextThatLooksLikeMarkupIsEscapedAndPasses() throws IOException {
        CraftedXlsx xlsx = CraftedXlsx.genuine();
        assertThat(xlsx.text("xl/sharedStrings.xml"))
                .contains("&lt;!DOCTYPE x&gt;")
                .contains("macroEnabled");
        Path file = xlsx.writeTo(dir.resolve("markup.xlsx"));
        assertThatCode(() -> XlsxGuard.check(file)).doesNotThrowAnyException();
    }

    @Test
    void aLargeEntryThatBarelyCompressesPasses() throws IOException {
        byte[] photo = new byte[(int) (12 * MIB)];
        new Random(42).nextBytes(photo);
        Path file = CraftedXlsx.genuine().put("xl/media/image1.bin", photo).writeTo(dir.resolve("photo.xlsx"));
        assertThatCode(() -> XlsxGuard.check(file)).doesNotThrowAnyException();
    }

    @Test
    void plainTextRenamedToXlsxIsNotAWorkbook() throws IOException {
        Path file = Files.writeString(dir.resolve("list.xlsx"), "账号,金额\n6222020200112233445,1250.50\n");
        assertRefused(file, "xlsx.error.notXlsx");
    }

    @Test
    void anEmptyFileIsNotAWorkbook() throws IOException {
        assertRefused(Files.write(dir.resolve("empty.xlsx"), new byte[0]), "xlsx.error.notXlsx");
    }

    @Test
    void anOle2FileIsEncryptedOrLegacy() throws IOException {
        byte[] ole2 = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        assertRefused(Files.write(dir.resolve("locked.xlsx"), ole2), "xlsx.error.encryptedOrLegacy");
    }

    @Test
    void aTruncatedZipIsNotAWorkbook() throws IOException {
        byte[] whole = Files.readAllBytes(CraftedXlsx.genuine().writeTo(dir.resolve("whole.xlsx")));
        Path file = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        assertRefused(file, "xlsx.error.notXlsx");
    }

    @Test
    void aZipWithoutWorkbookXmlIsNotAWorkbook() throws IOException {
        Path file = CraftedXlsx.genuine().remove(WORKBOOK).writeTo(dir.resolve("noworkbook.xlsx"));
        assertRefused(file, "xlsx.error.notXlsx");
    }

    @Test
    void aZipWithoutContentTypesIsNotAWorkbook() throws IOException {
        Path file = CraftedXlsx.genuine().remove(CONTENT_TYPES).writeTo(dir.resolve("notypes.xlsx"));
        assertRefused(file, "xlsx.error.notXlsx");
    }

    @Test
    void aVbaProjectInAnyCaseIsRefused() throws IOException {
        Path file = CraftedXlsx.genuine()
                .put("xl/VBAProject.BIN", new byte[] {1, 2, 3})
                .writeTo(dir.resolve("vba.xlsx"));
        assertRefused(file, "xlsx.error.macros");
    }

    @Test
    void aMacroEnabledContentTypeIsRefused() throws IOException {
        Path file = CraftedXlsx.genuine()
                .edit(
                        CONTENT_TYPES,
                        t -> t.replace(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                "application/vnd.ms-excel.sheet.macroEnabled.main+xml"))
                .writeTo(dir.resolve("xlsm.xlsx"));
        assertRefused(file, "xlsx.error.macros");
    }

    @Test
    void anExcel4MacroSheetContentTypeIsRefused() throws IOException {
        Path file = CraftedXlsx.genuine()
                .edit(
                        CONTENT_TYPES,
                        t -> t.replace(
                                "</Types>",
                                "<Override PartName=\"/xl/worksheets/sheet2.xml\""
                                        + " ContentType=\"application/vnd.ms-excel.macrosheet+xml\"/></Types>"))
                .writeTo(dir.resolve("xlm.xlsx"));
        assertRefused(file, "xlsx.error.macros");
    }

    @Test
    void aTotalAboveTheLimitIsRefused() throws IOException {
        CraftedXlsx xlsx = CraftedXlsx.genuine();
        for (int i = 1; i <= 6; i++) {
            xlsx.put("xl/media/blank" + i + ".bin", CraftedXlsx.zeros(9 * MIB)); // each below the ratio floor
        }
        Path file = xlsx.writeTo(dir.resolve("total.xlsx"));
        assertRefused(new XlsxGuard(50 * MIB), file, "xlsx.error.tooLarge");
        assertThatCode(() -> XlsxGuard.check(file)).as("1 GiB default").doesNotThrowAnyException();
    }

    @Test
    void aHighlyCompressedEntryIsRefused() throws IOException {
        Path file =
                CraftedXlsx.genuine().put(SHEET, CraftedXlsx.zeros(100 * MIB)).writeTo(dir.resolve("bomb.xlsx"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry(SHEET).getSize()).as("declared honestly").isEqualTo(100 * MIB);
            assertThat(zip.getEntry(SHEET).getCompressedSize()).isLessThan(MIB);
        }
        assertRefused(file, "xlsx.error.tooLarge");
        assertRefused(new XlsxGuard(50 * MIB), file, "xlsx.error.tooLarge");
    }

    @Test
    void sizesThatLieInTheCentralDirectoryAreCaughtWhileInflating() throws IOException {
        Path file =
                CraftedXlsx.genuine().put(SHEET, CraftedXlsx.zeros(60 * MIB)).writeTo(dir.resolve("liar.xlsx"));
        declareSize(file, SHEET, 1000);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry(SHEET).getSize()).as("the lie").isEqualTo(1000);
        }
        assertRefused(new XlsxGuard(50 * MIB), file, "xlsx.error.tooLarge");
    }

    @Test
    void moreThanTenThousandEntriesAreRefused() throws IOException {
        CraftedXlsx xlsx = CraftedXlsx.genuine();
        for (int i = 0; i < 10_000; i++) {
            xlsx.put("xl/media/dot" + i + ".bin", new byte[] {1});
        }
        assertRefused(xlsx.writeTo(dir.resolve("many.xlsx")), "xlsx.error.tooLarge");
    }

    @Test
    void aDoctypeInTheWorkbookIsRefused() throws IOException {
        Path file = CraftedXlsx.genuine()
                .edit(WORKBOOK, t -> t.replace("?><workbook", "?>" + XXE + "<workbook"))
                .writeTo(dir.resolve("xxe.xlsx"));
        assertRefused(file, "xlsx.error.xmlEntities");
    }

    @Test
    void anEntityWithoutDoctypeInARelsPartIsRefused() throws IOException {
        Path file = CraftedXlsx.genuine()
                .edit(
                        "xl/_rels/workbook.xml.rels",
                        t -> t.replace("?><Relationships", "?><!entity x \"y\"><Relationships"))
                .writeTo(dir.resolve("entity.xlsx"));
        assertRefused(file, "xlsx.error.xmlEntities");
    }

    @Test
    void aDoctypeInAUtf16SheetIsRefused() throws IOException {
        CraftedXlsx xlsx = CraftedXlsx.genuine();
        String sheet = xlsx.text(SHEET).replace("UTF-8", "UTF-16").replace("?><worksheet", "?>" + XXE + "<worksheet");
        Path file = xlsx.put(SHEET, "\uFEFF" + sheet, StandardCharsets.UTF_16LE).writeTo(dir.resolve("utf16.xlsx"));
        assertRefused(file, "xlsx.error.xmlEntities");
    }

    @Test
    void aDoctypeInASheetNotNamedXmlIsRefused() throws IOException {
        CraftedXlsx xlsx = CraftedXlsx.genuine();
        String sheet = xlsx.text(SHEET).replace("?><worksheet", "?>" + XXE + "<worksheet");
        Path file = xlsx.remove(SHEET)
                .put("xl/worksheets/sheet1.dat", sheet)
                .edit("xl/_rels/workbook.xml.rels", t -> t.replace("worksheets/sheet1.xml", "worksheets/sheet1.dat"))
                .writeTo(dir.resolve("hidden.xlsx"));
        assertRefused(file, "xlsx.error.xmlEntities");
    }

    @Test
    void anEncodingOtherThanUtf8OrUtf16IsRefused() throws IOException {
        Path file = CraftedXlsx.genuine()
                .edit(WORKBOOK, t -> t.replace("encoding=\"UTF-8\"", "encoding=\"IBM037\""))
                .writeTo(dir.resolve("ebcdic-declared.xlsx"));
        assertRefused(file, "xlsx.error.notXlsx");
    }

    @Test
    void anEbcdicPartThatHidesItsDoctypeIsRefused() throws IOException {
        CraftedXlsx xlsx = CraftedXlsx.genuine();
        String workbook =
                xlsx.text(WORKBOOK).replace("UTF-8", "IBM037").replace("?><workbook", "?>" + XXE + "<workbook");
        Path file = xlsx.put(WORKBOOK, workbook, Charset.forName("IBM037")).writeTo(dir.resolve("ebcdic.xlsx"));
        assertRefused(file, "xlsx.error.notXlsx");
    }

    @Test
    void everyRefusalHasChineseAndEnglishText() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/" + name)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(p.stringPropertyNames())
                    .as(name)
                    .contains(
                            "xlsx.error.notXlsx",
                            "xlsx.error.encryptedOrLegacy",
                            "xlsx.error.macros",
                            "xlsx.error.tooLarge",
                            "xlsx.error.xmlEntities");
        }
    }

    private static void assertRefused(Path file, String key) {
        assertRefused(new XlsxGuard(), file, key);
    }

    private static void assertRefused(XlsxGuard guard, Path file, String key) {
        assertThatThrownBy(() -> guard.inspect(file))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    /** Overwrites the uncompressed size that the central directory declares for {@code name}. */
    private static void declareSize(Path file, String name, int size) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = zip.length - 46; at >= 0; at--) {
            if (buf.getInt(at) == 0x02014b50
                    && buf.getShort(at + 28) == wanted.length
                    && Arrays.equals(zip, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                buf.putInt(at + 24, size);
                Files.write(file, zip);
                return;
            }
        }
        throw new IllegalStateException("no central directory header for " + name);
    }
}
