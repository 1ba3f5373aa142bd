package sunshine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R5, worked from GB 11643-1999 by hand, not from the code. */
class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void theStandardsWorkedExampleIsValid() {
        // GB 11643-1999 appendix example: 11010519491231002X (Beijing, 1949-12-31, female)
        var p = ResidentId.parse("11010519491231002X", TODAY);
        assertThat(p.valid()).isTrue();
        assertThat(p.id().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(p.id().gender()).isEqualTo('F');
    }

    @Test
    void theCheckCharacterIsComputedWithMod11_2() {
        // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2 -> 'X'
        assertThat(ResidentId.checkChar("11010519491231002")).isEqualTo('X');
        // 3*7+7*9+0+1*5+2*8+3*4+1*2+9*1+9*6+0*3+0*7+3*9+0*10+7*5+1*8+2*4+3*2 = 266; 266 mod 11 = 2 -> 'X'
        assertThat(ResidentId.checkChar("37012319900307123")).isEqualTo('X');
        // 3*7+7*9+0+1*5+1*8+4*4+1*2+9*1+8*6+5*3+0+6*9+1*10+5*5+0+3*4+1*2 = 290; 290 mod 11 = 4 -> '8'
        assertThat(ResidentId.checkChar("37011419850615031")).isEqualTo('8');
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertThat(ResidentId.parse("110105194912310021", TODAY).problem()).isEqualTo(ResidentId.Problem.CHECKSUM);
    }

    @Test
    void aLowerCaseXAndSpacesAreAccepted() {
        assertThat(ResidentId.parse(" 11010519491231002x ", TODAY).id().value()).isEqualTo("11010519491231002X");
    }

    @Test
    void fifteenDigitLegacyNumbersAreConvertedTo18() {
        // 370114850615031 -> 370114 19 850615 031 + check '8'
        var p = ResidentId.parse("370114850615031", TODAY);
        assertThat(p.id().value()).isEqualTo("370114198506150318");
        assertThat(p.id().gender()).isEqualTo('M');
    }

    @Test
    void impossibleBirthDatesUnknownProvincesAndWrongLengthsAreRefused() {
        assertThat(ResidentId.parse("110105194902301234", TODAY).problem()).isEqualTo(ResidentId.Problem.BIRTH_DATE);
        assertThat(ResidentId.parse("110105203001011234", TODAY).problem()).isEqualTo(ResidentId.Problem.BIRTH_DATE);
        assertThat(ResidentId.parse("990105194912310021", TODAY).problem()).isEqualTo(ResidentId.Problem.PROVINCE);
        assertThat(ResidentId.parse("1101051949123100", TODAY).problem()).isEqualTo(ResidentId.Problem.LENGTH);
        assertThat(ResidentId.parse("11010519491231002Y", TODAY).problem()).isEqualTo(ResidentId.Problem.CHARACTERS);
        assertThat(ResidentId.parse("", TODAY).problem()).isEqualTo(ResidentId.Problem.EMPTY);
    }

    @Test
    void masking() {
        assertThat(ResidentId.mask("37012319900307123X")).isEqualTo("3701**********123X");
    }
}
