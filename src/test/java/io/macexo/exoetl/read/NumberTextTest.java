package io.macexo.exoetl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte fast path must give exactly what Double.parseDouble gives, bit for bit. */
class NumberTextTest {
  private static double parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return NumberText.parse(bytes, 0, bytes.length);
  }

  @Test
  void plainDecimalsEqualParseDoubleBitForBit() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
      String text =
          switch (i % 4) {
            case 0 -> String.format("%.6f", value);
            case 1 -> String.format("%.3f", value);
            case 2 -> Double.toString(value);
            default -> String.format("%.12f", value);
          };
      assertThat(Double.doubleToRawLongBits(parse(text)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void theRealFilesSpellingsParse() {
    assertThat(parse("41.76000000000001")).isEqualTo(41.76000000000001);
    assertThat(parse("41.760")).isEqualTo(41.76);
    assertThat(parse("-0.000000")).isEqualTo(-0.0);
    assertThat(parse("+5")).isEqualTo(5.0);
    assertThat(parse(".5")).isEqualTo(0.5);
    assertThat(parse("1e-3")).isEqualTo(0.001);
    assertThat(parse("12345678901234567890.5")).isEqualTo(12345678901234567890.5);
    assertThat(parse(" 2.5\r")).isEqualTo(2.5);
    assertThat(parse("")).isNaN();
    assertThat(parse("NaN")).isNaN();
    assertThat(parse("nan")).isNaN();
    assertThat(parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NumberText.isBad(parse("abc"))).isTrue();
    assertThat(NumberText.isBad(parse("n/a"))).isTrue();
    assertThat(NumberText.isBad(parse("1.2.3"))).isTrue();
    assertThat(NumberText.isBad(parse("-"))).isTrue();
    assertThat(NumberText.isBad(parse("NaN"))).isFalse();
  }
}
