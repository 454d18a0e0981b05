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

  private static long step(String text, int rateHz) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return NumberText.step(bytes, 0, bytes.length, rateHz);
  }

  private static long stepByDouble(String text, int rateHz) {
    return Math.round(Double.parseDouble(text) * rateHz);
  }

  @Test
  void timeStepsEqualRoundingTheParsedDouble() {
    Random random = new Random(7);
    int[] rates = {200, 100, 1, 333, 899};
    for (int i = 0; i < 300_000; i++) {
      int rate = rates[i % rates.length];
      double seconds = random.nextInt(40_000) / 200.0 + (random.nextInt(3) - 1) * 1e-14;
      String text =
          switch (i % 5) {
            // The recording software's float noise: 17 significant digits.
            case 0 ->
                new java.math.BigDecimal(seconds)
                    .round(new java.math.MathContext(17))
                    .toPlainString();
            case 1 -> Double.toString(seconds);
            case 2 -> String.format("%.16f", random.nextDouble() * 100);
            // Exactly halfway between two steps, and just either side of it.
            case 3 -> String.format("%.16f", (random.nextInt(20_000) + 0.5) / rate);
            default -> String.format("%.15f", seconds + (random.nextInt(3) - 1) * 1e-15);
          };
      assertThat(step(text, rate))
          .as(text + " at " + rate + " Hz")
          .isEqualTo(stepByDouble(text, rate));
    }
  }

  @Test
  void timeStepsOfTheRealSpellingsAndOfNonNumbers() {
    assertThat(step("31.044999999999998", 200)).isEqualTo(6209);
    assertThat(step("0.0025000000000000001", 200))
        .isEqualTo(stepByDouble("0.0025000000000000001", 200));
    assertThat(step("10000000.000000001", 200)).isEqualTo(2_000_000_000L);
    assertThat(step("-31.044999999999998", 200)).isEqualTo(-6209);
    assertThat(step("3.1044999999999998e1", 200)).isEqualTo(6209);
    assertThat(step(" 0.005\r", 200)).isEqualTo(1);
    assertThat(step("", 200)).isEqualTo(NumberText.NO_STEP);
    assertThat(step("NaN", 200)).isEqualTo(NumberText.NO_STEP);
    assertThat(step("inf", 200)).isEqualTo(NumberText.NO_STEP);
    assertThat(step("1.2.3", 200)).isEqualTo(NumberText.NO_STEP);
  }
}
