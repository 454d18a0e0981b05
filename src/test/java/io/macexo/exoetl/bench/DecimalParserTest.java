package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The floor's byte-level parser must give Double.parseDouble's value, bit for bit. */
class DecimalParserTest {
  @Test
  void plainDecimalsMatchDoubleParseDoubleBitForBit() {
    SplittableRandom random = new SplittableRandom(7);
    for (int index = 0; index < 200_000; index++) {
      double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 6));
      String text =
          switch (index % 3) {
            case 0 -> String.format(Locale.ROOT, "%.6f", value);
            case 1 -> Double.toString(value).contains("E") ? "0.5" : Double.toString(value);
            default -> String.format(Locale.ROOT, "%.3f", value);
          };
      assertThat(Double.doubleToRawLongBits(parse(text)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void thePhase1Spellings() {
    assertThat(parse("41.76000000000001")).isEqualTo(41.76000000000001);
    assertThat(parse("41.760")).isEqualTo(41.76);
    assertThat(parse("-0.000")).isEqualTo(-0.0);
    assertThat(parse(" 9.81\r")).isEqualTo(9.81);
    assertThat(parse("")).isNaN();
    assertThat(parse("NaN")).isNaN();
    assertThat(parse("nan")).isNaN();
    assertThat(parse("-")).isNaN();
  }

  @Test
  void whatTheFastPathCannotTakeGoesToDoubleParseDouble() {
    assertThat(parse("1.5e3")).isEqualTo(1500.0);
    assertThat(parse("12345678901234567890.5")).isEqualTo(12345678901234567890.5);
    assertThat(parse("0.00000000000000000000000001")).isEqualTo(1e-26);
  }

  @Test
  void theJdkVariantReadsTheSameValues() {
    for (String text : new String[] {"-12.345678", "41.76000000000001", "", "NaN", "3\r"}) {
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      assertThat(Double.valueOf(DecimalParser.parseWithJdk(bytes, 0, bytes.length)))
          .as(text)
          .isEqualTo(Double.valueOf(parse(text)));
    }
  }

  private static double parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return DecimalParser.parse(bytes, 0, bytes.length);
  }
}
