package sunshine.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowPipeTest {

    @Test
    void everyValueArrivesOnceInOrder_nullsDropped() throws Exception {
        List<Integer> got = new ArrayList<>();
        try (RowPipe<Integer> pipe =
                new RowPipe<>(IntStream.range(0, 10_000).iterator(), i -> i % 3 == 0 ? null : i, "test")) {
            for (List<Integer> b; (b = pipe.next()) != null; ) {
                got.addAll(b);
            }
        }
        assertThat(got).hasSize(10_000 - 3334);
        assertThat(got).isSorted().doesNotHaveDuplicates().allMatch(i -> i % 3 != 0);
    }

    @Test
    void whatGoesWrongWhileProducingIsThrownToTheConsumer() {
        assertThatThrownBy(() -> {
                    try (RowPipe<Integer> pipe = new RowPipe<>(
                            IntStream.range(0, 5000).iterator(),
                            i -> {
                                if (i == 4000) {
                                    throw new IllegalStateException("bad row 4000");
                                }
                                return i;
                            },
                            "test")) {
                        while (pipe.next() != null) {
                            // drain
                        }
                    }
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bad row 4000");
    }

    @Test
    void closingEarlyStopsTheProducer() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            public boolean hasNext() {
                return true;
            }

            public Integer next() {
                return produced.incrementAndGet();
            }
        };
        try (RowPipe<Integer> pipe = new RowPipe<>(endless, i -> i, "test")) {
            assertThat(pipe.next()).hasSize(512);
        }
        int after = produced.get();
        Thread.sleep(200);
        assertThat(produced.get()).isEqualTo(after);
    }
}
