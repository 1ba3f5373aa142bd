package sunshine.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Personal identifiers never reach the application log in clear (foundation issue, point 8). */
class MaskingMessageConverterTest {

    @Test
    void residentIdsAndMobilePhonesAreMasked() {
        assertThat(MaskingMessageConverter.mask("refiled 37012319900307123X, phone 13812345678"))
                .isEqualTo("refiled 370123***********X, phone 138****5678");
        assertThat(MaskingMessageConverter.mask("legacy id 370123900307123 ok"))
                .isEqualTo("legacy id 370123********3 ok");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        assertThat(MaskingMessageConverter.mask("loaded 594 areas in 2499 ms; code 370114001001; order 123456789012"))
                .isEqualTo("loaded 594 areas in 2499 ms; code 370114001001; order 123456789012");
        assertThat(MaskingMessageConverter.mask("loan L20260001384567890123")).isEqualTo("loan L20260001384567890123");
    }

    @Test
    void theApplicationsLogConfigurationUsesTheConverter() {
        // logback-spring.xml is applied by Spring Boot; here we check the converter as the pattern layout uses it
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        context.putObject(
                ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY,
                new java.util.HashMap<>(java.util.Map.of("m", MaskingMessageConverter.class.getName())));
        encoder.setContext(context);
        encoder.setPattern("%m");
        encoder.start();
        Logger logger = context.getLogger("masking-test");
        ListAppender<ILoggingEvent> list = new ListAppender<>();
        list.setContext(context);
        list.start();
        logger.addAppender(list);
        logger.info("customer {} phone {}", "370123199003071234", "13912345678");
        String line = new String(encoder.encode(list.list.get(0)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("customer 370123***********4 phone 139****5678");
        context.removeObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY);
    }
}
