package sunshine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sunshine.shared.BusinessException;

class SnapshotReaderTest {

    static final String HEADER = "贷款账号,借款人身份证号,机构代码,金额,发生日期\n";

    @Test
    void quotedFieldsCommasAndLineBreaks() throws Exception {
        List<SnapshotReader.Line> lines = new ArrayList<>();
        SnapshotReader.readCsv(
                new StringReader("\uFEFF" + HEADER + "\"A,1\",\"x\"\"y\",B03,\"1\n2\",2024-01-01\r\n\nL2,,B03,5,\n"),
                SnapshotKind.LITIGATION,
                lines::add);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).rowNo()).isEqualTo(2);
        assertThat(lines.get(0).cells()).containsExactly("A,1", "x\"y", "B03", "1\n2", "2024-01-01");
        // the blank line 4 is skipped; the next record starts on line 5
        assertThat(lines.get(1).rowNo()).isEqualTo(5);
        assertThat(lines.get(1).cells()).containsExactly("L2", null, "B03", "5", null);
    }

    @Test
    void wrongHeaderOrNoRowsAreRefused() {
        assertThatThrownBy(() -> SnapshotReader.readCsv(new StringReader("a,b\n"), SnapshotKind.LITIGATION, l -> {}))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> SnapshotReader.readCsv(new StringReader(HEADER), SnapshotKind.LITIGATION, l -> {}))
                .isInstanceOf(BusinessException.class);
    }
}
