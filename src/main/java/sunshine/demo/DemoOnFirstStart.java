package sunshine.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads the demo banks on the first start (when the database holds no bank yet). */
@Component
@ConditionalOnProperty(name = "sunshine.demo.enabled", havingValue = "true")
class DemoOnFirstStart implements ApplicationRunner {

    private final DemoBank demo;

    DemoOnFirstStart(DemoBank demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.loadIfEmpty();
    }
}
