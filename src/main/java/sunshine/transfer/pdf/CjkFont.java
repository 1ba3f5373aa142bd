package sunshine.transfer.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Noto Sans SC (TrueType, from {@code ph-fonts-noto-sans-sc}) for every printed document (booklets, notices,
 * certificates, summaries). The 10 MB file is read
 * once; parsed copies are lent to one document at a time (a parsed font keeps a read position, so two documents
 * must not share one), at most as many as there are processors, so PDF rendering never takes more than the
 * machine. Glyph widths of the Basic Multilingual Plane are measured once at start, so laying out text costs an
 * array look-up per character.
 */
public final class CjkFont {

    public static final String RESOURCE = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

    /** What stands in for a character the font does not have (rare characters outside the font). */
    public static final char MISSING = '□';

    private static final String NO_LINE_START = "）)，,。.、；;：:！!？?」』】》”’";

    private static volatile CjkFont instance;

    private final byte[] data;
    private final float[] widths = new float[0x10000];
    private final BlockingQueue<TrueTypeFont> idle;
    private final AtomicInteger created = new AtomicInteger();
    private final int max;
    private final TrueTypeFont metrics;

    private CjkFont(byte[] data, int max) throws IOException {
        this.data = data;
        this.max = max;
        this.idle = new ArrayBlockingQueue<>(max);
        this.metrics = parse();
        CmapLookup cmap = metrics.getUnicodeCmapLookup();
        float scale = 1000f / metrics.getUnitsPerEm();
        Arrays.fill(widths, Float.NaN);
        for (int cp = 0x20; cp < 0x10000; cp++) {
            int gid = cmap.getGlyphId(cp);
            if (gid > 0) {
                widths[cp] = metrics.getAdvanceWidth(gid) * scale;
            }
        }
    }

    /** The font, loaded on first use. */
    public static CjkFont get() {
        CjkFont f = instance;
        if (f == null) {
            synchronized (CjkFont.class) {
                f = instance;
                if (f == null) {
                    try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("font missing from the class path: " + RESOURCE);
                        }
                        f = new CjkFont(
                                in.readAllBytes(),
                                Math.max(2, Runtime.getRuntime().availableProcessors()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    instance = f;
                }
            }
        }
        return f;
    }

    /** Borrows a parsed font for one document; give it back with {@link #release}. Waits while all are lent. */
    public TrueTypeFont borrow() {
        TrueTypeFont f = idle.poll();
        if (f != null) {
            return f;
        }
        if (created.incrementAndGet() <= max) {
            try {
                return parse();
            } catch (IOException e) {
                created.decrementAndGet();
                throw new UncheckedIOException(e);
            }
        }
        created.decrementAndGet();
        try {
            f = idle.poll(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the CJK font", e);
        }
        if (f == null) {
            throw new IllegalStateException("no CJK font became free");
        }
        return f;
    }

    public void release(TrueTypeFont f) {
        idle.offer(f);
    }

    /** Width of the text in points at the given size; characters the font lacks count as {@link #MISSING}. */
    public float width(CharSequence text, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += advance(text.charAt(i));
        }
        return w * size / 1000f;
    }

    public float advance(char c) {
        float w = widths[c];
        return Float.isNaN(w) ? widths[MISSING] : w;
    }

    /**
     * The text with every character the font cannot show replaced (surrogate pairs: characters outside the
     * Basic Multilingual Plane, which a village name or person's name very rarely needs, and control characters).
     */
    public String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = !Character.isSurrogate(c) && !Float.isNaN(widths[c]);
            if (!ok) {
                if (sb == null) {
                    sb = new StringBuilder(text.substring(0, i));
                }
                if (Character.isHighSurrogate(c) || !Character.isSurrogate(c)) {
                    sb.append(Character.isWhitespace(c) ? ' ' : MISSING);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * Breaks text into lines no wider than {@code maxWidth} points at {@code fontSize}: Chinese may break between
     * any two characters, a space ends a line, closing punctuation never starts one.
     */
    public List<String> wrap(String text, float maxWidth, float fontSize) {
        String s = printable(text);
        List<String> lines = new ArrayList<>();
        float limit = maxWidth * 1000f / fontSize;
        StringBuilder line = new StringBuilder();
        float w = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                w = 0;
                continue;
            }
            float a = advance(ch);
            if (w + a > limit && line.length() > 0) {
                String carry =
                        NO_LINE_START.indexOf(ch) >= 0 && line.length() > 1 ? line.substring(line.length() - 1) : "";
                lines.add(line.substring(0, line.length() - carry.length()));
                line.setLength(0);
                line.append(carry);
                w = carry.isEmpty() ? 0 : advance(carry.charAt(0));
                if (ch == ' ') {
                    continue;
                }
            }
            line.append(ch);
            w += a;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private TrueTypeFont parse() throws IOException {
        TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBuffer(data));
        // glyph substitution (ligatures, contextual forms) does nothing for Chinese, and PDFBox's is slow: off
        f.setEnableGsub(false);
        return f;
    }
}
