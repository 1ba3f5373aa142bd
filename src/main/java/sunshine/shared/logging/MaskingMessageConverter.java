package sunshine.shared.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * The log message with resident ID numbers and mobile phone numbers masked, whatever logged them (our code,
 * a library, an exception message quoting a value). Installed for {@code %m}/{@code %msg} in logback-spring.xml.
 */
public class MaskingMessageConverter extends MessageConverter {

    private static final Pattern RESIDENT_ID =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8}|\\d{6})(\\d{3}[0-9Xx]|\\d{3})(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    public static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String s = RESIDENT_ID
                .matcher(message)
                .replaceAll(m -> m.group(1)
                        + "*".repeat(m.group(2).length())
                        + "*".repeat(m.group(3).length() - 1)
                        + m.group(3).charAt(m.group(3).length() - 1));
        return MOBILE.matcher(s).replaceAll("$1****$3");
    }
}
